package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void quotesAndBackslashesAreBackslashEscaped() {
        assertEquals("'o\\'brien@acme.example'", Soql.quote("o'brien@acme.example"));
        assertEquals("'a\\\\b'", Soql.quote("a\\b"));
        assertEquals("'x\\\\\\'y'", Soql.quote("x\\'y"), "a backslash before a quote cannot unescape it");
        assertEquals("'line\\nbreak'", Soql.quote("line\nbreak"));
    }

    @Test
    void longInListsAreSplitSoEveryRequestStaysFarBelowSixteenKilobytes() {
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            usernames.add("integration.user." + i + "+o'brien@acme-corporation.example");
        }
        List<String> queries = Soql.chunkedIn("SELECT Id FROM User WHERE Username IN (%s) ORDER BY Username", usernames);

        assertTrue(queries.size() > 1, "1500 long usernames need several queries");
        List<String> seen = new ArrayList<>();
        Pattern literal = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
        for (String q : queries) {
            assertTrue(q.startsWith("SELECT Id FROM User WHERE Username IN ('") && q.endsWith("') ORDER BY Username"), q);
            String uri = "https://acme.my.salesforce.com/services/data/v62.0/query?q=" + Soql.encode(q);
            assertTrue(Soql.encode(q).length() <= Soql.MAX_ENCODED_QUERY);
            // URI plus generous headers (bearer token, host, user agent…) stays under 16,384 bytes.
            assertTrue(uri.length() + 2_000 < 16_384, "request line length " + uri.length());
            Matcher m = literal.matcher(q);
            while (m.find()) {
                seen.add(m.group(1).replace("\\'", "'").replace("\\\\", "\\"));
            }
        }
        assertEquals(usernames, seen, "every value exactly once, in order");
    }

    @Test
    void chunksAreFilledNotJustCut() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(String.format("005XX00000%08d", i));
        }
        List<String> queries = Soql.chunkedIn("SELECT Id FROM User WHERE Id IN (%s)", ids, 500);
        for (int i = 0; i < queries.size() - 1; i++) {
            int len = Soql.encode(queries.get(i)).length();
            assertTrue(len <= 500 && len > 500 - 30, "chunk " + i + " is " + len + " long");
        }
    }

    @Test
    void duplicatesAreDroppedAndNoValuesMeansNoQuery() {
        assertEquals(List.of("SELECT Id FROM User WHERE Username IN ('a@x.example','b@x.example')"),
                Soql.chunkedIn("SELECT Id FROM User WHERE Username IN (%s)", List.of("a@x.example", "b@x.example",
                        "a@x.example")));
        assertEquals(List.of(), Soql.chunkedIn("SELECT Id FROM User WHERE Username IN (%s)", List.of()));
    }

    @Test
    void badTemplatesAndOversizedValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Soql.chunkedIn("SELECT Id FROM User", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Soql.chunkedIn("IN (%s) %s", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Soql.chunkedIn("IN (%s)", List.of("x".repeat(200)), 100));
    }

    @Test
    void apiUsageIsParsedFromSforceLimitInfo() {
        assertEquals(new ApiUsage(18, 5000), ApiUsage.parse("api-usage=18/5000").orElseThrow());
        assertEquals(new ApiUsage(7, 15000), ApiUsage.parse("api-usage=7/15000; per-app-api-usage=2/100").orElseThrow());
        assertTrue(ApiUsage.parse("per-app-api-usage=2/100(appName=x)").isEmpty());
        assertTrue(ApiUsage.parse(null).isEmpty());
    }
}
