package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfapi.org.CapturingServer.Reply;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestClientTest {

    private static final String USER_PAGE_1 = """
            {"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v62.0/query/01gXX0000001AbcAAA-2000",
             "records":[
              {"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005XX000001AbCdAAK"},
               "Id":"005XX000001AbCdAAK","Username":"jdoe@acme.example","IsActive":true},
              {"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005XX000001AbCeAAK"},
               "Id":"005XX000001AbCeAAK","Username":"svc@acme.example","IsActive":true}]}""";
    private static final String USER_PAGE_2 = """
            {"totalSize":3,"done":true,"records":[
              {"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005XX000001AbCfAAK"},
               "Id":"005XX000001AbCfAAK","Username":"o'brien@acme.example","IsActive":false}]}""";
    private static final String ONE_USER = """
            {"totalSize":1,"done":true,"records":[
              {"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005XX000001AbCdAAK"},
               "Id":"005XX000001AbCdAAK","Username":"jdoe@acme.example"}]}""";

    private CapturingServer server;
    private RecordingSleeper sleeper;
    private CountingAuthenticator auth;
    private OrgSession session;
    private RestClient rest;

    @BeforeEach
    void setUp() throws Exception {
        server = new CapturingServer();
        sleeper = new RecordingSleeper();
        auth = new CountingAuthenticator(server.url(), "rest");
        session = OrgSession.open(auth, "62.0");
        rest = new RestClient(session, http(Duration.ofSeconds(5)));
    }

    private OrgHttp http(Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        return new OrgHttp(client, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(1000)), sleeper,
                readTimeout);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void followsNextRecordsUrlUntilDoneAndDecodesGzip() throws OrgException {
        server.enqueue(Reply.json(200, USER_PAGE_1).gzipped()
                        .withHeader("Sforce-Limit-Info", "api-usage=17/5000"),
                Reply.json(200, USER_PAGE_2).gzipped().withHeader("Sforce-Limit-Info", "api-usage=18/5000; api-bursts=1"));

        List<JsonNode> records = rest.query("SELECT Id, Username, IsActive FROM User WHERE IsActive = true");

        assertEquals(List.of("jdoe@acme.example", "svc@acme.example", "o'brien@acme.example"),
                records.stream().map(r -> r.path("Username").asText()).toList());
        List<CapturingServer.Request> sent = server.requests();
        assertEquals(2, sent.size());
        assertEquals("GET", sent.get(0).method());
        assertEquals("/services/data/v62.0/query", sent.get(0).path());
        assertEquals("SELECT Id, Username, IsActive FROM User WHERE IsActive = true", sent.get(0).soql());
        assertEquals("/services/data/v62.0/query/01gXX0000001AbcAAA-2000", sent.get(1).path());
        for (CapturingServer.Request r : sent) {
            assertTrue(("Bearer " + auth.token(1)).equals(r.header("Authorization")), "bearer header");
            assertEquals("gzip", r.header("Accept-Encoding"));
            assertEquals("application/json", r.header("Accept"));
        }
        assertEquals(new ApiUsage(18, 5000), rest.apiUsage().orElseThrow());
    }

    @Test
    void aRefusedSessionIsRenewedOnceAndTheRequestRetried() throws OrgException {
        server.enqueue(Reply.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"),
                Reply.json(200, ONE_USER));

        List<JsonNode> records = rest.query("SELECT Id, Username FROM User");

        assertEquals(1, records.size());
        assertEquals(2, auth.calls(), "one login at the start, one renewal");
        List<CapturingServer.Request> sent = server.requests();
        assertTrue(("Bearer " + auth.token(1)).equals(sent.get(0).header("Authorization")));
        assertTrue(("Bearer " + auth.token(2)).equals(sent.get(1).header("Authorization")), "retried with the new session");
    }

    @Test
    void aSecondRefusalFailsCleanlyWithoutLooping() {
        server.handler(r -> Reply.json(401,
                "[{\"errorCode\":\"INVALID_SESSION_ID\",\"message\":\"Session expired or invalid\"}]"));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.AUTHENTICATION, e.kind());
        assertEquals(2, server.requests().size());
        assertEquals(2, auth.calls());
        assertTrue(e.getMessage().contains("refused the session for the SOQL query on User again right after a new "
                + "login (INVALID_SESSION_ID: Session expired or invalid)"), e.getMessage());
        NoSecrets.assertNotIn(e, auth.token(1), auth.token(2));
    }

    @Test
    void concurrentQueriesThatFindTheSessionExpiredRenewItOnlyOnce() throws Exception {
        String stale = "Bearer " + auth.token(1);
        server.handler(r -> stale.equals(r.header("Authorization"))
                ? Reply.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")
                        .delayed(50)
                : Reply.json(200, ONE_USER));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> rest.query("SELECT Id FROM User")));
            }
            for (Future<List<JsonNode>> f : futures) {
                assertEquals(1, f.get().size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, auth.calls(), "six expired requests, one renewal");
    }

    @Test
    void requestLimitExceededStopsWithTheApiLimitMessage() {
        server.handler(r -> Reply.json(403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.API_LIMIT, e.kind());
        assertEquals(1, server.requests().size(), "a limit is not retried");
        assertTrue(e.getMessage().contains("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded. The org has used up"), e.getMessage());
        assertTrue(e.getMessage().contains("rolling 24-hour total"), e.getMessage());
        assertTrue(e.getMessage().contains("concurrent"), e.getMessage());
    }

    @Test
    void serviceUnavailableIsRetriedWithExponentialBackoffThenSucceeds() throws OrgException {
        server.enqueue(Reply.json(503, "[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"),
                Reply.html(503), Reply.json(200, ONE_USER));

        assertEquals(1, rest.query("SELECT Id FROM User").size());

        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), sleeper.waits());
    }

    @Test
    void retriesAreBoundedAndTheFailureSaysWhat() {
        server.handler(r -> Reply.html(503));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(4, server.requests().size(), "first attempt plus maxRetries=3");
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)), sleeper.waits());
        assertTrue(e.getMessage().startsWith("SOQL query on User failed after 4 attempts; the last one got HTTP 503 "
                + "with an HTML page"), e.getMessage());
    }

    @Test
    void aRetryAfterHeaderLengthensTheWaitUpToTheCap() throws OrgException {
        server.enqueue(Reply.json(503, "[]").withHeader("Retry-After", "1"), Reply.json(200, ONE_USER));
        rest.query("SELECT Id FROM User");
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits());
    }

    @Test
    void anHtmlPageWithStatus200IsRetried() throws OrgException {
        server.enqueue(Reply.html(200), Reply.json(200, ONE_USER));
        assertEquals(1, rest.query("SELECT Id FROM User").size());
        assertEquals(2, server.requests().size());
    }

    @Test
    void readTimeoutsAreRetriedThenReported() {
        RestClient slow = new RestClient(session, http(Duration.ofMillis(150)));
        server.handler(r -> Reply.json(200, ONE_USER).delayed(600));

        OrgException e = assertThrows(OrgException.class, () -> slow.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, sleeper.waits().size(), "three retries after the first timeout");
        assertTrue(e.getMessage().contains("no answer within the read timeout"), e.getMessage());
    }

    @Test
    void aConnectionRefusedIsNotRetried() throws Exception {
        int port = CapturingServer.freePort();
        OrgSession nowhere = OrgSession.open(new CountingAuthenticator(
                java.net.URI.create("http://127.0.0.1:" + port), "x"), "62.0");
        RestClient client = new RestClient(nowhere, http(Duration.ofSeconds(2)));

        OrgException e = assertThrows(OrgException.class, () -> client.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("could not connect to http://127.0.0.1:" + port), e.getMessage());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void anUnreadableSetupObjectAsksForViewSetupAndConfiguration() {
        server.enqueue(Reply.json(400, "[{\"errorCode\":\"INVALID_TYPE\",\"message\":\"\\nSELECT AssigneeId FROM "
                + "PermissionSetAssignment\\n                      ^\\nERROR at Row:1:Column:23\\nsObject type "
                + "'PermissionSetAssignment' is not supported.\"}]"));

        OrgException e = assertThrows(OrgException.class,
                () -> rest.query("SELECT AssigneeId FROM PermissionSetAssignment WHERE AssigneeId IN ('005XX')"));

        assertEquals(OrgException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("cannot read PermissionSetAssignment"), e.getMessage());
        assertTrue(e.getMessage().contains("\"View Setup and Configuration\""), e.getMessage());
        assertTrue(e.getMessage().contains("(005XX000001AbCdAAK)"), "names the connecting user: " + e.getMessage());
    }

    @Test
    void anInvalidFieldOnASetupObjectIsAPermissionProblemToo() {
        server.enqueue(Reply.json(400, "[{\"message\":\"No such column 'PermissionSetLicenseId' on entity "
                + "'PermissionSetLicenseAssign'.\",\"errorCode\":\"INVALID_FIELD\"}]"));

        OrgException e = assertThrows(OrgException.class,
                () -> rest.query("SELECT PermissionSetLicenseId FROM PermissionSetLicenseAssign"));

        assertEquals(OrgException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("cannot read PermissionSetLicenseAssign"), e.getMessage());
    }

    @Test
    void otherQueryErrorsQuoteSalesforceAndTheQuery() {
        server.enqueue(Reply.json(400, "[{\"message\":\"\\nSELECT Id FORM User\\n          ^\\nERROR at Row:1:Column:11"
                + "\\nunexpected token: FORM\",\"errorCode\":\"MALFORMED_QUERY\"}]"));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FORM User"));

        assertEquals(OrgException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("MALFORMED_QUERY: SELECT Id FORM User ^ ERROR at Row:1:Column:11 "
                + "unexpected token: FORM"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Query: SELECT Id FORM User"), e.getMessage());
    }

    @Test
    void anUnknownApiVersionSaysWhichVersion() {
        server.enqueue(Reply.json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]"));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.API_VERSION, e.kind());
        assertTrue(e.getMessage().contains("does not serve REST API version 62.0"), e.getMessage());
        assertTrue(e.getMessage().contains("sfapi.apiVersion"), e.getMessage());
    }

    @Test
    void aNonSalesforceErrorPageIsReportedAsSuch() {
        server.enqueue(new Reply(404, "text/html", "<html><body>Not here</body></html>", java.util.Map.of(), false, 0));
        // A 404 HTML page is not transient; it says the URL is wrong.
        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));
        assertEquals(1, server.requests().size());
        assertEquals(OrgException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("answered HTTP 404 with something that is not a Salesforce error: "
                + "<html><body>Not here</body></html>"), e.getMessage());
    }

    @Test
    void aNextRecordsUrlToAnotherHostIsNotFollowed() {
        server.enqueue(Reply.json(200, "{\"totalSize\":2,\"done\":false,\"nextRecordsUrl\":"
                + "\"https://evil.example/services/data/v62.0/query/01g-2000\",\"records\":[]}"));

        OrgException e = assertThrows(OrgException.class, () -> rest.query("SELECT Id FROM User"));

        assertEquals(OrgException.Kind.PROTOCOL, e.kind());
        assertEquals(1, server.requests().size());
    }
}
