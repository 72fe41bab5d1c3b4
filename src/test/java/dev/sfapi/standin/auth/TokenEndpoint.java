package dev.sfapi.standin.auth;

import dev.sfapi.standin.http.HttpRequest;
import dev.sfapi.standin.http.HttpResponse;
import dev.sfapi.standin.org.ConnectedApp;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} for the three flows CI uses: JWT bearer, client credentials and
 * refresh token (the SFDX auth URL). Success and error bodies follow the wire reference §1.2–1.4;
 * every error is HTTP 400 with {@code {"error", "error_description"}}.
 *
 * <p>Texts not confirmed against a real org are marked [?] where they are produced.
 */
public final class TokenEndpoint {

    public static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** The JWT flow wants {@code exp} within 3 minutes; allow this much clock skew on top. */
    static final long MAX_JWT_LIFETIME_SECONDS = 180;
    static final long CLOCK_SKEW_SECONDS = 60;

    private final OrgModel org;
    private final Sessions sessions;
    private final String baseUrl;
    private final Clock clock;
    private final byte[] serverKey = new byte[32];

    public TokenEndpoint(OrgModel org, Sessions sessions, String baseUrl, Clock clock) {
        this.org = org;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
        this.clock = clock;
        new java.security.SecureRandom().nextBytes(serverKey);
    }

    /** The short grant name the request log shows (never a credential). */
    public static String grantName(HttpRequest request) {
        String grant = request.formParameters().get("grant_type");
        if (grant == null) {
            return "token";
        }
        return JWT_GRANT.equals(grant) ? "jwt-bearer" : grant.replaceAll("[^A-Za-z0-9_:.-]", "?");
    }

    public HttpResponse handle(HttpRequest request) {
        if (!"POST".equals(request.method())) {
            return error("invalid_request", "must use HTTP POST");
        }
        Map<String, String> form = request.formParameters();
        String grant = form.get("grant_type");
        if (JWT_GRANT.equals(grant)) {
            return jwt(form.get("assertion"));
        }
        if ("client_credentials".equals(grant)) {
            return clientCredentials(request, form);
        }
        if ("refresh_token".equals(grant)) {
            return refresh(form);
        }
        return error("unsupported_grant_type", "grant type not supported");
    }

    private HttpResponse jwt(String assertion) {
        JwtAssertion jwt = JwtAssertion.parse(assertion);
        if (jwt == null || !jwt.isRs256()) {
            return error("invalid_grant", "invalid assertion");
        }
        Optional<ConnectedApp> app = org.connectedApp(String.valueOf(jwt.claim("iss")));
        if (app.isEmpty()) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (app.get().jwtPublicKey() == null || !jwt.signedBy(app.get().jwtPublicKey())) {
            return error("invalid_grant", "invalid assertion");
        }
        // The stand-in's own URL is its login URL, and a client pointed at it (loginUrl = baseUrl) uses it
        // as audience, as it would use https://login.salesforce.com against a real org.
        if (!org.jwtAudiences().contains(jwt.claim("aud")) && !baseUrl.equals(jwt.claim("aud"))) {
            return error("invalid_grant", "audience is invalid");
        }
        long now = clock.millis() / 1000;
        long exp = jwt.expiry();
        if (exp < 0 || exp > now + MAX_JWT_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
            return error("invalid_grant", "invalid assertion"); // [?] text for an over-long lifetime
        }
        if (exp <= now) {
            return error("invalid_grant", "expired authorization code"); // [S] what public reports show
        }
        String sub = jwt.claim("sub");
        Optional<User> user = sub == null ? Optional.empty() : org.user(sub);
        if (user.isEmpty() || !app.get().approvedForJwt(user.get().username())) {
            return error("invalid_grant", "user hasn't approved this consumer");
        }
        if (!user.get().canLogIn()) {
            return error("invalid_grant", "authentication failure"); // [?] inactive or frozen user
        }
        return success(user.get(), app.get(), null);
    }

    private HttpResponse clientCredentials(HttpRequest request, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = request.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error("invalid_client", "invalid client credentials");
            }
            int colon = decoded.indexOf(':');
            clientId = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        Optional<ConnectedApp> app = org.connectedApp(String.valueOf(clientId));
        if (app.isEmpty()) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!secretMatches(app.get(), secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        if (app.get().runAsUsername() == null) {
            return error("invalid_grant", "no client credentials user enabled");
        }
        User runAs = org.user(app.get().runAsUsername()).orElseThrow();
        if (!runAs.canLogIn()) {
            return error("invalid_grant", "authentication failure"); // [?] inactive or frozen run-as user
        }
        return success(runAs, app.get(), app.get().clientSecret());
    }

    private HttpResponse refresh(Map<String, String> form) {
        Optional<ConnectedApp> app = org.connectedApp(String.valueOf(form.get("client_id")));
        if (app.isEmpty()) {
            return error("invalid_client_id", "client identifier invalid");
        }
        String secret = form.get("client_secret");
        // The CLI's own app has no secret; a secret that is sent must match.
        if (secret != null && !secret.isEmpty() && !secretMatches(app.get(), secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        String username = app.get().refreshTokens().get(String.valueOf(form.get("refresh_token")));
        if (username == null) {
            return error("invalid_grant", "expired access/refresh token");
        }
        User user = org.user(username).orElseThrow();
        if (!user.canLogIn()) {
            return error("invalid_grant", "authentication failure"); // [?]
        }
        return success(user, app.get(), app.get().clientSecret());
    }

    private static boolean secretMatches(ConnectedApp app, String secret) {
        if (app.clientSecret() == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(app.clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse success(User user, ConnectedApp app, String signingSecret) {
        String issuedAt = Long.toString(clock.millis());
        String id = baseUrl + "/id/" + org.orgId() + "/" + user.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sessions.issue(user));
        body.put("signature", sign(id + issuedAt, signingSecret));
        body.put("scope", "api");
        body.put("instance_url", baseUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return HttpResponse.json(200, body);
    }

    /** Salesforce signs {@code id + issued_at} with HMAC-SHA256 keyed by the consumer secret. */
    private String sign(String data, String secret) {
        try {
            byte[] key = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : serverKey;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return HttpResponse.json(400, body);
    }
}
