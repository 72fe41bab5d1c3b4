package dev.sfapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.org.AuthMethod;
import dev.sfapi.org.ConnectionSettings;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.ProxySettings;
import dev.sfapi.org.Secret;
import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The settings.xml adapter, with Maven's real decrypter and a master password written to a temp
 * settings-security.xml, so encrypted values go through the same code as in a real build.
 */
class SettingsCredentialsTest {

    private static final String MASTER = "test-master-password";
    private static final String CLIENT_SECRET = "cs-Settings-5E6F7A8B";
    private static final String PASSPHRASE = "key passphrase 123";
    private static final String PROXY_PASSWORD = "proxy-pw-4567";

    @TempDir
    Path dir;

    private DefaultPlexusCipher cipher;
    private DefaultSettingsDecrypter decrypter;
    private Settings settings;

    @BeforeEach
    void setUp() throws Exception {
        cipher = new DefaultPlexusCipher();
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate(MASTER,
                DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION) + "</master></settingsSecurity>");
        decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
        settings = new Settings();
    }

    private String encrypt(String value) throws Exception {
        return cipher.encryptAndDecorate(value, MASTER);
    }

    private static Xpp3Dom configuration(String... namesAndValues) {
        Xpp3Dom config = new Xpp3Dom("configuration");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(namesAndValues[i]);
            child.setValue(namesAndValues[i + 1]);
            config.addChild(child);
        }
        return config;
    }

    private Server jwtServer() throws Exception {
        Server server = new Server();
        server.setId("sf-prod");
        server.setUsername("ci@acme.example");
        server.setPrivateKey("/ci/keys/server.key");
        server.setPassphrase(encrypt(PASSPHRASE));
        server.setConfiguration(configuration("clientId", "3MVG9FromSettings", "loginUrl",
                "https://test.salesforce.com", "clientSecret", encrypt(CLIENT_SECRET)));
        return server;
    }

    @Test
    void mapsServerElementsAndConfigurationAndDecryptsEverySecret() throws Exception {
        settings.addServer(jwtServer());

        SettingLayer layer = new SettingsCredentials(settings, decrypter).server("sf-prod");

        assertEquals("settings.xml server 'sf-prod'", layer.source());
        assertEquals("ci@acme.example", layer.get(SettingKey.USERNAME).orElseThrow());
        assertEquals("/ci/keys/server.key", layer.get(SettingKey.PRIVATE_KEY_FILE).orElseThrow());
        assertEquals("3MVG9FromSettings", layer.get(SettingKey.CLIENT_ID).orElseThrow());
        assertEquals("https://test.salesforce.com", layer.get(SettingKey.LOGIN_URL).orElseThrow());
        assertTrue(PASSPHRASE.equals(layer.get(SettingKey.PRIVATE_KEY_PASSPHRASE).orElseThrow()),
                "<passphrase> decrypted by Maven");
        assertTrue(CLIENT_SECRET.equals(layer.get(SettingKey.CLIENT_SECRET).orElseThrow()),
                "an encrypted <configuration> secret is decrypted too");
        assertFalse(layer.toString().contains(CLIENT_SECRET));
    }

    @Test
    void precedenceIsExplicitThenServerThenEnvironment() throws Exception {
        settings.addServer(jwtServer());
        SettingLayer explicit = SettingLayer.of("plugin configuration",
                Map.of(SettingKey.USERNAME, "explicit@acme.example"));
        Map<String, String> env = Map.of("SFAPI_CLIENT_ID", "3MVG9FromEnv", "SFAPI_INSTANCE_URL",
                "https://acme.my.salesforce.com", "SFAPI_USERNAME", "env@acme.example");

        ConnectionSettings s = new SettingsCredentials(settings, decrypter).resolve(explicit, "sf-prod", env::get);

        assertEquals(AuthMethod.JWT_BEARER, s.authMethod());
        assertEquals("explicit@acme.example", s.value(SettingKey.USERNAME).orElseThrow());
        assertEquals("3MVG9FromSettings", s.value(SettingKey.CLIENT_ID).orElseThrow());
        assertEquals(URI.create("https://acme.my.salesforce.com"), s.instanceUrl().orElseThrow());
        assertEquals("instanceUrl (from the environment)", s.describeOrigin(SettingKey.INSTANCE_URL));
        assertEquals("clientId (from settings.xml server 'sf-prod')", s.describeOrigin(SettingKey.CLIENT_ID));
    }

    @Test
    void withoutAServerIdOnlyParametersAndEnvironmentCount() throws Exception {
        Map<String, String> env = Map.of("SFAPI_ACCESS_TOKEN", "00DXX0000008abc!AQ0AQEnvToken",
                "SFAPI_INSTANCE_URL", "https://acme.my.salesforce.com");
        ConnectionSettings s = new SettingsCredentials(settings, decrypter)
                .resolve(SettingLayer.empty("plugin configuration"), null, env::get);
        assertEquals(AuthMethod.ACCESS_TOKEN, s.authMethod());
        assertTrue(s.proxy().isEmpty());
    }

    @Test
    void anUnknownServerIdListsTheServersThatExist() throws Exception {
        settings.addServer(jwtServer());
        OrgException e = assertThrows(OrgException.class,
                () -> new SettingsCredentials(settings, decrypter).server("sf-prd"));
        assertEquals(OrgException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("sfapi.serverId is 'sf-prd', but settings.xml has no <server> with that "
                + "<id>. Did you mean 'sf-prod'?"), e.getMessage());
    }

    @Test
    void aMisspeltConfigurationElementIsAnErrorWithASuggestion() throws Exception {
        Server server = jwtServer();
        server.setConfiguration(configuration("clientID", "3MVG9"));
        settings.addServer(server);
        OrgException e = assertThrows(OrgException.class,
                () -> new SettingsCredentials(settings, decrypter).server("sf-prod"));
        assertTrue(e.getMessage().contains("has an element <clientID> that the plugin does not know. Did you mean "
                + "'clientId'?"), e.getMessage());
    }

    @Test
    void theSameSettingTwiceIsAnError() throws Exception {
        Server server = jwtServer();
        server.setConfiguration(configuration("username", "other@acme.example"));
        settings.addServer(server);
        OrgException e = assertThrows(OrgException.class,
                () -> new SettingsCredentials(settings, decrypter).server("sf-prod"));
        assertTrue(e.getMessage().contains("sets username twice, in <username> and in <configuration><username>"),
                e.getMessage());
    }

    @Test
    void aValueThatCannotBeDecryptedFailsClearlyWithoutTheValue() throws Exception {
        Server server = jwtServer();
        String broken = "{bm90LWEtcmVhbC1jaXBoZXJ0ZXh0LWF0LWFsbA==}";
        server.setPassword(broken);
        settings.addServer(server);

        OrgException e = assertThrows(OrgException.class,
                () -> new SettingsCredentials(settings, decrypter).server("sf-prod"));

        assertEquals(OrgException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().startsWith("Maven could not decrypt its <password> or <passphrase> in settings.xml "
                + "server 'sf-prod'"), e.getMessage());
        assertTrue(e.getMessage().contains("settings-security.xml"), e.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(PASSPHRASE), "no decrypted secret in the trace");
    }

    @Test
    void theActiveHttpsProxyIsDecryptedAndMapped() throws Exception {
        Proxy inactive = proxy("off", "http", "unused.example", false);
        Proxy http = proxy("corp-http", "http", "http-proxy.acme.example", true);
        Proxy https = proxy("corp-https", "https", "proxy.acme.example", true);
        https.setUsername("builder");
        https.setPassword(encrypt(PROXY_PASSWORD));
        https.setNonProxyHosts("localhost|*.internal.acme.example");
        settings.addProxy(inactive);
        settings.addProxy(http);
        settings.addProxy(https);

        ProxySettings p = new SettingsCredentials(settings, decrypter).proxy().orElseThrow();

        assertEquals("proxy.acme.example", p.host());
        assertEquals(3128, p.port());
        assertEquals("builder", p.username());
        assertTrue(p.password().sameValueAs(Secret.of(PROXY_PASSWORD)), "proxy password decrypted");
        assertTrue(p.bypasses("svc.internal.acme.example"));
        assertFalse(p.toString().contains(PROXY_PASSWORD));
    }

    @Test
    void anHttpProxyServesWhenNoHttpsOneIsDeclared() throws Exception {
        settings.addProxy(proxy("corp", "http", "http-proxy.acme.example", true));
        assertEquals("http-proxy.acme.example",
                new SettingsCredentials(settings, decrypter).proxy().orElseThrow().host());
    }

    @Test
    void theProxyReachesTheResolvedSettings() throws Exception {
        settings.addServer(jwtServer());
        settings.addProxy(proxy("corp", "https", "proxy.acme.example", true));
        ConnectionSettings s = new SettingsCredentials(settings, decrypter)
                .resolve(SettingLayer.empty("plugin configuration"), "sf-prod", k -> null);
        assertEquals("proxy.acme.example", s.proxy().orElseThrow().host());
    }

    private static Proxy proxy(String id, String protocol, String host, boolean active) {
        Proxy p = new Proxy();
        p.setId(id);
        p.setProtocol(protocol);
        p.setHost(host);
        p.setPort(3128);
        p.setActive(active);
        return p;
    }
}
