package dev.sfapi.org;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs credentials out of any text before it is logged or put in an exception.
 *
 * <p>Two layers: every value wrapped in a {@link Secret} (in its raw, form-encoded, XML- and
 * JSON-escaped spellings, because servers echo what they were sent in those forms), and patterns for
 * things that look like credentials even when this process never wrapped them: Salesforce session ids
 * ({@code 00D…!…}), {@code Bearer} tokens, refresh tokens ({@code 5Aep…}), SFDX auth URLs, JWTs, PEM
 * private keys and {@code key=value} / {@code "key":"value"} pairs with credential-like keys.
 */
public final class Redactor {

    /** What a scrubbed value is replaced with. */
    public static final String MASK = "****";

    /**
     * Values shorter than this are not scrubbed by value: masking every "ab" in every message would
     * make messages unreadable, and Salesforce passwords, secrets and tokens are all far longer.
     */
    static final int MIN_LENGTH = 4;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern AUTH_URL = Pattern.compile("force://[^\\s\"'<>]*@");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    // The org id before the '!' is not secret and helps tell orgs apart; everything after it is.
    private static final Pattern SESSION_ID = Pattern.compile("\\b(00D[A-Za-z0-9]{12,15})![A-Za-z0-9._\\-+/=]+");
    // Case-sensitive and long enough not to eat prose such as "JWT bearer flow".
    private static final Pattern BEARER = Pattern.compile("\\b(Bearer\\s+)[A-Za-z0-9._~+/=!-]{12,}");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\\b5Aep[A-Za-z0-9._=]{20,}");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(access_token|refresh_token|client_secret|assertion|password|passphrase|session_?id"
                    + "|security_?token|code_verifier)(\"\\s*:\\s*\"|'\\s*:\\s*'|\\s*=\\s*)[^\\s\"'&,;<>}]+");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "(?i)(<([A-Za-z0-9]+:)?(sessionId|password|passphrase)>)[^<]*(</)");

    private Redactor() {
    }

    /** Remembers a secret value (and its encoded spellings) so that {@link #scrub} removes it. */
    static void register(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        KNOWN.add(value);
        KNOWN.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        KNOWN.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        KNOWN.add(xmlEscape(value));
        KNOWN.add(jsonEscape(value));
    }

    /** The text with every known secret and every credential-looking token replaced by {@link #MASK}. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so a secret that contains another secret is masked whole.
        List<String> known = new ArrayList<>(KNOWN);
        known.sort(Comparator.comparingInt(String::length).reversed());
        for (String value : known) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        result = PEM_KEY.matcher(result).replaceAll("-----BEGIN $1PRIVATE KEY----- " + MASK + " $2");
        result = AUTH_URL.matcher(result).replaceAll("force://" + MASK + "@");
        result = JWT.matcher(result).replaceAll(MASK);
        result = SESSION_ID.matcher(result).replaceAll("$1!" + MASK);
        result = BEARER.matcher(result).replaceAll("$1" + MASK);
        result = REFRESH_TOKEN.matcher(result).replaceAll(MASK);
        result = KEY_VALUE.matcher(result).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        result = XML_ELEMENT.matcher(result).replaceAll("$1" + MASK + "$4");
        return result;
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }

    private static String jsonEscape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
