package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sfapi.org.CapturingServer.Reply;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.LoopbackProxy;
import dev.sfapi.standin.LoopbackProxy.Outcome;
import dev.sfapi.standin.LoopbackProxy.Seen;
import dev.sfapi.standin.LoopbackTls;
import dev.sfapi.standin.SalesforceStandIn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every connection the plugin makes (SOAP login() and the Metadata API through force-wsc, the OAuth token
 * request and REST queries through the JDK HttpClient) goes through Maven's proxy with its credentials,
 * and a proxy that refuses them stops the run at once, naming the proxy and never its password.
 *
 * <p>Against a {@link LoopbackProxy} in front of the stand-in. On plain http a client sends each request
 * to the proxy with {@code Proxy-Authorization}; on https it opens a CONNECT tunnel, which is where the
 * JDK leaves Basic credentials out unless the JVM runs with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=}. This class runs in the JVM as users start it (no
 * such flag): https tunnels with credentials are proven in {@link ProxyTunnelAuthTest}, which surefire runs
 * in a JVM with the flag.
 */
class ProxyTransportTest {

    static final String PROXY_USER = "ci-proxy";
    static final String PROXY_PASSWORD = "Proxy-pw-" + System.nanoTime();
    static final String WRONG_PASSWORD = "Wrong-proxy-pw-" + System.nanoTime();

