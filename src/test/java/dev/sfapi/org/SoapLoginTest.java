package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.org.CapturingServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legacy SOAP login() through force-wsc's partner Connector, against canned envelopes. */
class SoapLoginTest {

    private static final String PASSWORD = "Pa55&<word>";
    private static final String SECURITY_TOKEN = "TOKENabc123XYZ";
    private static final String SESSION = "00DXX0000008abc!AQ0AQFakeSessionForLogin";

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

    private ConnectionSettings settings() throws OrgException {
        return ConnectionSettings.resolve(SettingLayer.of("settings.xml server 'legacy'", Map.of(
                SettingKey.LOGIN_URL, server.url().toString(), SettingKey.USERNAME, "admin@acme.example",
                SettingKey.PASSWORD, PASSWORD, SettingKey.SECURITY_TOKEN, SECURITY_TOKEN,
                SettingKey.MAX_RETRIES, "2", SettingKey.RETRY_BACKOFF, "5")));
    }

    private OrgClient connect() throws OrgException {
        return OrgClient.connect(settings(), sleeper, Clock.systemUTC());
    }

    @Test
    void logsInWithPasswordAndTokenAndReadsTheSession() throws Exception {
        server.enqueue(Reply.xml(200, SoapEnvelopes.loginSuccess(server.url(), SESSION)));

        OrgClient org = connect();

        CapturingServer.Request r = server.only();
        assertEquals("POST", r.method());
        assertEquals("/services/Soap/u/62.0", r.path());
        assertEquals("gzip", r.header("Content-Encoding"));
        assertEquals("\"\"", r.header("SOAPAction"));
        assertTrue(r.body().contains("<m:login xmlns:m=\"urn:partner.soap.sforce.com\""), "a partner login() call");
        assertTrue(r.body().contains("<m:username>admin@acme.example</m:username>"));
        assertTrue(r.body().contains("<m:password>Pa55&amp;&lt;word>" + SECURITY_TOKEN + "</m:password>"),
                "password followed by the security token, XML-escaped");
        assertTrue(!r.body().contains("SessionHeader"), "login carries no session header");

        OrgSession s = org.session();
        assertEquals(server.url(), s.instanceUrl());
        assertTrue(s.accessToken().sameValueAs(Secret.of(SESSION)));
        assertEquals("00DXX0000008abcMAA", s.orgId().orElseThrow());
        assertEquals("005XX000001AbCdAAK", s.userId().orElseThrow());
        assertEquals(List.of(SoapLoginAuthenticator.LEGACY_WARNING), org.warnings());
        assertEquals(org.warnings(), OrgClient.warningsFor(settings()));
        assertTrue(org.warnings().get(0).contains("removed login() from API 65.0"));
        assertTrue(org.warnings().get(0).contains("Summer '27"));
    }

    /**
     * login() goes to the partner jar's version whatever sfapi.apiVersion says (a newer version's answer can
     * hold elements the 62.0 classes can't parse, and 65.0 has no login() at all); REST uses apiVersion.
     */
    @Test
    void loginAlwaysUsesThePartnerJarsVersionAndRestTheConfiguredOne() throws Exception {
        assertEquals("62.0", SoapLoginAuthenticator.SCHEMA_VERSION);
        server.enqueue(Reply.xml(200, SoapEnvelopes.loginSuccess(server.url(), SESSION)),
                Reply.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"));
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("p", Map.of(
                SettingKey.LOGIN_URL, server.url().toString(), SettingKey.USERNAME, "admin@acme.example",
                SettingKey.PASSWORD, PASSWORD, SettingKey.API_VERSION, "66.0")));

        OrgClient org = OrgClient.connect(s, sleeper, Clock.systemUTC());
        org.rest().query("SELECT Id FROM Organization");

        assertEquals(List.of("/services/Soap/u/62.0", "/services/data/v66.0/query"),
                server.requests().stream().map(CapturingServer.Request::path).toList());
    }

    @Test
    void aLoginFaultSaysWhatToCheckAndShowsNoPassword() {
        server.enqueue(Reply.xml(500, SoapEnvelopes.partnerFault("LoginFault", "INVALID_LOGIN",
                "Invalid username, password, security token; or user locked out.")));

        OrgException e = assertThrows(OrgException.class, this::connect);

        assertEquals(OrgException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().startsWith("Salesforce refused the SOAP login() of admin@acme.example at "
                + server.url() + "/services/Soap/u/62.0: INVALID_LOGIN: Invalid username, password, security token; "
                + "or user locked out. "), e.getMessage());
        assertTrue(e.getMessage().contains("Reset My Security Token"), e.getMessage());
        assertEquals(1, server.requests().size(), "a login fault is not retried");
        NoSecrets.assertNotIn(e, PASSWORD, SECURITY_TOKEN, PASSWORD + SECURITY_TOKEN, "Pa55&amp;&lt;word>");
    }

    @Test
    void loginDisabledInTheOrgPointsToJwt() {
        server.enqueue(Reply.xml(500, SoapEnvelopes.partnerFault("LoginFault", "INVALID_OPERATION",
                "SOAP API login() is disabled by default in this org.")));

        OrgException e = assertThrows(OrgException.class, this::connect);

        assertTrue(e.getMessage().contains("SOAP API login() is disabled in this org"), e.getMessage());
        assertTrue(e.getMessage().contains("Switch to the JWT bearer flow"), e.getMessage());
    }

    @Test
    void aMissingSecurityTokenIsExplained() {
        server.enqueue(Reply.xml(500, SoapEnvelopes.partnerFault("LoginFault", "LOGIN_MUST_USE_SECURITY_TOKEN",
                "Invalid username, password, security token; or user locked out. Are you at a new location?")));
        OrgException e = assertThrows(OrgException.class, this::connect);
        assertTrue(e.getMessage().contains("set <configuration><securityToken> in the settings.xml <server>"),
                e.getMessage());
        assertTrue(e.getMessage().contains("SFAPI_SECURITY_TOKEN, or -Dsfapi.securityToken."), e.getMessage());
    }

    @Test
    void aMaintenancePageIsRetriedWithBackoff() throws Exception {
        server.enqueue(Reply.html(503), Reply.xml(200, SoapEnvelopes.loginSuccess(server.url(), SESSION)));

        connect();

        assertEquals(2, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(5)), sleeper.waits());
    }

    @Test
    void persistentFailuresEndAfterTheRetries() {
        server.handler(r -> Reply.html(503));
        OrgException e = assertThrows(OrgException.class, this::connect);
        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, server.requests().size());
        assertTrue(e.getMessage().contains("failed after 3 attempts; the last one got an HTML page"), e.getMessage());
        NoSecrets.assertNotIn(e, PASSWORD, SECURITY_TOKEN);
    }

    @Test
    void aRefusedConnectionIsNotRetried() throws Exception {
        int port = CapturingServer.freePort();
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("p", Map.of(
                SettingKey.LOGIN_URL, "http://127.0.0.1:" + port, SettingKey.USERNAME, "admin@acme.example",
                SettingKey.PASSWORD, PASSWORD)));
        OrgException e = assertThrows(OrgException.class, () -> OrgClient.connect(s, sleeper, Clock.systemUTC()));
        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("could not connect to http://127.0.0.1:" + port), e.getMessage());
        assertEquals(List.of(), sleeper.waits());
    }
}
