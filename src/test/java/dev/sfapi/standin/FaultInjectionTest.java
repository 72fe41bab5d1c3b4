package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults a real org produces, injected on demand, as the real clients see them. */
class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final QName METADATA_LIMIT = new QName("http://soap.sforce.com/2006/04/metadata", "REQUEST_LIMIT_EXCEEDED");
    private static SalesforceStandIn org;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.control().reset();
        org.log().clear();
    }

    private static HttpResponse<String> query(String token, String soql) throws Exception {
        return query(token, soql, null);
    }

    private static HttpResponse<String> query(String token, String soql, Duration timeout) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.restUrl() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token);
        if (timeout != null) {
            b.timeout(timeout);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String clientCredentialsToken() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CorpusOrg.CLIENT_ID
                        + "&client_secret=" + CorpusOrg.CLIENT_SECRET)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static MetadataConnection metadata(String session, int readTimeoutMs) throws ConnectionException {
        ConnectorConfig cfg = new ConnectorConfig();
        cfg.setServiceEndpoint(org.metadataUrl());
        cfg.setSessionId(session);
        cfg.setReadTimeout(readTimeoutMs);
        return new MetadataConnection(cfg);
    }

    @Test
    void anExpiredSessionMidRunNeedsOneReauthentication() throws Exception {
        String first = clientCredentialsToken();
        org.control().expireSessionsAfter(2);
        assertEquals(200, query(first, "SELECT Id FROM User").statusCode());
        assertEquals(200, query(first, "SELECT Id FROM User").statusCode());
        HttpResponse<String> expired = query(first, "SELECT Id FROM User");
        assertEquals(401, expired.statusCode());
        assertEquals("INVALID_SESSION_ID", JSON.readTree(expired.body()).get(0).get("errorCode").asText());

        String second = clientCredentialsToken();
        assertEquals(200, query(second, "SELECT Id FROM User").statusCode());
        assertEquals(200, query(second, "SELECT Id FROM User").statusCode(), "expiry is one-shot");
        assertEquals(2, org.log().count(Endpoint.OAUTH_TOKEN, "client_credentials"));
    }

    @Test
    void anExpiredSessionOnTheMetadataApiIsADetailLessFault() throws Exception {
        String session = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().expireSessionsAfter(0);
        SoapFaultException f = assertThrows(SoapFaultException.class,
                () -> metadata(session, 10_000).readMetadata("Profile", new String[] {"Admin"}));
        assertEquals("INVALID_SESSION_ID", f.getFaultCode().getLocalPart());
        assertEquals("Admin", metadata(org.sessionFor(CorpusOrg.ADMIN_USER), 10_000)
                .readMetadata("Profile", new String[] {"Admin"}).getRecords()[0].getFullName());
    }

    @Test
    void requestLimitExceededOnEachEndpoint() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().requestLimitExceeded(3);

        HttpResponse<String> rest = query(token, "SELECT Id FROM User");
        assertEquals(403, rest.statusCode());
        JsonNode error = JSON.readTree(rest.body()).get(0);
        assertEquals("REQUEST_LIMIT_EXCEEDED", error.get("errorCode").asText());
        assertEquals("TotalRequests Limit exceeded.", error.get("message").asText());

        SoapFaultException md = assertThrows(SoapFaultException.class,
                () -> metadata(token, 10_000).readMetadata("Profile", new String[] {"Admin"}));
        assertEquals(METADATA_LIMIT, md.getFaultCode());

        ConnectorConfig cfg = new ConnectorConfig();
        cfg.setAuthEndpoint(org.partnerUrl());
        cfg.setUsername(CorpusOrg.PLATFORM_USER);
        cfg.setPassword(CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        ApiFault partner = assertThrows(ApiFault.class, () -> Connector.newConnection(cfg));
        assertEquals(ExceptionCode.REQUEST_LIMIT_EXCEEDED, partner.getExceptionCode());

        assertEquals(200, query(token, "SELECT Id FROM User").statusCode(), "three injected, then normal again");
        assertEquals(3, org.log().requests().stream().filter(r -> "REQUEST_LIMIT_EXCEEDED".equals(r.fault())).count());
    }

    @Test
    void theOrgsDailyLimitRefusesSoapToo() throws Exception {
        org.control().apiUsage(org.org().apiLimit());
        SoapFaultException f = assertThrows(SoapFaultException.class,
                () -> metadata(org.sessionFor(CorpusOrg.ADMIN_USER), 10_000).readMetadata("Profile", new String[] {"Admin"}));
        assertEquals(METADATA_LIMIT, f.getFaultCode());
        org.control().apiUsage(0);
    }

    @Test
    void anHtmlMaintenancePageForTheNextRequests() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().html503(2);
        assertThrows(HTMLResponseException.class, () -> metadata(token, 10_000).readMetadata("Profile", new String[] {"Admin"}));
        HttpResponse<String> rest = query(token, "SELECT Id FROM User");
        assertEquals(503, rest.statusCode());
        assertTrue(rest.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(200, query(token, "SELECT Id FROM User").statusCode());
    }

    @Test
    void faultsCanTargetOneEndpoint() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().html503(1, Endpoint.METADATA_SOAP);
        assertEquals(200, query(token, "SELECT Id FROM User").statusCode(), "REST is not the target");
        assertThrows(HTMLResponseException.class, () -> metadata(token, 10_000).readMetadata("Profile", new String[] {"Admin"}));
    }

    @Test
    void anEmptyServerErrorForTheNextRequest() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().empty500(1);
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> metadata(token, 10_000).readMetadata("Profile", new String[] {"Admin"}));
        assertTrue(e.getMessage().startsWith("Failed to send request"), e.getMessage());
    }

    @Test
    void aDelayLongerThanTheClientsTimeout() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().delay(1, Duration.ofMillis(1500), Endpoint.REST_QUERY);
        assertThrows(HttpTimeoutException.class, () -> query(token, "SELECT Id FROM User", Duration.ofMillis(300)));
        assertEquals(200, query(token, "SELECT Id FROM User", Duration.ofSeconds(10)).statusCode());

        org.control().delay(1, Duration.ofMillis(1500), Endpoint.METADATA_SOAP);
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> metadata(token, 300).readMetadata("Profile", new String[] {"Admin"}));
        assertInstanceOf(SocketTimeoutException.class, e.getCause(), e.toString());
    }

    @Test
    void aConnectingUserWithoutViewSetupCannotReadSetupObjects() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().viewSetup(false);
        HttpResponse<String> r = query(token, RestQueryTest.Q2);
        assertEquals(400, r.statusCode());
        JsonNode error = JSON.readTree(r.body()).get(0);
        assertEquals("INVALID_TYPE", error.get("errorCode").asText());
        assertTrue(error.get("message").asText().contains("sObject type 'PermissionSetAssignment' is not supported"));
        assertEquals(200, query(token, RestQueryTest.Q1).statusCode(), "User and Profile stay readable");
    }

    @Test
    void latencyIsAddedAndConcurrentRequestsAreCounted() throws Exception {
        String token = org.sessionFor(CorpusOrg.ADMIN_USER);
        org.control().latency(Duration.ofMillis(250));
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(org.restUrl() + "/query?q=SELECT+Id+FROM+User"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            assertEquals(200, f.get().statusCode());
        }
        assertEquals(4, org.log().count(Endpoint.REST_QUERY));
        assertTrue(org.log().requests().stream().allMatch(r -> r.millis() >= 250), "latency is added to every request");
        // Four requests held 250 ms each overlap: the server saw more than one at a time.
        assertTrue(org.log().maxConcurrent() >= 2, "max concurrent " + org.log().maxConcurrent());
    }
}
