package dev.sfapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.LoopbackProxy;
import dev.sfapi.standin.SalesforceStandIn;
import dev.sfapi.standin.StandInKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The two goals in org mode, built as Maven builds them (parameters, settings.xml server through
 * Maven's decrypter, environment) against the stand-in, with the whole log captured at debug level:
 * the verdict, which exception type, and that no credential reaches the log or an exception.
 */
class OrgModeMojoTest {

    static final String JWT_APP = "3MVG9standin.jwt.ci";
    static final String DECLARATION = """
            integrations:
              - name: payroll-opportunities
                user: platform.integration@acme.example
                objects:
                  Opportunity: [read, edit]
              - name: api-sync
                user: api.integration@acme.example
                permissions: [ApiEnabled]
            """;
    /** A session id as Salesforce issues them: org id, '!', the secret part. */
    static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]");

    private static SalesforceStandIn org;
    private static Path keys;

    @TempDir
    Path project;

    private CapturingLog log;
    private Settings settings;
    private DefaultSettingsDecrypter decrypter;
    private Map<String, String> env;
    private DefaultPlexusCipher cipher;

    @BeforeAll
    static void start() throws Exception {
        keys = Files.createTempDirectory("sfapi-jwt");
        KeyPair pair = StandInKeys.writeRsaKeyPair(keys.resolve("server.key"), keys.resolve("server.pub"));
        org = SalesforceStandIn.start(CorpusOrg.builder()
                .connectedApp(JWT_APP, a -> a.jwtPublicKey(pair.getPublic())).build());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        org.control().reset();
        org.log().clear();
        Files.writeString(project.resolve("sfapi-users.yml"), DECLARATION);
        log = new CapturingLog();
        settings = new Settings();
        env = new HashMap<>();
        cipher = new DefaultPlexusCipher();
        Path security = project.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-pw",
                DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION) + "</master></settingsSecurity>");
        decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private <T extends AbstractOrgMojo> T configure(T mojo) {
        mojo.baseDirectory = project.toFile();
        mojo.declaration = project.resolve("sfapi-users.yml").toFile();
        mojo.settings = settings;
        mojo.settingsDecrypter = decrypter;
        mojo.environment = env::get;
        mojo.setLog(log);
        return mojo;
    }

    private ValidateApiUsersMojo validate() {
        ValidateApiUsersMojo mojo = configure(new ValidateApiUsersMojo());
        mojo.reportsDirectory = project.resolve("target/sfapi-reports").toFile();
        return mojo;
    }

    private SnapshotMojo snapshot() {
        SnapshotMojo mojo = configure(new SnapshotMojo());
        mojo.snapshotFile = project.resolve("target/sfapi-snapshot.json").toFile();
        return mojo;
    }

    /** The settings.xml server a CI user writes for the JWT flow. */
    private void jwtServer() {
        Server server = new Server();
        server.setId("sf-ci");
        server.setUsername(CorpusOrg.INTEGRATION_USER);
        server.setPrivateKey(keys.resolve("server.key").toString());
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(element("clientId", JWT_APP));
        config.addChild(element("loginUrl", org.baseUrl()));
        server.setConfiguration(config);
        settings.addServer(server);
    }

    private static Xpp3Dom element(String name, String value) {
        Xpp3Dom e = new Xpp3Dom(name);
        e.setValue(value);
        return e;
    }

    private void clientCredentialsInEnvironment(String secret) {
        env.put("SFAPI_INSTANCE_URL", org.baseUrl());
        env.put("SFAPI_CLIENT_ID", CorpusOrg.CLIENT_ID);
        env.put("SFAPI_CLIENT_SECRET", secret);
        env.put("SFAPI_RETRY_BACKOFF_MILLIS", "1");
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private void assertNoSecret(String text, String... secrets) {
        for (int i = 0; i < secrets.length; i++) {
            assertFalse(text.contains(secrets[i]), "secret #" + i + " appears");
        }
        assertFalse(SESSION_ID.matcher(text).find(), "a session id appears");
        assertFalse(text.contains("BEGIN PRIVATE KEY"), "a private key appears");
    }

    @Test
    void jwtFromSettingsXmlValidatesAgainstTheOrgAndFailsThePlatformUsersOpportunityEdit() throws Exception {
        jwtServer();
        ValidateApiUsersMojo mojo = validate();
        mojo.serverId = "sf-ci";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("in the integration users' access"), e.getMessage());
        String text = log.text();
        assertTrue(text.contains("[INFO] sfapi: connecting with OAuth 2.0 JWT bearer flow"), text);
        // The stand-in is on loopback over http, which is allowed there only, and said so.
        assertTrue(text.contains("[INFO] sfapi: " + org.baseUrl() + " is plain http, which sfapi allows for loopback"
                + " addresses only"), text);
        assertTrue(text.contains("read 2 users (2 found) from org Acme (stand-in)"), text);
        assertTrue(text.contains("license-denies-object"), text);
        assertTrue(log.at("DEBUG").stream().anyMatch(l -> l.contains("API requests in the last 24 h")),
                "api usage at debug");
        assertEquals(1, org.log().count(Endpoint.OAUTH_TOKEN, "jwt-bearer"));
        assertTrue(Files.exists(project.resolve("target/sfapi-reports/TEST-sfapi-validate-api-users.xml")));
        String report = Files.readString(project.resolve("target/sfapi-reports/sfapi-report.md"));
        assertTrue(report.contains("org Acme (stand-in)"), "the report names the org");
        assertNoSecret(text + trace(e) + report, Files.readString(keys.resolve("server.key")).lines()
                .filter(l -> !l.startsWith("-----")).findFirst().orElseThrow());
    }

    @Test
    void clientCredentialsFromTheEnvironmentChooseOrgModeAndNeverShowTheSecret() throws Exception {
        clientCredentialsInEnvironment(CorpusOrg.CLIENT_SECRET);
        ValidateApiUsersMojo mojo = validate();
        mojo.failOnError = false;

        mojo.execute();

        String text = log.text();
        assertTrue(text.contains("connecting with OAuth 2.0 client credentials flow"), text);
        assertTrue(org.log().count(Endpoint.REST_QUERY) > 0, "the org was asked");
        assertNoSecret(text + Files.readString(project.resolve("target/sfapi-reports/sfapi-report.md"))
                + Files.readString(project.resolve("target/sfapi-reports/TEST-sfapi-validate-api-users.xml")),
                CorpusOrg.CLIENT_SECRET);
    }

    @Test
    void aWrongSecretIsAClearExecutionFailureWithoutTheSecret() throws Exception {
        String wrong = "wrong-secret-" + System.nanoTime();
        clientCredentialsInEnvironment(wrong);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, validate()::execute);
        assertTrue(e.getMessage().contains("sfapi:"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("client"), e.getMessage());
        assertNoSecret(log.text() + trace(e), wrong, CorpusOrg.CLIENT_SECRET);
    }

    @Test
    void theLegacySoapLoginWorksWithAWarningAndHidesPasswordAndToken() throws Exception {
        env.put("SFAPI_LOGIN_URL", org.baseUrl());
        env.put("SFAPI_USERNAME", CorpusOrg.PLATFORM_USER);
        env.put("SFAPI_PASSWORD", CorpusOrg.PLATFORM_PASSWORD);
        env.put("SFAPI_SECURITY_TOKEN", CorpusOrg.PLATFORM_TOKEN);
        ValidateApiUsersMojo mojo = validate();
        mojo.failOnError = false;

        mojo.execute();

        List<String> warnings = log.at("WARNING");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SOAP login() (username, password and security token)"
                + " is legacy") && w.contains("Summer '27")), warnings.toString());
        assertEquals(1, org.log().count(Endpoint.PARTNER_SOAP, "login"));
        assertNoSecret(log.text(), CorpusOrg.PLATFORM_PASSWORD, CorpusOrg.PLATFORM_TOKEN);
    }

    /** A pom with the sfapi plugin configured as given and these properties. */
    private MavenProject pom(Properties properties, Xpp3Dom pluginConfiguration) {
        Model model = new Model();
        model.setProperties(properties);
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.sfapi");
        plugin.setArtifactId("sfapi-maven-plugin");
        plugin.setConfiguration(pluginConfiguration);
        Build build = new Build();
        build.addPlugin(plugin);
        model.setBuild(build);
        MavenProject pom = new MavenProject(model);
        pom.setOriginalModel(model);
        pom.setFile(project.resolve("pom.xml").toFile());
        return pom;
    }

    /** A Maven session whose user properties are {@code -D} on the command line. */
    private static MavenSession session(Properties userProperties, Properties systemProperties) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(userProperties);
        request.setSystemProperties(systemProperties);
        return new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    }

    @Test
    void aSecretPropertyInThePomIsWarnedAboutByNameNotValue() throws Exception {
        String secret = "pom-secret-" + System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("sfapi.clientSecret", secret);
        properties.setProperty("sfapi.accessToken", "${env.SF_TOKEN}"); // a reference, not plain text
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(element("clientId", "3MVG9notasecret"));
        ValidateApiUsersMojo mojo = validate();
        mojo.project = pom(properties, config);
        mojo.source = "metadata";
        Files.createDirectories(project.resolve("force-app/main/default"));

        assertThrows(MojoFailureException.class, mojo::execute); // no users section: not the point here

        // The ${env.SF_TOKEN} reference is not plain text (this model isn't interpolated, so it also gets the
        // "could not resolve" warning of the test below).
        List<String> warnings = log.at("WARNING").stream().filter(w -> w.contains("plain text")).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("sets the property sfapi.clientSecret in plain text"), warnings.get(0));
        assertTrue(warnings.get(0).contains("SFAPI_CLIENT_SECRET"), warnings.get(0));
        assertNoSecret(log.text(), secret);
    }

    @Test
    void aSecretInThePluginConfigurationStopsTheBuildInsteadOfBeingIgnored() throws Exception {
        String secret = "config-secret-" + System.nanoTime();
        Xpp3Dom config = new Xpp3Dom("configuration");
        config.addChild(element("password", secret));
        config.addChild(element("accessToken", "${env.SF_TOKEN}"));
        config.addChild(element("clientId", "3MVG9notasecret"));
        ValidateApiUsersMojo mojo = validate();
        mojo.project = pom(new Properties(), config);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String[] lines = e.getMessage().split("\n");
        assertEquals(2, lines.length, e.getMessage());
        assertTrue(lines[0].contains("configures <accessToken>") && !lines[0].contains("plain text"), lines[0]);
        assertTrue(lines[1].startsWith("sfapi: " + project.getFileName() + "/pom.xml configures <password> of "
                + "sfapi-maven-plugin, but the password is a credential and no plugin parameter"), lines[1]);
        assertTrue(lines[1].contains("in plain text there"), lines[1]);
        assertTrue(lines[1].contains("SFAPI_PASSWORD") && lines[1].contains("-Dsfapi.password"), lines[1]);
        assertNoSecret(e.getMessage() + trace(e) + log.text(), secret);
        assertEquals(0, org.log().count(), "nothing was sent");
    }

    @Test
    void aSecretGivenWithMinusDIsReadAndNamedByItsProperty() throws Exception {
        clientCredentialsInEnvironment("stale-secret-in-the-environment");
        Properties userProperties = new Properties();
        userProperties.setProperty("sfapi.clientSecret", CorpusOrg.CLIENT_SECRET);
        Properties pomProperties = new Properties();
        pomProperties.setProperty("sfapi.clientSecret", "pom-secret-loses-to-minus-d");
        ValidateApiUsersMojo mojo = validate();
        mojo.session = session(userProperties, new Properties());
        mojo.project = pom(pomProperties, null);
        mojo.failOnError = false;

        mojo.execute();

        assertTrue(org.log().count(Endpoint.REST_QUERY) > 0, "logged in with the -D secret, which beats the rest");
        assertTrue(log.text().contains("[DEBUG] sfapi: OAuth 2.0 client credentials flow because clientSecret is set"
                + " in -Dsfapi.clientSecret"), log.text());
        assertNoSecret(log.text(), CorpusOrg.CLIENT_SECRET, "stale-secret-in-the-environment",
                "pom-secret-loses-to-minus-d");
    }

    @Test
    void secretsAreAlsoReadFromSystemAndPomPropertiesInMavensOrder() throws Exception {
        Properties system = new Properties();
        system.setProperty("sfapi.clientSecret", "system-secret-1");
        Properties pomProperties = new Properties();
        pomProperties.setProperty("sfapi.clientSecret", "pom-secret-1");
        pomProperties.setProperty("sfapi.securityToken", "pom-token-1");
        ValidateApiUsersMojo mojo = validate();
        mojo.session = session(new Properties(), system);
        mojo.project = pom(pomProperties, null);

        SettingLayer explicit = mojo.explicitSettings();

        assertEquals("system-secret-1", explicit.get(SettingKey.CLIENT_SECRET).orElseThrow());
        assertEquals("the system property sfapi.clientSecret", explicit.source(SettingKey.CLIENT_SECRET));
        assertEquals("pom-token-1", explicit.get(SettingKey.SECURITY_TOKEN).orElseThrow());
        assertEquals("the property sfapi.securityToken of the pom", explicit.source(SettingKey.SECURITY_TOKEN));
        assertTrue(mojo.orgConfigured(), "a credential from a property configures the org");
    }

    @Test
    void anUnresolvedReferenceInThePomCountsAsUnsetWithAWarning() throws Exception {
        // A pom written for CI (the token from ${env.…}) run where the variable isn't set.
        Properties pomProperties = new Properties();
        pomProperties.setProperty("sfapi.accessToken", "${env.SF_TOKEN_NOT_SET}");
        ValidateApiUsersMojo auto = validate();
        auto.project = pom(pomProperties, null);
        Files.createDirectories(project.resolve("force-app/main/default"));

        MojoFailureException e = assertThrows(MojoFailureException.class, auto::execute);

        assertTrue(e.getMessage().contains("users section"), "validated from the metadata, not the org: "
                + e.getMessage());
        List<String> warnings = log.at("WARNING");
        assertEquals(List.of("sfapi: the property sfapi.accessToken of the pom holds a ${…} reference that Maven"
                + " could not resolve (for ${env.NAME}: is the environment variable set?), so it is not used."),
                warnings);

        ValidateApiUsersMojo org = validate();
        org.project = pom(pomProperties, null);
        org.source = "org";
        e = assertThrows(MojoFailureException.class, org::execute);
        assertTrue(e.getMessage().contains("No Salesforce credentials are configured"), e.getMessage());
    }

    @Test
    void aSnapshotTakenOnceValidatesWithoutTheOrgToTheSameVerdict() throws Exception {
        jwtServer();
        SnapshotMojo take = snapshot();
        take.serverId = "sf-ci";
        take.execute();
        assertTrue(log.text().contains("written to target/sfapi-snapshot.json"), log.text());
        int requests = org.log().count();

        ValidateApiUsersMojo fromFile = validate();
        fromFile.snapshot = project.resolve("target/sfapi-snapshot.json").toFile();
        fromFile.serverId = "sf-ci"; // configured, but the snapshot wins in auto mode
        MojoFailureException e = assertThrows(MojoFailureException.class, fromFile::execute);

        assertEquals(requests, org.log().count(), "no request to the org");
        assertTrue(e.getMessage().contains("in the integration users' access"), e.getMessage());
        assertTrue(log.text().contains("validating from snapshot target/sfapi-snapshot.json of org Acme (stand-in)"),
                log.text());
    }

    @Test
    void anAnonymizedSnapshotWritesTheMatchingDeclarationCopy() throws Exception {
        jwtServer();
        SnapshotMojo take = snapshot();
        take.serverId = "sf-ci";
        take.anonymize = true;
        take.execute();
        String json = Files.readString(project.resolve("target/sfapi-snapshot.json"));
        assertFalse(json.contains("acme.example"), "no username");
        assertFalse(json.contains(org.org().orgId().substring(0, 15)), "no org id");
        assertTrue(Files.readString(project.resolve("target/sfapi-snapshot.sfapi-users.yml"))
                .contains("user: user-1@example.invalid"));
        assertTrue(log.text().contains("target/sfapi-snapshot.sfapi-users.yml"), log.text());
    }

    @Test
    void aDamagedSnapshotIsTheUsersToFixAndNamesTheFile() throws Exception {
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/old.json"), "{\"format\": \"sfapi-org-snapshot\", \"formatVersion\": 9}");
        ValidateApiUsersMojo mojo = validate();
        mojo.snapshot = project.resolve("target/old.json").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("target/old.json"), e.getMessage());
        assertTrue(e.getMessage().contains("newer sfapi-maven-plugin"), e.getMessage());
    }

    @Test
    void sourceChoicesThatCannotWorkAreConfigurationFailures() throws Exception {
        ValidateApiUsersMojo typo = validate();
        typo.source = "orgg";
        MojoFailureException e = assertThrows(MojoFailureException.class, typo::execute);
        assertTrue(e.getMessage().contains("Did you mean 'org'"), e.getMessage());

        ValidateApiUsersMojo noFile = validate();
        noFile.source = "snapshot";
        e = assertThrows(MojoFailureException.class, noFile::execute);
        assertTrue(e.getMessage().contains("sfapi.snapshot names no file"), e.getMessage());

        ValidateApiUsersMojo noCredentials = validate();
        noCredentials.source = "org";
        e = assertThrows(MojoFailureException.class, noCredentials::execute);
        assertTrue(e.getMessage().contains("No Salesforce credentials are configured"), e.getMessage());

        ValidateApiUsersMojo badServer = validate();
        badServer.serverId = "sf-nope";
        jwtServer();
        e = assertThrows(MojoFailureException.class, badServer::execute);
        assertTrue(e.getMessage().contains("It defines: sf-ci."), e.getMessage());
        assertEquals(0, org.log().count(), "nothing was sent");
    }

    @Test
    void mavensProxyIsAppliedToTheConnection() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there once closed
        }
        org.apache.maven.settings.Proxy proxy = new org.apache.maven.settings.Proxy();
        proxy.setId("corp");
        proxy.setProtocol("http");
        proxy.setHost("127.0.0.2");
        proxy.setPort(closedPort);
        settings.addProxy(proxy);
        clientCredentialsInEnvironment(CorpusOrg.CLIENT_SECRET);

        // Through the proxy: it isn't there, so the build can't reach the org even though the org is up.
        MojoExecutionException e = assertThrows(MojoExecutionException.class, validate()::execute);
        assertTrue(e.getMessage().contains("could not connect"), e.getMessage());
        assertTrue(log.text().contains("proxy 127.0.0.2:" + closedPort), log.text());
        assertEquals(0, org.log().count(), "nothing reached the org directly");

        // The org's host in <nonProxyHosts>: connections go direct and the run works.
        proxy.setNonProxyHosts("localhost|127.0.0.1");
        ValidateApiUsersMojo direct = validate();
        direct.failOnError = false;
        direct.execute();
        assertTrue(org.log().count(Endpoint.METADATA_SOAP) > 0, "metadata calls honour nonProxyHosts too");
    }

    /**
     * A settings.xml {@code <proxy>} with Basic authentication (its password encrypted, decrypted by Maven)
     * carries every connection of the run, SOAP login() and the Metadata API included; a wrong password stops
     * the build at once with a message naming the proxy, and the password is nowhere, not even at debug level.
     */
    @Test
    void aSettingsProxyWithAPasswordCarriesTheRunAndAWrongOneStopsItAtOnce() throws Exception {
        String password = "corp-proxy-pw-" + System.nanoTime();
        try (LoopbackProxy proxy = LoopbackProxy.requiring("ci-proxy", password)) {
            org.apache.maven.settings.Proxy p = new org.apache.maven.settings.Proxy();
            p.setId("corp");
            p.setProtocol("https");
            p.setHost(proxy.host());
            p.setPort(proxy.port());
            p.setUsername("ci-proxy");
            p.setPassword(cipher.encryptAndDecorate(password, "master-pw"));
            settings.addProxy(p);
            env.put("SFAPI_LOGIN_URL", org.baseUrl());
            env.put("SFAPI_USERNAME", CorpusOrg.PLATFORM_USER);
            env.put("SFAPI_PASSWORD", CorpusOrg.PLATFORM_PASSWORD);
            env.put("SFAPI_SECURITY_TOKEN", CorpusOrg.PLATFORM_TOKEN);
            env.put("SFAPI_RETRY_BACKOFF_MILLIS", "1");
            ValidateApiUsersMojo mojo = validate();
            mojo.failOnError = false;

            mojo.execute();

            assertEquals(1, org.log().count(Endpoint.PARTNER_SOAP, "login"));
            assertTrue(org.log().count(Endpoint.METADATA_SOAP) > 0, org.log().summary().toString());
            assertEquals(org.log().count(), proxy.count(LoopbackProxy.Outcome.FORWARDED),
                    "every request reached the org through the proxy: " + proxy.requests());
            assertEquals(proxy.requests().size(), proxy.count(LoopbackProxy.Outcome.FORWARDED), "none refused");
            assertTrue(log.text().contains("proxy 127.0.0.1:" + proxy.port() + " as ci-proxy"), log.text());
            assertNoSecret(log.text(), password, CorpusOrg.PLATFORM_PASSWORD);

            String wrong = "wrong-proxy-pw-" + System.nanoTime();
            p.setPassword(cipher.encryptAndDecorate(wrong, "master-pw"));
            proxy.clear();
            org.log().clear();
            log = new CapturingLog();

            MojoExecutionException e = assertThrows(MojoExecutionException.class, validate()::execute);

            assertTrue(e.getMessage().contains("SOAP login() of " + CorpusOrg.PLATFORM_USER + " at " + org.partnerUrl()
                    + " failed: the proxy 127.0.0.1:" + proxy.port() + " refused the credentials of ci-proxy (407 "
                    + "Proxy Authentication Required). Check the <username> and <password> of the <proxy> 'corp' in "
                    + "settings.xml"), e.getMessage());
            assertEquals(1, proxy.requests().size(), "no retry: " + proxy.requests());
            assertEquals(0, org.log().count());
            String line = new org.apache.maven.exception.DefaultExceptionHandler().handleException(
                    new org.apache.maven.lifecycle.LifecycleExecutionException("Failed to execute goal "
                            + "sfapi:validate-api-users on project acme-org: " + e.getMessage(), e)).getMessage();
            assertTrue(line.endsWith("Not retried: another attempt with a wrong password could lock the proxy "
                    + "account."), line);
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            assertNoSecret(line + trace(e) + log.text(), wrong, password,
                    b64.encodeToString(("ci-proxy:" + wrong).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    CorpusOrg.PLATFORM_PASSWORD);
        }
    }

    /**
     * Maven's error line is built by its DefaultExceptionHandler, which appends each cause's message, or
     * its class name when it has none: the line must end with the plugin's own advice, never with
     * "ScrubbedCause" or the libraries' raw text; those go to the debug log, scrubbed.
     */
    @Test
    void aConnectionFailureEndsMavensErrorLineWithThePluginsOwnAdvice() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        String refresh = "5AepEndsCleanlyRefreshToken0123456789";
        String secret = "ends-cleanly-client-secret";
        String token = "00Dxx0000000001!endsCleanlyAccessToken";
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("SFDX auth URL (OAuth, JDK HttpClient)", Map.of(
                "SFAPI_AUTH_URL", "force://PlatformCLI::" + refresh + "@" + nowhere));
        cases.put("client credentials (OAuth, JDK HttpClient)", Map.of("SFAPI_INSTANCE_URL", nowhere,
                "SFAPI_CLIENT_ID", "3MVG9x", "SFAPI_CLIENT_SECRET", secret));
        cases.put("access token (Metadata API first, force-wsc)", Map.of("SFAPI_INSTANCE_URL", nowhere,
                "SFAPI_ACCESS_TOKEN", token));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            env.clear();
            env.putAll(c.getValue());
            log = new CapturingLog();

            MojoExecutionException e = assertThrows(MojoExecutionException.class, validate()::execute, c.getKey());

            String line = new org.apache.maven.exception.DefaultExceptionHandler().handleException(
                    new org.apache.maven.lifecycle.LifecycleExecutionException("Failed to execute goal "
                            + "sfapi:validate-api-users on project acme-org: " + e.getMessage(), e)).getMessage();
            assertTrue(line.endsWith("could not connect to " + nowhere + ". Check the URL and, behind a firewall, the"
                    + " <proxy> in settings.xml."), c.getKey() + ": " + line);
            assertFalse(line.contains("Scrubbed"), c.getKey() + ": " + line);
            assertTrue(log.text().contains("[DEBUG] sfapi: what the failing call reported (credentials masked):"),
                    c.getKey() + ": the causes are in the debug log");
            assertNoSecret(line + trace(e) + log.text(), refresh, secret, token.substring(token.indexOf('!')));
        }
    }

    @Test
    void aRequestLimitIsAnExecutionFailureSayingSo() throws Exception {
        jwtServer();
        org.control().requestLimitExceeded(100, Endpoint.REST_QUERY, Endpoint.METADATA_SOAP);
        ValidateApiUsersMojo mojo = validate();
        mojo.serverId = "sf-ci";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("used up its API requests"), e.getMessage());
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseStopsInsteadOfTurningFailingOff() throws Exception {
        Properties commandLine = new Properties();
        commandLine.setProperty("sfapi.failOnError", "ture");
        ValidateApiUsersMojo mojo = validate();
        mojo.session = session(commandLine, new Properties());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("sfapi: sfapi.failOnError is 'ture' on the command line, which Maven would read as false."
                + " Write sfapi.failOnError=true or sfapi.failOnError=false.", e.getMessage());

        Properties pom = new Properties();
        pom.setProperty("sfapi.anonymize", "yes");
        SnapshotMojo snapshot = snapshot();
        snapshot.project = pom(pom, null);
        e = assertThrows(MojoFailureException.class, snapshot::execute);
        assertTrue(e.getMessage().contains("sfapi.anonymize is 'yes' in the pom's properties"), e.getMessage());

        // TRUE and False are what Maven accepts too.
        commandLine.setProperty("sfapi.failOnError", "TRUE");
        commandLine.setProperty("sfapi.skip", "True");
        ValidateApiUsersMojo skipped = validate();
        skipped.session = session(commandLine, new Properties());
        skipped.skip = true;
        skipped.execute();
        assertTrue(log.text().contains("validation skipped"), log.text());
    }
}
