package dev.sfapi.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential: password, client secret, private key passphrase, refresh token, access token, signed
 * JWT assertion. {@link #toString()} never shows the value, and every value is registered with the
 * {@link Redactor} as it is created, so a message that happens to echo it (an OAuth error, a wsc
 * exception) is scrubbed before it reaches a log line or an exception.
 *
 * <p>Equality is identity on purpose: comparing by value would invite {@code assertEquals} failures
 * that print the value. Use {@link #sameValueAs(Secret)}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
        Redactor.register(value);
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    /** Wraps a value, or returns null for null or blank: settings treat blank as "not set". */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : of(value);
    }

    /** The value, for the one place that must send it (a form field, a header, a SOAP config). */
    public String reveal() {
        return value;
    }

    /** Constant-time comparison, so that comparing tokens leaks nothing through timing. */
    public boolean sameValueAs(Secret other) {
        return other != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends another secret's value, e.g. SOAP login's password followed by the security token. */
    public Secret concat(Secret suffix) {
        return suffix == null ? this : of(value + suffix.value);
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }
}