    private static SalesforceStandIn org;
    private static SalesforceStandIn tlsOrg;
    private LoopbackProxy proxy;
    private RecordingSleeper sleeper;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
        tlsOrg = SalesforceStandIn.startTls(CorpusOrg.model(), LoopbackTls.shared().serverContext());
    }

    @AfterAll
    static void stop() {
        org.close();
        tlsOrg.close();
    }

    @BeforeEach
    void setUp() {
        org.log().clear();
        tlsOrg.log().clear();
        proxy = LoopbackProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void soapLoginAndTheOrgReadGoThroughTheProxyWithItsCredentials() throws Exception {
        OrgClient client = ProxiedCalls.SOAP_LOGIN.run(ProxiedCalls.SOAP_LOGIN.through(org, proxy, PROXY_USER,
                PROXY_PASSWORD, List.of(), null), sleeper);
        OrgAccess access = new OrgAccessReader(client).read(List.of(CorpusOrg.PLATFORM_USER, CorpusOrg.GROUP_USER));

        assertEquals("Acme (stand-in)", access.org().orgName());
        assertEquals(1, org.log().count(Endpoint.PARTNER_SOAP, "login"));
        assertTrue(org.log().count(Endpoint.METADATA_SOAP, "readMetadata") > 0, org.log().summary().toString());
        assertTrue(org.log().count(Endpoint.REST_QUERY) > 0);
        List<Seen> seen = proxy.requests();
        assertEquals(org.log().count(), seen.size(), "everything the org saw came through the proxy: " + seen);
        assertTrue(seen.stream().allMatch(s -> s.outcome() == Outcome.FORWARDED), seen.toString());
        assertTrue(seen.contains(new Seen("POST", org.partnerUrl(), Outcome.FORWARDED)), seen.toString());
        assertTrue(seen.contains(new Seen("POST", org.metadataUrl(), Outcome.FORWARDED)), seen.toString());
        assertEquals(List.of(), sleeper.waits());
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void eachKindOfConnectionGoesThroughTheProxyWithItsCredentials(ProxiedCalls call) throws Exception {
        call.run(call.through(org, proxy, PROXY_USER, PROXY_PASSWORD, List.of(), null), sleeper);

        List<Seen> seen = proxy.requests();
        assertEquals(1, seen.size(), seen.toString());
        assertEquals(Outcome.FORWARDED, seen.get(0).outcome());
        assertEquals(1, org.log().count());
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void aWrongProxyPasswordFailsAtOnceNamingTheProxyButNotThePassword(ProxiedCalls call) throws Exception {
        ConnectionSettings settings = call.through(org, proxy, PROXY_USER, WRONG_PASSWORD, List.of(), null);

        OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

        assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.startsWith(call.what), m);
        assertTrue(m.contains("failed: the proxy 127.0.0.1:" + proxy.port() + " refused the credentials of "
                + PROXY_USER + " (407 Proxy Authentication Required). Check the <username> and <password> of the "
                + "<proxy> 'corp' in settings.xml"), m);
        assertEquals(List.of(Outcome.WRONG_CREDENTIALS), proxy.requests().stream().map(Seen::outcome).toList(),
                "one attempt, no retry");
        assertEquals(List.of(), sleeper.waits(), "no backoff");
        assertEquals(0, org.log().count(), "nothing reached the org");
        NoSecrets.assertNotIn(e, WRONG_PASSWORD, basic(PROXY_USER, WRONG_PASSWORD), PROXY_PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(value = ProxiedCalls.class, names = {"SOAP_LOGIN", "REST_QUERY"})
    void aProxyThatWantsCredentialsWhenNoneAreConfiguredSaysWhereToAddThem(ProxiedCalls call) throws Exception {
        ConnectionSettings settings = call.through(org, proxy, null, null, List.of(), null);

        OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

        assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind());
        assertTrue(e.getMessage().contains("the proxy 127.0.0.1:" + proxy.port() + " requires authentication (407 "
                + "Proxy Authentication Required), and the <proxy> 'corp' in settings.xml has no <username>."),
                e.getMessage());
        assertEquals(List.of(Outcome.NO_CREDENTIALS), proxy.requests().stream().map(Seen::outcome).toList());
    }

    @ParameterizedTest
    @EnumSource(value = ProxiedCalls.class, names = {"METADATA_API", "OAUTH_TOKEN"})
    void aProxyAskingForAnotherSchemeThanBasicSaysSo(ProxiedCalls call) throws Exception {
        try (LoopbackProxy negotiate = LoopbackProxy.challenging("Negotiate")) {
            ConnectionSettings settings = call.through(org, negotiate, PROXY_USER, PROXY_PASSWORD, List.of(), null);

            OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

            assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind());
            assertTrue(e.getMessage().contains("asks for Negotiate authentication (407 Proxy Authentication "
                    + "Required), but the plugin, like the JDK's HTTP client, sends only Basic credentials"),
                    e.getMessage());
            assertEquals(1, negotiate.requests().size());
        }
    }

    /** A 407 from a proxy nobody declared (a transparent one) is no Salesforce outage either. */
    @Test
    void a407WithoutADeclaredProxySaysToDeclareIt() throws Exception {
        try (CapturingServer server = new CapturingServer()) {
            server.handler(r -> new Reply(407, "text/plain", "", java.util.Map.of("Proxy-Authenticate",
                    "Basic realm=\"corp\""), false, 0));
            ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", java.util.Map.of(
                    SettingKey.INSTANCE_URL, server.url().toString(), SettingKey.ACCESS_TOKEN, "00Dx!not-checked-here",
                    SettingKey.MAX_RETRIES, "3", SettingKey.RETRY_BACKOFF, "1")));
            OrgClient client = OrgClient.connect(s, sleeper, java.time.Clock.systemUTC());

            for (ProxiedCalls call : List.of(ProxiedCalls.REST_QUERY, ProxiedCalls.METADATA_API)) {
                OrgException e = assertThrows(OrgException.class, () -> call.firstCall(client));
                assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind());
                assertTrue(e.getMessage().contains("a proxy between this machine and 127.0.0.1 answered 407 Proxy "
                        + "Authentication Required, but no <proxy> in settings.xml is active"), e.getMessage());
            }
            assertEquals(2, server.requests().size(), "one each, no retry");
            assertEquals(List.of(), sleeper.waits());
        }
    }

    /** A host in nonProxyHosts is reached directly, and never receives the proxy's credentials. */
    @Test
    void nonProxyHostsBypassTheProxyAndGetNoProxyCredentials() throws Exception {
        for (ProxiedCalls call : ProxiedCalls.values()) {
            call.run(call.through(org, proxy, PROXY_USER, PROXY_PASSWORD, List.of("localhost", "127.0.0.1"), null),
                    sleeper);
        }
        assertEquals(List.of(), proxy.requests(), "the proxy saw nothing");
        assertEquals(ProxiedCalls.values().length, org.log().count(), "the org saw every call directly");

        try (CapturingServer server = new CapturingServer()) {
            server.handler(r -> r.path().contains("/Soap/m/")
                    ? Reply.xml(500, SoapEnvelopes.metadataFault("INVALID_TYPE", "not the point here"))
                    : Reply.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"));
            ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", java.util.Map.of(
                    SettingKey.INSTANCE_URL, server.url().toString(), SettingKey.ACCESS_TOKEN, "00Dx!not-checked-here")))
                    .withProxy(new ProxySettings(proxy.host(), proxy.port(), PROXY_USER, Secret.of(PROXY_PASSWORD),
                            List.of("127.0.0.1")));
            OrgClient client = OrgClient.connect(s, sleeper, java.time.Clock.systemUTC());
            ProxiedCalls.REST_QUERY.firstCall(client);
            assertThrows(OrgException.class, () -> ProxiedCalls.METADATA_API.firstCall(client));

            assertEquals(2, server.requests().size());
            for (CapturingServer.Request r : server.requests()) {
                assertNull(r.header("Proxy-Authorization"), r.path() + " got the proxy's credentials");
            }
        }
        assertEquals(List.of(), proxy.requests());
    }

    /** CONNECT tunnels for https: force-wsc's calls use the plugin's HttpClient, its proxy and its TLS trust. */
    @Test
    void overHttpsEveryCallTunnelsThroughAnOpenProxy() throws Exception {
        try (LoopbackProxy open = LoopbackProxy.open()) {
            OrgClient client = ProxiedCalls.SOAP_LOGIN.run(ProxiedCalls.SOAP_LOGIN.through(tlsOrg, open, null, null,
                    List.of(), LoopbackTls.shared().clientContext()), sleeper);
            new OrgAccessReader(client).read(List.of(CorpusOrg.PLATFORM_USER));

            assertTrue(tlsOrg.baseUrl().startsWith("https://127.0.0.1:"));
            assertEquals(1, tlsOrg.log().count(Endpoint.PARTNER_SOAP, "login"));
            assertTrue(tlsOrg.log().count(Endpoint.METADATA_SOAP) > 0);
            List<Seen> seen = open.requests();
            assertTrue(!seen.isEmpty() && seen.stream().allMatch(s -> s.method().equals("CONNECT")
                    && s.target().equals(tlsOrg.baseUrl().substring("https://".length()))
                    && s.outcome() == Outcome.TUNNELLED), seen.toString());
        }
    }

    /** A proxy that won't open a tunnel to the host (403 to the CONNECT) is no Salesforce outage either. */
    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void aProxyRefusingTheTunnelFailsAtOnceSayingSo(ProxiedCalls call) throws Exception {
        try (LoopbackProxy forbidding = LoopbackProxy.forbidding()) {
            ConnectionSettings settings = call.through(tlsOrg, forbidding, PROXY_USER, PROXY_PASSWORD, List.of(),
                    LoopbackTls.shared().clientContext());

            OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

            assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(call.what), e.getMessage());
            assertTrue(e.getMessage().contains("failed: the proxy 127.0.0.1:" + forbidding.port() + " refused to open "
                    + "a tunnel to 127.0.0.1 (HTTP 403 to its CONNECT): it does not let " + PROXY_USER + " reach "
                    + "127.0.0.1."), e.getMessage());
            assertEquals(List.of(new Seen("CONNECT", tlsOrg.baseUrl().substring("https://".length()),
                    Outcome.REFUSED)), forbidding.requests(), "one attempt");
            assertEquals(List.of(), sleeper.waits());
            NoSecrets.assertNotIn(e, PROXY_PASSWORD, basic(PROXY_USER, PROXY_PASSWORD));
        }
    }

    /** A 502 from the proxy (it can't reach the host now) is a network fault like any other: retried. */
    @ParameterizedTest
    @EnumSource(value = ProxiedCalls.class, names = {"METADATA_API", "REST_QUERY"})
    void aProxyThatCannotReachTheHostIsRetried(ProxiedCalls call) throws Exception {
        try (LoopbackProxy badGateway = LoopbackProxy.refusingWith(502)) {
            ConnectionSettings settings = call.through(tlsOrg, badGateway, null, null, List.of(),
                    LoopbackTls.shared().clientContext());

            OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

            assertEquals(OrgException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("failed after 4 attempts"), e.getMessage());
            assertEquals(4, badGateway.requests().size());
            assertEquals(3, sleeper.waits().size());
        }
    }

    /**
     * Without {@code -Djdk.http.auth.tunneling.disabledSchemes=} the JDK sends no Basic credentials on a
     * CONNECT, so the proxy answers 407 however right the password is: the message names the flag, at once.
     */
    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void withoutTheJdkFlagAnHttpsTunnelFailsAtOnceNamingTheFlag(ProxiedCalls call) throws Exception {
        assumeTrue(ProxySettings.basicDisabledForTunnels(), "this JVM lets Basic through tunnels");
        ConnectionSettings settings = call.through(tlsOrg, proxy, PROXY_USER, PROXY_PASSWORD, List.of(),
                LoopbackTls.shared().clientContext());

        OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

        assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind());
        assertTrue(e.getMessage().contains("the proxy 127.0.0.1:" + proxy.port() + " refused the HTTPS tunnel to "
                + "127.0.0.1 (407 Proxy Authentication Required) because the JDK sent no credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("MAVEN_OPTS=\"-Djdk.http.auth.tunneling.disabledSchemes=\""), e.getMessage());
        assertEquals(List.of(new Seen("CONNECT", tlsOrg.baseUrl().substring("https://".length()),
                Outcome.NO_CREDENTIALS)), proxy.requests());
        assertEquals(List.of(), sleeper.waits());
        NoSecrets.assertNotIn(e, PROXY_PASSWORD, basic(PROXY_USER, PROXY_PASSWORD));
    }
}
