package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.LoopbackTls;
import dev.sfapi.standin.SalesforceStandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A TLS connection that can't be set up is no Salesforce outage: an untrusted certificate (a proxy that
 * inspects TLS) or a plain-text port fails at once, on every kind of connection, saying what to check.
 */
class TlsFailureTest {

    private static SalesforceStandIn tlsOrg;
    private static SalesforceStandIn plainOrg;
    private RecordingSleeper sleeper;

    @BeforeAll
    static void start() {
        tlsOrg = SalesforceStandIn.startTls(CorpusOrg.model(), LoopbackTls.shared().serverContext());
        plainOrg = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        tlsOrg.close();
        plainOrg.close();
    }

    @BeforeEach
    void setUp() {
        sleeper = new RecordingSleeper();
        tlsOrg.log().clear();
        plainOrg.log().clear();
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void aCertificateTheJvmDoesNotTrustFailsAtOnceNamingTheTruststore(ProxiedCalls call) throws Exception {
        // No trust context: the JVM's own truststore, which doesn't know the stand-in's loopback certificate.
        ConnectionSettings settings = call.through(tlsOrg, null, null, null, List.of(), null);

        OrgException e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));

        assertTrue(e.getMessage().startsWith(call.what), e.getMessage());
        assertTrue(e.getMessage().contains("failed: no secure connection to " + tlsOrg.baseUrl() + " ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("the JVM does not trust the certificate " + tlsOrg.baseUrl() + " presented"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Djavax.net.ssl.trustStore"), e.getMessage());
        assertFalse(e.getMessage().contains("maintenance"), e.getMessage());
        assertEquals(List.of(), sleeper.waits(), "not retried");
        assertEquals(0, tlsOrg.log().count(), "no request got through");
    }

    @ParameterizedTest
    @EnumSource(ProxiedCalls.class)
    void anHttpsUrlOnAPlainTextPortFailsAtOnceNamingTheUrl(ProxiedCalls call) throws Exception {
        OrgException e;
        try (PlainTextPort port = new PlainTextPort()) {
            ConnectionSettings settings = ConnectionSettings.resolve(SettingLayer.of("test",
                    httpsOn(call, plainOrg, port.port())));
            e = assertThrows(OrgException.class, () -> call.run(settings, sleeper));
        }

        assertTrue(e.getMessage().startsWith(call.what), e.getMessage());
        assertTrue(e.getMessage().contains("does not speak TLS there: check that the URL is the org's https:// URL"
                + " and its port"), e.getMessage());
        assertFalse(e.getMessage().contains("maintenance"), e.getMessage());
        assertEquals(List.of(), sleeper.waits(), "not retried");
    }

    @Test
    void theTrustedCertificateStillWorks() throws Exception {
        ProxiedCalls.REST_QUERY.run(ProxiedCalls.REST_QUERY.through(tlsOrg, null, null, null, List.of(),
                LoopbackTls.shared().clientContext()), sleeper);
        assertEquals(1, tlsOrg.log().count(Endpoint.REST_QUERY));
    }

    /** The call's settings with every URL of {@code org} turned to https:// on {@code port}. */
    private static Map<SettingKey, String> httpsOn(ProxiedCalls call, SalesforceStandIn org, int port) {
        Map<SettingKey, String> v = call.values(org);
        v.replaceAll((k, value) -> value != null && value.startsWith(org.baseUrl())
                ? "https://127.0.0.1:" + port + value.substring(org.baseUrl().length()) : value);
        return v;
    }

    /** A loopback port that answers anything, a TLS hello included, with a plain-text HTTP 400. */
    private static final class PlainTextPort implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        PlainTextPort() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (IOException closed) {
                        // closed by close(), or the client hung up: next connection
                    }
                }
            }, "plain-text-port");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
