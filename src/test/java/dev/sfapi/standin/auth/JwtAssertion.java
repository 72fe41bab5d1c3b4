package dev.sfapi.standin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A JWT bearer assertion as the token endpoint reads it: {@code header.claims.signature}, each part
 * base64url. Only RS256 is accepted, as in Salesforce.
 */
record JwtAssertion(JsonNode header, JsonNode claims, byte[] signedPart, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses an assertion; null when it is not a well-formed JWT at all. */
    static JwtAssertion parse(String assertion) {
        if (assertion == null) {
            return null;
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = JSON.readTree(b64.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return null;
            }
            return new JwtAssertion(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    b64.decode(parts[2]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    boolean isRs256() {
        return "RS256".equals(header.path("alg").asText(null));
    }

    boolean signedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signedPart);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    String claim(String name) {
        JsonNode n = claims.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** {@code exp} in seconds since the epoch, or -1 when missing or not a number. */
    long expiry() {
        JsonNode n = claims.get("exp");
        return n != null && n.canConvertToLong() ? n.asLong() : -1;
    }
}
