package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfapi.standin.org.User;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST query resource through the JDK HttpClient, with the queries the plugin sends. */
class RestQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USERS = "('" + CorpusOrg.PLATFORM_USER + "','" + CorpusOrg.INTEGRATION_USER + "','"
            + CorpusOrg.GROUP_USER + "','" + CorpusOrg.INACTIVE_USER + "','" + CorpusOrg.FROZEN_USER + "','nobody@acme.example')";

    static final String Q1 = "SELECT Id, Username, IsActive, UserType, ProfileId, Profile.Name, Profile.UserLicense.Name,"
            + " Profile.UserLicense.LicenseDefinitionKey FROM User WHERE Username IN " + USERS;
    static final String Q2 = "SELECT AssigneeId, Assignee.Username, PermissionSetId, PermissionSet.Name,"
            + " PermissionSet.IsOwnedByProfile, PermissionSet.Type, PermissionSet.License.Name, PermissionSetGroupId,"
            + " PermissionSetGroup.DeveloperName FROM PermissionSetAssignment WHERE Assignee.Username IN " + USERS;
    static final String Q3 = "SELECT AssigneeId, Assignee.Username, PermissionSetLicenseId, PermissionSetLicense.DeveloperName,"
            + " PermissionSetLicense.MasterLabel FROM PermissionSetLicenseAssign WHERE Assignee.Username IN " + USERS;
    static final String Q4 = "SELECT PermissionSetGroupId, PermissionSetGroup.DeveloperName, PermissionSetId, TYPEOF PermissionSet"
            + " WHEN PermissionSet THEN Name WHEN MutingPermissionSet THEN DeveloperName END FROM PermissionSetGroupComponent"
            + " WHERE PermissionSetGroupId IN (SELECT PermissionSetGroupId FROM PermissionSetAssignment WHERE Assignee.Username IN "
            + USERS + ")";
    static final String Q5 = "SELECT UserId, IsFrozen FROM UserLogin WHERE UserId IN (SELECT Id FROM User WHERE Username IN "
            + USERS + ")";

    private static SalesforceStandIn org;
    private static String token;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
        token = org.sessionFor(CorpusOrg.ADMIN_USER);
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

    static HttpResponse<String> get(String pathAndQuery, String bearer, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.baseUrl() + pathAndQuery)).header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String queryPath(String soql) {
        return "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    private static JsonNode query(String soql) throws IOException, InterruptedException {
        HttpResponse<String> r = get(queryPath(soql), token);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode byUsername(JsonNode records, String path, String username) {
        for (JsonNode r : records) {
            if (username.equals(r.at(path).asText())) {
                return r;
            }
        }
        throw new AssertionError("no record for " + username + " in " + records);
    }

    @Test
    void q1UsersWithProfileAndLicense() throws Exception {
        JsonNode body = query(Q1);
        assertEquals(5, body.get("totalSize").asInt(), "unknown usernames are simply absent");
        assertTrue(body.get("done").asBoolean());
        assertFalse(body.has("nextRecordsUrl"));
        JsonNode platform = byUsername(body.get("records"), "/Username", CorpusOrg.PLATFORM_USER);
        User u = org.org().user(CorpusOrg.PLATFORM_USER).orElseThrow();
        assertEquals("User", platform.at("/attributes/type").asText());
        assertEquals("/services/data/v62.0/sobjects/User/" + u.id(), platform.at("/attributes/url").asText());
        assertEquals(u.profileId(), platform.get("ProfileId").asText());
        assertEquals("2cloudnine Payroll User", platform.at("/Profile/Name").asText());
        assertEquals("Salesforce Platform", platform.at("/Profile/UserLicense/Name").asText());
        assertEquals("AUL", platform.at("/Profile/UserLicense/LicenseDefinitionKey").asText());
        assertEquals("UserLicense", platform.at("/Profile/UserLicense/attributes/type").asText());
        assertFalse(byUsername(body.get("records"), "/Username", CorpusOrg.INACTIVE_USER).get("IsActive").asBoolean());
    }

    @Test
    void q2AssignmentsIncludeTheProfileOwnedRowAndGroupRows() throws Exception {
        JsonNode records = query(Q2).get("records");
        List<String> types = new ArrayList<>();
        for (JsonNode r : records) {
            if (CorpusOrg.GROUP_USER.equals(r.at("/Assignee/Username").asText())) {
                types.add(r.at("/PermissionSet/Type").asText());
                if (r.at("/PermissionSet/Type").asText().equals("Group")) {
                    assertEquals(CorpusOrg.GROUP.replace("ffscpq__", ""), r.at("/PermissionSetGroup/DeveloperName").asText());
                    assertFalse(r.get("PermissionSetGroupId").isNull());
                    assertTrue(r.at("/PermissionSet/License").isNull());
                } else {
                    assertTrue(r.get("PermissionSetGroup").isNull());
                    assertTrue(r.get("PermissionSetGroupId").isNull());
                }
            }
        }
        types.sort(null);
        assertEquals(List.of("Group", "Profile", "Regular"), types);
        // Every listed user (5 of them) has exactly one profile-owned row.
        long owned = 0;
        for (JsonNode r : records) {
            if (r.at("/PermissionSet/IsOwnedByProfile").asBoolean()) {
                owned++;
                assertEquals("Profile", r.at("/PermissionSet/Type").asText());
            }
        }
        assertEquals(5, owned);
        JsonNode integration = null;
        for (JsonNode r : records) {
            if (r.at("/PermissionSet/Name").asText().equals("TwoCloudNineIntegrationUser")) {
                integration = r;
            }
        }
        assertEquals("Salesforce API Integration", integration.at("/PermissionSet/License/Name").asText());
    }

    @Test
    void q3PermissionSetLicenseAssignments() throws Exception {
        JsonNode body = query(Q3);
        assertEquals(1, body.get("totalSize").asInt());
        JsonNode r = body.get("records").get(0);
        assertEquals(CorpusOrg.INTEGRATION_USER, r.at("/Assignee/Username").asText());
        assertEquals("SalesforceAPIIntegrationPsl", r.at("/PermissionSetLicense/DeveloperName").asText());
        assertEquals("Salesforce API Integration", r.at("/PermissionSetLicense/MasterLabel").asText());
    }

    @Test
    void q4GroupComponentsIncludingTheMutingSet() throws Exception {
        JsonNode body = query(Q4);
        assertEquals(14, body.get("totalSize").asInt(), "13 member sets and one muting set");
        Set<String> muting = new HashSet<>();
        for (JsonNode r : body.get("records")) {
            JsonNode ps = r.get("PermissionSet");
            if (ps.at("/attributes/type").asText().equals("MutingPermissionSet")) {
                muting.add(ps.get("DeveloperName").asText());
                assertFalse(ps.has("Name"));
            } else {
                assertTrue(ps.has("Name"));
            }
        }
        assertEquals(Set.of(CorpusOrg.MUTING_SET), muting);
    }

    @Test
    void q5FrozenState() throws Exception {
        JsonNode records = query(Q5).get("records");
        assertEquals(5, records.size());
        String frozenId = org.org().user(CorpusOrg.FROZEN_USER).orElseThrow().id();
        for (JsonNode r : records) {
            assertEquals(r.get("UserId").asText().equals(frozenId), r.get("IsFrozen").asBoolean());
        }
    }

    @Test
    void aReorderedFieldListAndAnExtraFieldWork() throws Exception {
        JsonNode r = query("SELECT Profile.UserLicense.Name, Username, Email, Id FROM User WHERE Username = '"
                + CorpusOrg.PLATFORM_USER + "'").get("records").get(0);
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("attributes", "Profile", "Username", "Email", "Id"), keys);
    }

    @Test
    void pagingFollowsNextRecordsUrlUntilDone() throws Exception {
        org.control().queryBatchSize(2);
        JsonNode page = query(Q1);
        List<String> seen = new ArrayList<>();
        int pages = 1;
        while (true) {
            assertEquals(5, page.get("totalSize").asInt());
            page.get("records").forEach(r -> seen.add(r.get("Username").asText()));
            if (page.get("done").asBoolean()) {
                assertFalse(page.has("nextRecordsUrl"));
                break;
            }
            String next = page.get("nextRecordsUrl").asText();
            assertTrue(next.startsWith("/services/data/v62.0/query/01g"), next);
            HttpResponse<String> r = get(next, token);
            assertEquals(200, r.statusCode(), r.body());
            page = JSON.readTree(r.body());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(1, org.log().count(Endpoint.REST_QUERY, "query", "User"));
        assertEquals(2, org.log().count(Endpoint.REST_QUERY, "queryMore", "User"));
    }

    @Test
    void anUnknownLocatorIsRefused() throws Exception {
        HttpResponse<String> r = get("/services/data/v62.0/query/01gXX0000000099AAA-2", token);
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_QUERY_LOCATOR", JSON.readTree(r.body()).get(0).get("errorCode").asText());
    }

    @Test
    void queryErrorsAreJsonArraysWithTheCode() throws Exception {
        String[][] cases = {
            {"SELECT Id FROM Foo", "INVALID_TYPE", "sObject type 'Foo' is not supported"},
            {"SELECT Id, Nope FROM User", "INVALID_FIELD", "No such column 'Nope' on entity 'User'"},
            {"SELECT Id FORM User", "MALFORMED_QUERY", "unexpected token: FORM"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(queryPath(c[0]), token);
            assertEquals(400, r.statusCode(), c[0]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            assertTrue(body.isArray(), r.body());
            assertEquals(c[1], body.get(0).get("errorCode").asText());
            assertTrue(body.get(0).get("message").asText().contains(c[2]), body.get(0).get("message").asText());
        }
    }

    @Test
    void aBadOrMissingTokenIs401InvalidSessionId() throws Exception {
        for (String bad : new String[] {null, "00DXX0000000001!AQnope"}) {
            HttpResponse<String> r = get(queryPath("SELECT Id FROM User"), bad);
            assertEquals(401, r.statusCode());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("INVALID_SESSION_ID", body.get(0).get("errorCode").asText());
            assertEquals("Session expired or invalid", body.get(0).get("message").asText());
        }
    }

    @Test
    void anUnknownVersionIs404NotFound() throws Exception {
        HttpResponse<String> r = get("/services/data/v99.0/query?q=SELECT+Id+FROM+User", token);
        assertEquals(404, r.statusCode());
        assertEquals("NOT_FOUND", JSON.readTree(r.body()).get(0).get("errorCode").asText());
    }

    @Test
    void limitInfoCountsApiRequestsAndTheLimitRefusesThem() throws Exception {
        HttpResponse<String> first = get(queryPath("SELECT Id FROM User"), token);
        int used = Integer.parseInt(first.headers().firstValue("Sforce-Limit-Info").orElseThrow()
                .replaceAll("api-usage=(\\d+)/15000", "$1"));
        HttpResponse<String> second = get(queryPath("SELECT Id FROM User"), token);
        assertEquals("api-usage=" + (used + 1) + "/15000", second.headers().firstValue("Sforce-Limit-Info").orElseThrow());

        org.control().apiUsage(15_000);
        HttpResponse<String> refused = get(queryPath("SELECT Id FROM User"), token);
        assertEquals(403, refused.statusCode());
        assertEquals("REQUEST_LIMIT_EXCEEDED", JSON.readTree(refused.body()).get(0).get("errorCode").asText());
        org.control().apiUsage(used);
    }

    @Test
    void answersAreGzippedWhenAsked() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(org.baseUrl() + queryPath(Q1)))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build();
        HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
        try (InputStream in = new GZIPInputStream(r.body())) {
            assertEquals(5, JSON.readTree(in).get("totalSize").asInt());
        }
    }

    @Test
    void anOverlongUriIsRefusedSoClientsMustChunkInLists() throws Exception {
        StringBuilder in = new StringBuilder("'a@x'");
        while (in.length() < 17_000) {
            in.append(",'someone.with.a.long.name@acme.example'");
        }
        HttpResponse<String> r = get(queryPath("SELECT Id FROM User WHERE Username IN (" + in + ")"), token);
        assertEquals(414, r.statusCode());
    }

    @Test
    void theLogKeepsTheSoqlButNeverTheToken() throws Exception {
        query(Q3);
        RequestRecord rec = org.log().requests().get(0);
        assertEquals(Q3, rec.soql());
        assertEquals("PermissionSetLicenseAssign", rec.subject());
        assertEquals("/services/data/v62.0/query", rec.path());
        assertFalse(rec.toString().contains(token));
        assertNull(rec.fault());
    }
}
