package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfapi.org.CapturingServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OAuth flows: the exact token request each sends, and what each OAuth error turns into. */
class OAuthFlowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUED_TOKEN = "00DXX0000008abc!AQ0AQIssuedTokenForTests.xyz";
    private static final String CLIENT_SECRET = "cs-8F3A9C1D2E4B5A6F";
    private static final String REFRESH_TOKEN = "5Aep861TestRefreshTokenValueForUnitTests.000";

    @TempDir
    Path dir;

    private CapturingServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() throws Exception {
        server = new CapturingServer();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String tokenJson() {
        return "{\"access_token\":\"" + ISSUED_TOKEN + "\",\"signature\":\"c2lnbmF0dXJl\",\"scope\":\"api id\","
                + "\"instance_url\":\"" + server.url() + "\",\"api_instance_url\":\"https://api.salesforce.com\","
                + "\"id\":\"https://login.salesforce.com/id/00DXX0000008abcMAA/005XX000001AbCdAAK\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1772359200000\",\"unexpected\":{\"nested\":[1,2]}}";
    }

    private ConnectionSettings jwtSettings() throws Exception {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.LOGIN_URL, server.url().toString());
        v.put(SettingKey.CLIENT_ID, "3MVG9TestConsumerKey");
        v.put(SettingKey.USERNAME, "ci@acme.example");
        v.put(SettingKey.PRIVATE_KEY_FILE, TestKeys.pkcs1(dir).toString());
        v.put(SettingKey.MAX_RETRIES, "2");
        v.put(SettingKey.RETRY_BACKOFF, "5");
        return ConnectionSettings.resolve(SettingLayer.of("test", v));
    }

    private OrgClient connect(ConnectionSettings settings) throws OrgException {
        return OrgClient.connect(settings, sleeper, CLOCK);
    }

    @Test
    void jwtBearerSendsASignedAssertionAndReadsTheSession() throws Exception {
        server.enqueue(Reply.json(200, tokenJson()));

        OrgClient org = connect(jwtSettings());

        CapturingServer.Request r = server.only();
        assertEquals("POST", r.method());
        assertEquals("/services/oauth2/token", r.path());
        assertEquals("application/x-www-form-urlencoded", r.header("Content-Type"));
        Map<String, String> form = r.form();
        assertEquals(List.of("grant_type", "assertion"), List.copyOf(form.keySet()));
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));

        String[] parts = form.get("assertion").split("\\.");
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"RS256\"}", decode(parts[0]));
        JsonNode claims = JSON.readTree(decode(parts[1]));
        assertEquals(4, claims.size(), claims.toString());
        assertEquals("3MVG9TestConsumerKey", claims.get("iss").asText());
        assertEquals("ci@acme.example", claims.get("sub").asText());
        assertEquals(server.url().toString(), claims.get("aud").asText(), "a loopback login URL is its own audience");
        long exp = claims.get("exp").asLong();
        assertTrue(exp > NOW.getEpochSecond() && exp <= NOW.getEpochSecond() + 180, "exp within 3 minutes: " + exp);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(TestKeys.RSA.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the public key");

        OrgSession s = org.session();
        assertEquals(server.url(), s.instanceUrl());
        assertTrue(s.accessToken().sameValueAs(Secret.of(ISSUED_TOKEN)));
        assertEquals("00DXX0000008abcMAA", s.orgId().orElseThrow());
        assertEquals("005XX000001AbCdAAK", s.userId().orElseThrow());
        assertEquals("62.0", s.apiVersion());
        assertEquals(List.of(), org.warnings());
        assertEquals(List.of(), OrgClient.warningsFor(org.settings()));
    }

    @Test
    void theAudienceIsTheGenericLoginHostNeverTheMyDomain() {
        assertEquals("https://login.salesforce.com", JwtAssertion.audienceFor(URI.create("https://login.salesforce.com")));
        assertEquals("https://login.salesforce.com", JwtAssertion.audienceFor(URI.create("https://acme.my.salesforce.com")));
        assertEquals("https://test.salesforce.com", JwtAssertion.audienceFor(URI.create("https://test.salesforce.com")));
        assertEquals("https://test.salesforce.com",
                JwtAssertion.audienceFor(URI.create("https://acme--uat.sandbox.my.salesforce.com")));
        assertEquals("https://test.salesforce.com",
                JwtAssertion.audienceFor(URI.create("https://fun-dream-1234.scratch.my.salesforce.com")));
        assertEquals("https://community.acme.example", JwtAssertion.audienceFor(URI.create("https://community.acme.example")));
    }

    @Test
    void aRelativeKeyPathIsResolvedAgainstTheBaseDirectory() throws Exception {
        TestKeys.pkcs8(dir);
        server.enqueue(Reply.json(200, tokenJson()));
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", Map.of(
                SettingKey.LOGIN_URL, server.url().toString(), SettingKey.CLIENT_ID, "3MVG9",
                SettingKey.USERNAME, "ci@acme.example", SettingKey.PRIVATE_KEY_FILE, "server-pkcs8.key")))
                .withBaseDirectory(dir);
        connect(s);
        assertEquals(1, server.requests().size());
    }

    static Stream<Arguments> oauthErrors() {
        return Stream.of(
                Arguments.of("invalid_grant", "user hasn't approved this consumer",
                        "is not pre-authorized for the connected app or External Client App"),
                Arguments.of("invalid_grant", "audience is invalid", "Use https://login.salesforce.com for production"),
                Arguments.of("invalid_grant", "invalid assertion", "Check that the certificate uploaded to"),
                Arguments.of("invalid_client_id", "client identifier invalid", "This org does not know the consumer key"),
                Arguments.of("invalid_app_access", "user is not admin approved to access this app",
                        "is not admin-approved for the connected app"),
                Arguments.of("invalid_grant", "expired authorization code", "Check this machine's clock"),
                Arguments.of("invalid_grant", "inactive user", "is inactive"),
                Arguments.of("unsupported_grant_type", "grant type not supported", "does not accept this grant type"),
                Arguments.of("invalid_grant", "authentication failure", "refused the credentials without saying why"),
                Arguments.of("invalid_request", "something new", "Check the settings of the connected app"));
    }

    @ParameterizedTest
    @MethodSource("oauthErrors")
    void eachOAuthErrorSaysWhatToCheck(String error, String description, String advice) throws Exception {
        server.enqueue(Reply.json(400, "{\"error_description\":\"" + description + "\",\"error\":\"" + error + "\"}"));

        OrgException e = assertThrows(OrgException.class, () -> connect(jwtSettings()));

        assertEquals(OrgException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().startsWith("Salesforce refused the OAuth 2.0 JWT bearer flow at " + server.url()
                + "/services/oauth2/token: " + error + " (" + description + "). "), e.getMessage());
        assertTrue(e.getMessage().contains(advice), e.getMessage());
        assertEquals(1, server.requests().size(), "an OAuth error is not retried");
        NoSecrets.assertNotIn(e, server.only().form().get("assertion"));
    }

    @Test
    void anErrorThatEchoesTheAssertionDoesNotLeakIt() throws Exception {
        server.handler(r -> Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion "
                + r.form().get("assertion") + " for " + r.body() + "\"}"));

        OrgException e = assertThrows(OrgException.class, () -> connect(jwtSettings()));

        String assertion = server.only().form().get("assertion");
        NoSecrets.assertNotIn(e, assertion, assertion.substring(assertion.lastIndexOf('.') + 1), server.only().body());
        assertTrue(e.getMessage().contains("invalid assertion ****"), e.getMessage());
    }

    @Test
    void aNonJsonAnswerIsReportedWithTheUrlToCheck() throws Exception {
        server.enqueue(new Reply(404, "text/plain", "Not Found", Map.of(), false, 0));

        OrgException e = assertThrows(OrgException.class, () -> connect(jwtSettings()));

        assertEquals(OrgException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("answered HTTP 404 (text/plain) instead of a token: Not Found. Check that "
                + "loginUrl (from test) is a Salesforce login or My Domain URL."), e.getMessage());
    }

    @Test
    void aMaintenancePageIsRetriedThenReported() throws Exception {
        server.handler(r -> Reply.html(503));

        OrgException e = assertThrows(OrgException.class, () -> connect(jwtSettings()));

        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, server.requests().size(), "first attempt plus maxRetries=2");
        assertEquals(List.of(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(10)), sleeper.waits());
        assertTrue(e.getMessage().contains("failed after 3 attempts; the last one got HTTP 503 with an HTML page"),
                e.getMessage());
    }

    @Test
    void aTokenAnswerWithoutInstanceUrlIsRefused() throws Exception {
        server.enqueue(Reply.json(200, "{\"access_token\":\"" + ISSUED_TOKEN + "\",\"token_type\":\"Bearer\"}"));
        OrgException e = assertThrows(OrgException.class, () -> connect(jwtSettings()));
        assertEquals(OrgException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("has no instance_url"), e.getMessage());
        NoSecrets.assertNotIn(e, ISSUED_TOKEN);
    }

    @Test
    void aRefusedConnectionNamesTheHost() throws Exception {
        int port = CapturingServer.freePort();
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", Map.of(
                SettingKey.LOGIN_URL, "http://127.0.0.1:" + port, SettingKey.CLIENT_ID, "3MVG9",
                SettingKey.USERNAME, "ci@acme.example", SettingKey.PRIVATE_KEY_FILE, TestKeys.pkcs8(dir).toString())));
        OrgException e = assertThrows(OrgException.class, () -> connect(s));
        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("could not connect to http://127.0.0.1:" + port), e.getMessage());
    }

    private ConnectionSettings clientCredentials() throws OrgException {
        return ConnectionSettings.resolve(SettingLayer.of("settings.xml server 'sf'", Map.of(
                SettingKey.INSTANCE_URL, server.url().toString(), SettingKey.CLIENT_ID, "3MVG9ClientCreds",
                SettingKey.CLIENT_SECRET, CLIENT_SECRET)));
    }

    @Test
    void clientCredentialsPostTheIdAndSecretToTheMyDomain() throws Exception {
        server.enqueue(Reply.json(200, tokenJson()));

        OrgClient org = connect(clientCredentials());

        CapturingServer.Request r = server.only();
        assertEquals("POST", r.method());
        assertEquals("/services/oauth2/token", r.path());
        assertEquals("application/x-www-form-urlencoded", r.header("Content-Type"));
        Map<String, String> form = r.form();
        assertEquals(List.of("grant_type", "client_id", "client_secret"), List.copyOf(form.keySet()));
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("3MVG9ClientCreds", form.get("client_id"));
        assertTrue(CLIENT_SECRET.equals(form.get("client_secret")), "the client secret is sent");
        assertEquals(AuthMethod.CLIENT_CREDENTIALS, org.session().method());
    }

    @Test
    void clientCredentialsOnTheWrongDomainPointAtTheMyDomain() throws Exception {
        server.enqueue(Reply.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"request not supported on this domain\"}"));
        OrgException e = assertThrows(OrgException.class, () -> connect(clientCredentials()));
        assertTrue(e.getMessage().contains("must be sent to the org's My Domain URL"), e.getMessage());
        assertTrue(e.getMessage().contains("SFAPI_INSTANCE_URL"), e.getMessage());
    }

    @Test
    void clientCredentialsWithoutRunAsUserSayWhatToEnable() throws Exception {
        server.enqueue(Reply.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"no client credentials user enabled\"}"));
        OrgException e = assertThrows(OrgException.class, () -> connect(clientCredentials()));
        assertTrue(e.getMessage().contains("enable the Client Credentials Flow and choose a Run As user"), e.getMessage());
    }

    @Test
    void aWrongClientSecretIsNamedButNotShown() throws Exception {
        server.handler(r -> Reply.json(400, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client "
                + "credentials: " + r.body() + "\"}"));
        OrgException e = assertThrows(OrgException.class, () -> connect(clientCredentials()));
        assertTrue(e.getMessage().contains("The consumer secret clientSecret (from settings.xml server 'sf') does not "
                + "match the consumer key"), e.getMessage());
        NoSecrets.assertNotIn(e, CLIENT_SECRET, server.only().body());
    }

    private ConnectionSettings sfdx(String authUrl) throws OrgException {
        return ConnectionSettings.resolve(SettingLayer.environment(Map.of("SFAPI_AUTH_URL", authUrl)::get));
    }

    @Test
    void anSfdxAuthUrlIsExchangedWithTheRefreshTokenGrant() throws Exception {
        server.enqueue(Reply.json(200, tokenJson()));

        connect(sfdx("force://PlatformCLI::" + REFRESH_TOKEN + "@" + server.url()));

        CapturingServer.Request r = server.only();
        assertEquals("/services/oauth2/token", r.path());
        Map<String, String> form = r.form();
        assertEquals(List.of("grant_type", "client_id", "refresh_token"), List.copyOf(form.keySet()),
                "no client_secret for the CLI's own app");
        assertEquals("refresh_token", form.get("grant_type"));
        assertEquals("PlatformCLI", form.get("client_id"));
        assertTrue(REFRESH_TOKEN.equals(form.get("refresh_token")), "the refresh token is sent");
    }

    @Test
    void anSfdxAuthUrlWithASecretSendsIt() throws Exception {
        server.enqueue(Reply.json(200, tokenJson()));
        connect(sfdx("force://3MVG9Own:" + CLIENT_SECRET + ":" + REFRESH_TOKEN + "@" + server.url()));
        Map<String, String> form = server.only().form();
        assertEquals(List.of("grant_type", "client_id", "client_secret", "refresh_token"), List.copyOf(form.keySet()));
        assertTrue(CLIENT_SECRET.equals(form.get("client_secret")));
    }

    @Test
    void anExpiredRefreshTokenSaysHowToGetANewUrl() throws Exception {
        server.enqueue(Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}"));
        OrgException e = assertThrows(OrgException.class,
                () -> connect(sfdx("force://PlatformCLI::" + REFRESH_TOKEN + "@" + server.url())));
        assertTrue(e.getMessage().contains("'sf org login web'"), e.getMessage());
        assertTrue(e.getMessage().contains("'sf org auth show-sfdx-auth-url'"), e.getMessage());
        NoSecrets.assertNotIn(e, REFRESH_TOKEN);
    }

    @Test
    void sfdxAuthUrlsAreSplitAtTheLastAtAndTheFirstTwoColons() throws OrgException {
        SfdxAuthUrl u = SfdxAuthUrl.parse(Secret.of("force://PlatformCLI::5Aep861abc:def@acme.my.salesforce.com"), "authUrl");
        assertEquals("PlatformCLI", u.clientId());
        assertNull(u.clientSecret());
        assertTrue(u.refreshToken().sameValueAs(Secret.of("5Aep861abc:def")));
        assertEquals(URI.create("https://acme.my.salesforce.com"), u.tokenBaseUrl());
        assertFalse(u.toString().contains("5Aep861abc"));
        OrgException http = assertThrows(OrgException.class,
                () -> SfdxAuthUrl.parse(Secret.of("force://a::5Aep861abcdef@http://acme.my.salesforce.com"), "authUrl"));
        assertTrue(http.getMessage().contains("uses http"), http.getMessage());
    }

    @Test
    void anAccessTokenNeedsNoRequestAndCannotBeRenewed() throws Exception {
        String token = "00DXX0000008abc!AQ0AQGivenByTheCli.abcdef";
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.environment(Map.of(
                "SFAPI_ACCESS_TOKEN", token, "SFAPI_INSTANCE_URL", server.url().toString())::get));

        OrgClient org = connect(s);

        assertEquals(0, server.requests().size());
        assertTrue(org.session().accessToken().sameValueAs(Secret.of(token)));
        OrgException e = assertThrows(OrgException.class,
                () -> org.session().reauthenticate(org.session().current()));
        assertTrue(e.getMessage().contains("an access token cannot be renewed"), e.getMessage());
        assertTrue(e.getMessage().contains("sf org auth show-access-token"), e.getMessage());
        NoSecrets.assertNotIn(e, token);
    }

    private static String decode(String b64url) {
        return new String(Base64.getUrlDecoder().decode(b64url), StandardCharsets.UTF_8);
    }
}
