package dev.sfapi.org;

import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS connection that can't be set up: an http:// port spoken to as https, or a certificate the JVM
 * doesn't trust (typical behind a proxy that inspects TLS). Waiting won't change either, and the "Salesforce
 * may be in maintenance" message after exhausted retries would send the reader the wrong way, so it stops at
 * once. A connection dropped during an otherwise good handshake is not this, and is still retried.
 */
final class TlsFailure {

    private TlsFailure() {
    }

    /** The TLS problem in {@code failure}'s causes, when there is one retrying can't fix. */
    static Optional<SSLException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLHandshakeException h && !closedByPeer(h)) {
                return Optional.of(h);
            }
            if (t instanceof SSLException s && notTls(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A plain-text server spoken to as TLS: "Unsupported or unrecognized SSL message" and the like. */
    private static boolean notTls(SSLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("unrecognized ssl message") || m.contains("plaintext connection");
    }

    /** "Remote host terminated the handshake": a dropped connection, not a TLS mismatch. */
    private static boolean closedByPeer(SSLHandshakeException e) {
        String m = e.getMessage();
        return m != null && (m.contains("terminated the handshake") || m.contains("closed"));
    }

    /** The failure for {@code what} when the TLS connection to {@code host} could not be set up. */
    static OrgException failure(String what, String host, SSLException cause) {
        String advice = notTls(cause)
                ? "the server at " + host + " does not speak TLS there: check that the URL is the org's https:// URL"
                        + " and its port"
                : "the JVM does not trust the certificate " + host + " presented. Behind a proxy that inspects TLS,"
                        + " import its CA certificate into the truststore Maven's Java uses (keytool -importcert), or"
                        + " start Maven with -Djavax.net.ssl.trustStore=…";
        return new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed: no secure connection to " + host
                + " (" + Messages.describe(cause) + "); " + advice + ".", cause);
    }
}
