package dev.sfapi.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Builds the signed assertion of the OAuth 2.0 JWT bearer flow: header {@code {"alg":"RS256"}}, claims
 * {@code iss} (consumer key), {@code sub} (username), {@code aud} (the generic login host, never the My
 * Domain) and {@code exp}, signed SHA256withRSA. No JWT library: this is all the flow needs.
 */
public final class JwtAssertion {

    /**
     * Salesforce wants exp "within 3 minutes". Two minutes leaves room for a build machine whose clock
     * runs a little ahead of Salesforce's.
     */
    public static final Duration LIFETIME = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    /** The signed assertion, wrapped as a secret: anyone holding it can log in until it expires. */
    public static Secret create(String clientId, String username, String audience, PrivateKey key, Instant now)
            throws OrgException {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", username)
                .put("aud", audience)
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = B64URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Secret.of(signingInput + "." + B64URL.encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, "Cannot sign the JWT with the private key ("
                    + e.getClass().getSimpleName() + "). Salesforce's JWT bearer flow needs an RSA key.");
        }
    }

    /**
     * The {@code aud} claim for a login URL: https://test.salesforce.com for sandboxes and scratch orgs
     * (also when the login URL is their My Domain), https://login.salesforce.com for production My
     * Domains, and the URL itself otherwise (an Experience Cloud site, a local stand-in).
     */
    public static String audienceFor(URI loginUrl) {
        String host = loginUrl.getHost() == null ? "" : loginUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")
                || host.endsWith(".scratch.my.salesforce.com")) {
            return ConnectionSettings.SANDBOX_LOGIN_URL.toString();
        }
        if (host.equals("login.salesforce.com") || host.endsWith(".my.salesforce.com")) {
            return ConnectionSettings.PRODUCTION_LOGIN_URL.toString();
        }
        return loginUrl.toString();
    }
}
