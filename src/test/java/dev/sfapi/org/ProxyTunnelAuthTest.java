package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sfapi.org.CapturingServer.Reply;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.LoopbackProxy;
import dev.sfapi.standin.LoopbackProxy.Outcome;
import dev.sfapi.standin.LoopbackProxy.Seen;
import dev.sfapi.standin.LoopbackTls;
import dev.sfapi.standin.SalesforceStandIn;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * https through a proxy that requires Basic authentication, the way a corporate network does it: every
 * connection is a CONNECT tunnel to the TLS stand-in ({@link LoopbackTls}: a certificate only the test's
 * client trusts), and the proxy credentials ride on the CONNECT.
 *
 * <p>The JDK sends Basic credentials on a CONNECT only when the JVM starts with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} (what docs/org.md tells users to put in MAVEN_OPTS),
 * and reads that property once, so surefire runs this class in a JVM of its own that has it (the
 * {@code proxy-tunnel-auth} execution in the pom). In any other JVM it is skipped; the behaviour without
 * the flag is {@link ProxyTransportTest#withoutTheJdkFlagAnHttpsTunnelFailsAtOnceNamingTheFlag}.
 */
class ProxyTunnelAuthTest {

    private static SalesforceStandIn tlsOrg;
    private LoopbackProxy proxy;
    private RecordingSleeper sleeper;

    @BeforeAll
    static void start() {
        if (Boolean.getBoolean("sfapi.test.tunnelAuth")) {
            assertFalse(ProxySettings.basicDisabledForTunnels(), "the proxy-tunnel-auth execution must start its JVM"
                    + " with -D" + ProxySettings.TUNNELING_DISABLED_SCHEMES + "=");
        } else {
            assumeFalse(ProxySettings.basicDisabledForTunnels(), "needs a JVM started with -D"
                    + ProxySettings.TUNNELING_DISABLED_SCHEMES + "= (surefire's proxy-tunnel-auth execution)");
        }
        tlsOrg = SalesforceStandIn.startTls(CorpusOrg.model(), LoopbackTls.shared().serverContext());
    }

    @AfterAll
    static void stop() {
        if (tlsOrg != null) {
            tlsOrg.close();
        }
    }

    @BeforeEach
    void setUp() {
        tlsOrg.log().clear();
        proxy = LoopbackProxy.requiring(ProxyTransportTest.PROXY_USER, ProxyTransportTest.PROXY_PASSWORD);
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private String tunnelTarget() {
        return tlsOrg.baseUrl().substring("https://".length());
    }

    @Test
    void soapLoginTheMetadataApiAndRestTunnelThroughTheProxyWithItsCredentials() throws Exception {
        OrgClient client = ProxiedCalls.SOAP_LOGIN.run(ProxiedCalls.SOAP_LOGIN.through(tlsOrg, proxy,
                ProxyTransportTest.PROXY_USER, ProxyTransportTest.PROXY_PASSWORD, List.of(),
                LoopbackTls.shared().clientContext()), sleeper);
        OrgAccess access = new OrgAccessReader(client).read(List.of(CorpusOrg.PLATFORM_USER, CorpusOrg.GROUP_USER));

        assertEquals("Acme (stand-in)", access.org().orgName());
        assertEquals(1, tlsOrg.log().count(Endpoint.PARTNER_SOAP, "login"));
        assertTrue(tlsOrg.log().count(Endpoint.METADATA_SOAP, "readMetadata") > 0, tlsOrg.log().summary().toString());
        assertTrue(tlsOrg.log().count(Endpoint.REST_QUERY) > 0);
        List<Seen> seen = proxy.requests();
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch(s -> s.equals(new Seen("CONNECT", tunnelTarget(), Outcome.TUNNELLED))),
                "every connection is a tunnel with the right credentials: " + seen);
        assertEquals(List.of(), sleeper.waits());
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void eachKindOfConnectionTunnelsWithTheCredentials(ProxiedCalls call) throws Exception {
        call.run(call.through(tlsOrg, proxy, ProxyTransportTest.PROXY_USER, ProxyTransportTest.PROXY_PASSWORD,
                List.of(), LoopbackTls.shared().clientContext()), sleeper);

        assertEquals(List.of(new Seen("CONNECT", tunnelTarget(), Outcome.TUNNELLED)), proxy.requests());
        assertEquals(1, tlsOrg.log().count());
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void aWrongPasswordOnTheTunnelFailsAtOnceWithoutThePassword(ProxiedCalls call) throws Exception {
        ConnectionSettings settings = call.through(tlsOrg, proxy, ProxyTransportTest.PROXY_USER,
                ProxyTransportTest.WRONG_PASSWORD, List.of(), LoopbackTls.shared().clientContext());

        OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

        assertEquals(OrgException.Kind.PROXY_REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(call.what), e.getMessage());
        assertTrue(e.getMessage().contains("failed: the proxy 127.0.0.1:" + proxy.port() + " refused the credentials "
                + "of " + ProxyTransportTest.PROXY_USER + " (407 Proxy Authentication Required)."), e.getMessage());
        assertEquals(List.of(new Seen("CONNECT", tunnelTarget(), Outcome.WRONG_CREDENTIALS)), proxy.requests(),
                "one CONNECT, no retry");
        assertEquals(List.of(), sleeper.waits());
        assertEquals(0, tlsOrg.log().count());
        NoSecrets.assertNotIn(e, ProxyTransportTest.WRONG_PASSWORD, ProxyTransportTest.PROXY_PASSWORD,
                ProxyTransportTest.basic(ProxyTransportTest.PROXY_USER, ProxyTransportTest.WRONG_PASSWORD));
    }

    /**
     * The JDK HttpClient's CONNECT behaviour that the plugin relies on: the {@code Proxy-Authorization} set on
     * a request goes on the CONNECT only, never through the tunnel to the server (REST and wsc alike).
     */
    @Test
    void theProxyCredentialsGoOnTheConnectAndNeverReachTheServer() throws Exception {
        try (CapturingServer server = new CapturingServer(LoopbackTls.shared().serverContext())) {
            server.handler(r -> r.path().contains("/Soap/m/")
                    ? Reply.xml(500, SoapEnvelopes.metadataFault("INVALID_TYPE", "not the point here"))
                    : Reply.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"));
            ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", Map.of(
                    SettingKey.INSTANCE_URL, server.url().toString(), SettingKey.ACCESS_TOKEN, "00Dx!not-checked-here")))
                    .withProxy(new ProxySettings(proxy.host(), proxy.port(), ProxyTransportTest.PROXY_USER,
                            Secret.of(ProxyTransportTest.PROXY_PASSWORD), List.of()))
                    .withSslContext(LoopbackTls.shared().clientContext());
            OrgClient client = OrgClient.connect(s, sleeper, Clock.systemUTC());

            ProxiedCalls.REST_QUERY.firstCall(client);
            assertThrows(OrgException.class, () -> ProxiedCalls.METADATA_API.firstCall(client));

            URI url = server.url();
            assertTrue(proxy.requests().stream().allMatch(r -> r.equals(new Seen("CONNECT", url.getHost() + ":"
                    + url.getPort(), Outcome.TUNNELLED))), proxy.requests().toString());
            assertEquals(2, server.requests().size());
            for (CapturingServer.Request r : server.requests()) {
                assertNull(r.header("Proxy-Authorization"), r.path() + " got the proxy's credentials");
            }
        }
    }
}
