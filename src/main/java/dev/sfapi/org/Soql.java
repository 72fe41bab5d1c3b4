package dev.sfapi.org;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** SOQL string literals and IN-lists split so every query's URL stays well below Salesforce's limit. */
public final class Soql {

    /**
     * The most URL-encoded SOQL one GET may carry. Salesforce refuses (414/431) a request whose URI and
     * headers exceed 16,384 bytes; this leaves room for the host, the path and the headers (the bearer
     * token is about 120 bytes).
     */
    public static final int MAX_ENCODED_QUERY = 8_000;

    private Soql() {
    }

    /** A SOQL string literal: quotes, backslashes and control characters backslash-escaped. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** The query string as it travels in the URL ({@code ?q=…}), spaces as %20. */
    public static String encode(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@link #chunkedIn(String, Collection, int)} with {@link #MAX_ENCODED_QUERY}. */
    public static List<String> chunkedIn(String template, Collection<String> values) {
        return chunkedIn(template, values, MAX_ENCODED_QUERY);
    }

    /**
     * One query per chunk of {@code values}: {@code template} with its single {@code %s} replaced by the
     * quoted, comma-separated values, each query's encoded form at most {@code maxEncoded} characters.
     * Duplicates are dropped; no values gives no queries.
     *
     * @param template e.g. {@code SELECT Id FROM User WHERE Username IN (%s)}
     */
    public static List<String> chunkedIn(String template, Collection<String> values, int maxEncoded) {
        int at = template.indexOf("%s");
        if (at < 0 || template.indexOf("%s", at + 2) >= 0) {
            throw new IllegalArgumentException("template needs exactly one %s: " + template);
        }
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + 2);
        int fixed = encode(prefix).length() + encode(suffix).length();
        int comma = encode(",").length();
        List<String> queries = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int length = fixed;
        for (String value : new LinkedHashSet<>(values)) {
            String literal = quote(value);
            int size = encode(literal).length();
            if (fixed + size > maxEncoded) {
                throw new IllegalArgumentException("a single value is too long for one query (" + size
                        + " encoded characters)");
            }
            int added = chunk.length() == 0 ? size : size + comma;
            if (length + added > maxEncoded) {
                queries.add(prefix + chunk + suffix);
                chunk.setLength(0);
                length = fixed;
                added = size;
            }
            if (chunk.length() > 0) {
                chunk.append(',');
            }
            chunk.append(literal);
            length += added;
        }
        if (chunk.length() > 0) {
            queries.add(prefix + chunk + suffix);
        }
        return queries;
    }
}
