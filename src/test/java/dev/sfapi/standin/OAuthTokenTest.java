package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint: JWT bearer (signed here with a key generated for this run), client
 * credentials (form and HTTP Basic) and refresh token, their errors, and that a token it issues is
 * accepted by the REST API.
 */
class OAuthTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JWT_APP = "3MVG9standin.jwt.app";
    private static final String PICKY_APP = "3MVG9standin.picky.app";
    private static final String NO_RUN_AS_APP = "3MVG9standin.norunas.app";
    private static final String AUD = "https://login.salesforce.com";

    private static KeyPair key;
    private static KeyPair otherKey;
    private static SalesforceStandIn org;

    @BeforeAll
    static void start() {
        key = StandInKeys.generateRsa();
        otherKey = StandInKeys.generateRsa();
        org = SalesforceStandIn.start(CorpusOrg.builder()
                .connectedApp(JWT_APP, a -> a.jwtPublicKey(key.getPublic()))
                .connectedApp(PICKY_APP, a -> a.jwtPublicKey(key.getPublic()).jwtApprovedUsers(CorpusOrg.INTEGRATION_USER))
                .connectedApp(NO_RUN_AS_APP, a -> a.clientSecret("s3cret-no-run-as"))
                .build());
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

    private static HttpResponse<String> post(Map<String, String> form, String basicAuth) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static HttpResponse<String> jwt(KeyPair signer, String iss, String sub, String aud, long exp) throws Exception {
        return post(form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", StandInKeys.jwt(signer.getPrivate(), iss, sub, aud, exp)), null);
    }

    private static long inSeconds(long s) {
        return Instant.now().getEpochSecond() + s;
    }

    private static void assertError(HttpResponse<String> r, String error, String description) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(error, body.get("error").asText(), r.body());
        assertEquals(description, body.get("error_description").asText(), r.body());
    }

    @Test
    void jwtBearerGivesATokenTheRestApiAccepts() throws Exception {
        HttpResponse<String> r = jwt(key, JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(170));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(org.baseUrl(), body.get("instance_url").asText());
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(org.baseUrl() + "/id/" + org.org().orgId() + "/" + org.org().user(CorpusOrg.INTEGRATION_USER).orElseThrow().id(),
                body.get("id").asText());
        assertTrue(body.get("issued_at").isTextual());
        assertTrue(body.has("signature") && body.has("scope"));
        assertFalse(body.has("refresh_token"));

        HttpResponse<String> q = HTTP.send(HttpRequest.newBuilder(URI.create(org.restUrl() + "/query?q=SELECT+Id+FROM+User"))
                .header("Authorization", "Bearer " + body.get("access_token").asText()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, q.statusCode(), q.body());
        assertEquals(1, org.log().count(Endpoint.OAUTH_TOKEN, "jwt-bearer"));
    }

    @Test
    void jwtErrorsSayWhatIsWrong() throws Exception {
        assertError(jwt(otherKey, JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(120)), "invalid_grant", "invalid assertion");
        assertError(jwt(key, JWT_APP, CorpusOrg.INTEGRATION_USER, "https://acme.my.salesforce.com", inSeconds(120)),
                "invalid_grant", "audience is invalid");
        assertError(jwt(key, "3MVG9unknown", CorpusOrg.INTEGRATION_USER, AUD, inSeconds(120)),
                "invalid_client_id", "client identifier invalid");
        assertError(jwt(key, JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(-10)), "invalid_grant", "expired authorization code");
        assertError(jwt(key, JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(3600)), "invalid_grant", "invalid assertion");
        assertError(jwt(key, JWT_APP, "nobody@acme.example", AUD, inSeconds(120)), "invalid_grant", "user hasn't approved this consumer");
        assertError(jwt(key, PICKY_APP, CorpusOrg.PLATFORM_USER, AUD, inSeconds(120)), "invalid_grant", "user hasn't approved this consumer");
        assertEquals(200, jwt(key, PICKY_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(120)).statusCode());
        assertError(jwt(key, JWT_APP, CorpusOrg.INACTIVE_USER, AUD, inSeconds(120)), "invalid_grant", "authentication failure");
        assertError(jwt(key, JWT_APP, CorpusOrg.FROZEN_USER, AUD, inSeconds(120)), "invalid_grant", "authentication failure");
        assertError(post(form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", "not.a.jwt"), null),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void jwtWithAnHs256HeaderIsRefused() throws Exception {
        String good = StandInKeys.jwt(key.getPrivate(), JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(60));
        String hs = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
                + good.substring(good.indexOf('.'));
        assertError(post(form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", hs), null),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void clientCredentialsInTheFormOrAsHttpBasic() throws Exception {
        HttpResponse<String> formStyle = post(form("grant_type", "client_credentials", "client_id", CorpusOrg.CLIENT_ID,
                "client_secret", CorpusOrg.CLIENT_SECRET), null);
        assertEquals(200, formStyle.statusCode(), formStyle.body());
        assertTrue(JSON.readTree(formStyle.body()).get("id").asText()
                .endsWith(org.org().user(CorpusOrg.INTEGRATION_USER).orElseThrow().id()), "runs as the Run As user");
        HttpResponse<String> basic = post(form("grant_type", "client_credentials"), CorpusOrg.CLIENT_ID + ":" + CorpusOrg.CLIENT_SECRET);
        assertEquals(200, basic.statusCode(), basic.body());
    }

    @Test
    void clientCredentialsErrors() throws Exception {
        assertError(post(form("grant_type", "client_credentials", "client_id", CorpusOrg.CLIENT_ID, "client_secret", "wrong"), null),
                "invalid_client", "invalid client credentials");
        assertError(post(form("grant_type", "client_credentials"), CorpusOrg.CLIENT_ID + ":wrong"),
                "invalid_client", "invalid client credentials");
        assertError(post(form("grant_type", "client_credentials", "client_id", "3MVG9unknown", "client_secret", "x"), null),
                "invalid_client_id", "client identifier invalid");
        assertError(post(form("grant_type", "client_credentials", "client_id", NO_RUN_AS_APP, "client_secret", "s3cret-no-run-as"), null),
                "invalid_grant", "no client credentials user enabled");
    }

    @Test
    void refreshTokenAsAnSfdxAuthUrlIsExchanged() throws Exception {
        HttpResponse<String> ok = post(form("grant_type", "refresh_token", "client_id", CorpusOrg.CLIENT_ID,
                "refresh_token", CorpusOrg.REFRESH_TOKEN), null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(JSON.readTree(ok.body()).get("id").asText().endsWith(org.org().user(CorpusOrg.PLATFORM_USER).orElseThrow().id()));
        HttpResponse<String> withSecret = post(form("grant_type", "refresh_token", "client_id", CorpusOrg.CLIENT_ID,
                "client_secret", CorpusOrg.CLIENT_SECRET, "refresh_token", CorpusOrg.REFRESH_TOKEN), null);
        assertEquals(200, withSecret.statusCode(), withSecret.body());
    }

    @Test
    void refreshTokenErrors() throws Exception {
        assertError(post(form("grant_type", "refresh_token", "client_id", CorpusOrg.CLIENT_ID, "refresh_token", "5Aep861revoked"), null),
                "invalid_grant", "expired access/refresh token");
        assertError(post(form("grant_type", "refresh_token", "client_id", CorpusOrg.CLIENT_ID, "client_secret", "wrong",
                "refresh_token", CorpusOrg.REFRESH_TOKEN), null), "invalid_client", "invalid client credentials");
        assertError(post(form("grant_type", "refresh_token", "client_id", "PlatformCLI", "refresh_token", CorpusOrg.REFRESH_TOKEN), null),
                "invalid_client_id", "client identifier invalid");
    }

    @Test
    void anUnknownGrantTypeIsRefused() throws Exception {
        assertError(post(form("grant_type", "password", "username", "x", "password", "y"), null),
                "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        post(form("grant_type", "client_credentials", "client_id", CorpusOrg.CLIENT_ID, "client_secret", CorpusOrg.CLIENT_SECRET), null);
        post(form("grant_type", "refresh_token", "client_id", CorpusOrg.CLIENT_ID, "refresh_token", CorpusOrg.REFRESH_TOKEN), null);
        String assertion = StandInKeys.jwt(key.getPrivate(), JWT_APP, CorpusOrg.INTEGRATION_USER, AUD, inSeconds(60));
        post(form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion), null);
        String logged = org.log().requests().toString() + org.log().summary();
        for (String secret : new String[] {CorpusOrg.CLIENT_SECRET, CorpusOrg.REFRESH_TOKEN, assertion.substring(assertion.lastIndexOf('.') + 1)}) {
            assertFalse(logged.contains(secret), "the log shows a secret");
        }
        assertEquals(3, org.log().count(Endpoint.OAUTH_TOKEN));
    }
}
