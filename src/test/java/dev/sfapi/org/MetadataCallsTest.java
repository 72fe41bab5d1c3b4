package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.Profile;
import com.sforce.soap.metadata.ReadResult;
import com.sforce.ws.ConnectorConfig;
import dev.sfapi.org.CapturingServer.Reply;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metadata API calls through the real force-wsc client against canned envelopes. */
class MetadataCallsTest {

    private static final String[] NAMES = {"Custom%3A Sales Profile", "NoSuchProfile"};

    private CapturingServer server;
    private RecordingSleeper sleeper;
    private CountingAuthenticator auth;
    private OrgSession session;

    @BeforeEach
    void setUp() throws Exception {
        server = new CapturingServer();
        sleeper = new RecordingSleeper();
        auth = new CountingAuthenticator(server.url(), "md");
        session = OrgSession.open(auth, "62.0");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ConnectionSettings settings(String readTimeout) throws OrgException {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.ACCESS_TOKEN, "unused-here");
        v.put(SettingKey.INSTANCE_URL, server.url().toString());
        v.put(SettingKey.MAX_RETRIES, "2");
        v.put(SettingKey.RETRY_BACKOFF, "5");
        v.put(SettingKey.CONNECT_TIMEOUT, "3");
        v.put(SettingKey.READ_TIMEOUT, readTimeout);
        return ConnectionSettings.resolve(SettingLayer.of("test", v));
    }

    private MetadataCalls calls() throws OrgException {
        return calls(settings("5"));
    }

    private MetadataCalls calls(ConnectionSettings s) {
        return new MetadataCalls(session, s, OrgHttp.create(s, sleeper));
    }

    private static ReadResult readProfiles(MetadataCalls calls) throws OrgException {
        return calls.call("readMetadata of 2 Profiles", c -> c.readMetadata("Profile", NAMES));
    }

    @Test
    void theConnectionIsConfiguredExplicitly() throws Exception {
        ConnectionSettings s = settings("7.5").withProxy(new ProxySettings("proxy.acme.example", 3128, "puser",
                Secret.of("proxy-pass-1"), List.of()));
        MetadataConnection c = MetadataCalls.open(session.current(), s, OrgHttp.create(s, sleeper));
        ConnectorConfig config = c.getConfig();
        assertEquals(server.url() + "/services/Soap/m/62.0", config.getServiceEndpoint());
        assertEquals("62.0", MetadataCalls.SCHEMA_VERSION);
        assertTrue(auth.token(1).equals(config.getSessionId()), "the session id is set");
        assertTrue(config.isCompression());
        assertEquals(3000, config.getConnectionTimeout());
        assertEquals(7500, config.getReadTimeout());
        // The proxy is the plugin's HttpClient's (HttpClientTransport), never wsc's own, whose credentials
        // HttpURLConnection would not put on an https tunnel.
        assertTrue(config.getTransportFactory().createTransport() instanceof HttpClientTransport);
        assertEquals(Proxy.NO_PROXY, config.getProxy());
        assertNull(config.getProxyUsername());
        assertNull(config.getProxyPassword());
    }

    @Test
    void readMetadataGoesToTheMetadataEndpointWithTheSession() throws Exception {
        server.enqueue(Reply.xml(200, SoapEnvelopes.readProfiles()));

        ReadResult result = readProfiles(calls());

        Metadata[] records = result.getRecords();
        assertEquals(2, records.length);
        assertEquals("Custom%3A Sales Profile", records[0].getFullName());
        assertEquals("Salesforce", ((Profile) records[0]).getUserLicense());
        assertNull(records[1].getFullName(), "a missing name comes back as an empty record");
        CapturingServer.Request r = server.only();
        assertEquals("/services/Soap/m/62.0", r.path());
        assertEquals("gzip", r.header("Content-Encoding"));
        assertTrue(r.body().contains("<sessionId>" + auth.token(1) + "</sessionId>"), "session header");
        assertTrue(r.body().contains("<m:type>Profile</m:type>"));
    }

    @Test
    void anInvalidSessionIsRenewedOnceAndTheCallRetried() throws Exception {
        server.enqueue(Reply.xml(500, SoapEnvelopes.metadataFault("INVALID_SESSION_ID",
                        "Invalid Session ID found in SessionHeader: Illegal Session")),
                Reply.xml(200, SoapEnvelopes.readProfiles()));

        ReadResult result = readProfiles(calls());

        assertEquals("Custom%3A Sales Profile", result.getRecords()[0].getFullName());
        assertEquals(2, auth.calls());
        List<CapturingServer.Request> sent = server.requests();
        assertEquals(2, sent.size());
        assertTrue(sent.get(1).body().contains("<sessionId>" + auth.token(2) + "</sessionId>"), "new session used");
        assertEquals(List.of(), sleeper.waits(), "a renewal is not a backoff");
    }

