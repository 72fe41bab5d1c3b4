package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Asserts that no credential reaches an exception or a text. On failure it names which secret leaked
 * (by its position in the list) and never prints the value, so a failing test cannot leak it either.
 */
final class NoSecrets {

    private NoSecrets() {
    }

    /** Checks the message, toString() and the whole printed stack trace, causes included. */
    static void assertNotIn(Throwable thrown, String... secrets) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        assertNotIn(out + "\n" + thrown, secrets);
    }

    static void assertNotIn(String text, String... secrets) {
        for (int i = 0; i < secrets.length; i++) {
            String s = secrets[i];
            if (s != null && !s.isEmpty() && text != null && text.contains(s)) {
                fail("secret #" + i + " (length " + s.length() + ") appears in the output");
            }
        }
    }
}
