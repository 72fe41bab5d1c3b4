package dev.sfapi.org;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;

/**
 * A host name that does not resolve: a typo in the login or instance URL, a machine without DNS, or a
 * network that only reaches the internet through a proxy. Retrying cannot fix any of these, and the
 * "Salesforce may be down" message that follows exhausted retries would send the reader the wrong way,
 * so such a failure stops at once and says so.
 *
 * <p>The JDK HttpClient reports it as a {@code ConnectException} caused by an
 * {@link UnresolvedAddressException}; force-wsc (HttpURLConnection) as an {@link UnknownHostException}
 * whose message is the host name.
 */
final class UnresolvedHost {

    private UnresolvedHost() {
    }

    /**
     * The host that could not be resolved, when {@code failure} or one of its causes says a name did not
     * resolve. {@code requestedHost} names it when the exception doesn't (the JDK HttpClient's doesn't).
     */
    static Optional<String> in(Throwable failure, String requestedHost) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Optional.of(hostIn(t.getMessage(), requestedHost));
            }
            if (t instanceof UnresolvedAddressException) {
                return Optional.of(requestedHost);
            }
        }
        return Optional.empty();
    }

    /**
     * The host an UnknownHostException names: "host" from HttpURLConnection (the proxy's name when it goes
     * through one), "host: Name or service not known" from InetAddress; {@code requestedHost} otherwise.
     */
    private static String hostIn(String message, String requestedHost) {
        if (message == null || message.isBlank() || !requestedHost.isEmpty()
                && message.toLowerCase(Locale.ROOT).contains(requestedHost.toLowerCase(Locale.ROOT))) {
            return requestedHost;
        }
        String candidate = (message.contains(":") ? message.substring(0, message.indexOf(':')) : message).trim();
        return candidate.matches("[A-Za-z0-9._-]+") ? candidate : requestedHost;
    }

    /** The failure for {@code what} ("SOAP login() of … at …") when {@code host} did not resolve. */
    static OrgException failure(String what, String host, boolean viaProxy, Throwable cause) {
        String advice = viaProxy
                ? "check the <proxy> in settings.xml (its <host>) and DNS"
                : "check the login/instance URL, DNS and the proxy settings";
        return new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed: cannot resolve "
                + (viaProxy ? "the proxy host " : "") + host + ": " + advice + ".", cause);
    }
}