    @Test
    void aSecondInvalidSessionFailsCleanly() throws Exception {
        server.handler(r -> Reply.xml(500, SoapEnvelopes.metadataFault("INVALID_SESSION_ID",
                "Invalid Session ID found in SessionHeader: Illegal Session")));

        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));

        assertEquals(OrgException.Kind.AUTHENTICATION, e.kind());
        assertEquals(2, server.requests().size());
        assertEquals(2, auth.calls());
        assertTrue(e.getMessage().contains("again right after a new login (INVALID_SESSION_ID: Invalid Session ID "
                + "found in SessionHeader: Illegal Session)"), e.getMessage());
        NoSecrets.assertNotIn(e, auth.token(1), auth.token(2));
    }

    @Test
    void requestLimitExceededStopsWithTheApiLimitMessage() throws Exception {
        server.handler(r -> Reply.xml(500, SoapEnvelopes.metadataFault("REQUEST_LIMIT_EXCEEDED",
                "TotalRequests Limit exceeded.")));

        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));

        assertEquals(OrgException.Kind.API_LIMIT, e.kind());
        assertEquals(1, server.requests().size());
        assertTrue(e.getMessage().contains("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded. The org has used up "
                + "its API requests"), e.getMessage());
    }

    @Test
    void insufficientAccessNamesThePermission() throws Exception {
        server.enqueue(Reply.xml(500, SoapEnvelopes.metadataFault("INSUFFICIENT_ACCESS",
                "insufficient access rights on cross-reference id")));
        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));
        assertEquals(OrgException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("\"Modify Metadata Through Metadata API Functions\""), e.getMessage());
    }

    @Test
    void maintenancePagesAreRetriedWithBackoff() throws Exception {
        server.enqueue(Reply.html(503), Reply.html(503), Reply.xml(200, SoapEnvelopes.readProfiles()));

        readProfiles(calls());

        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(10)), sleeper.waits());
        assertEquals(1, auth.calls());
    }

    @Test
    void retriesAreBounded() throws Exception {
        server.handler(r -> Reply.html(503));
        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));
        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, server.requests().size());
        assertTrue(e.getMessage().startsWith("readMetadata of 2 Profiles failed after 3 attempts; the last one got an "
                + "HTML page"), e.getMessage());
    }

    @Test
    void readTimeoutsAreRetriedThenReported() throws Exception {
        server.handler(r -> Reply.xml(200, SoapEnvelopes.readProfiles()).delayed(700));
        MetadataCalls slow = calls(settings("0.2"));

        OrgException e = assertThrows(OrgException.class, () -> readProfiles(slow));

        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(2, sleeper.waits().size());
        assertTrue(e.getMessage().contains("no answer within the timeout"), e.getMessage());
    }

    /** The read timeout bounds the whole answer, as HttpURLConnection's per-read timeout did: a stalled body too. */
    @Test
    void anAnswerThatStallsHalfWayTimesOutToo() throws Exception {
        try (java.net.ServerSocket stalling = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!stalling.isClosed()) {
                    try {
                        java.net.Socket s = stalling.accept();
                        new Thread(() -> {
                            try (s) {
                                s.getInputStream().read(new byte[8192]);
                                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                                        + "Content-Length: 4000\r\n\r\n<?xml version=\"1.0\"?>").getBytes());
                                s.getOutputStream().flush();
                                Thread.sleep(5000);
                            } catch (Exception e) {
                                // the client gave up
                            }
                        }).start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
            v.put(SettingKey.ACCESS_TOKEN, "unused-here");
            v.put(SettingKey.INSTANCE_URL, "http://127.0.0.1:" + stalling.getLocalPort());
            v.put(SettingKey.MAX_RETRIES, "1");
            v.put(SettingKey.RETRY_BACKOFF, "5");
            v.put(SettingKey.READ_TIMEOUT, "0.3");
            ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", v));
            OrgSession stalled = OrgSession.open(new CountingAuthenticator(URI.create("http://127.0.0.1:"
                    + stalling.getLocalPort()), "md"), "62.0");
            long started = System.nanoTime();

            OrgException e = assertThrows(OrgException.class, () -> readProfiles(new MetadataCalls(stalled, s,
                    OrgHttp.create(s, sleeper))));

            assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("failed after 2 attempts; the last one got no answer within the "
                    + "timeout"), e.getMessage());
            assertTrue(System.nanoTime() - started < 4_000_000_000L, "bounded by the read timeout, not the stall");
        }
    }

    @Test
    void aFaultSentWithStatus200IsAProtocolProblem() throws Exception {
        server.enqueue(Reply.xml(200, SoapEnvelopes.metadataFault("UNKNOWN_EXCEPTION", "An unexpected error occurred.")));
        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));
        assertEquals(OrgException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
    }

    @Test
    void otherFaultsQuoteSalesforce() throws Exception {
        server.enqueue(Reply.xml(500, SoapEnvelopes.metadataFault("EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than 10 records in this operation")));
        OrgException e = assertThrows(OrgException.class, () -> readProfiles(calls()));
        assertEquals(OrgException.Kind.REJECTED, e.kind());
        assertEquals("The org rejected the readMetadata of 2 Profiles: EXCEEDED_ID_LIMIT: record limit reached. "
                + "cannot submit more than 10 records in this operation.", e.getMessage());
    }
}
