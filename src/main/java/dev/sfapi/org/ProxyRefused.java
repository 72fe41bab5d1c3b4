package dev.sfapi.org;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proxy said no: {@code 407 Proxy Authentication Required} (it wants credentials it didn't get, or
 * refused the ones it got), or another 4xx to the CONNECT of an https tunnel (typically 403: it doesn't
 * let this user or machine reach the host). Never temporary, so never retried: waiting doesn't change a
 * password or a proxy's rules, and each attempt with a wrong password may count toward locking the proxy
 * account. {@link #failure(String)} says which of the usual causes applies and what to change in
 * settings.xml; it names the proxy's host, port and user, never the password.
 *
 * <p>An {@link IOException} so that it can travel through force-wsc, which wraps whatever its transport
 * throws in a {@code ConnectionException} ("Failed to send request to …"); {@link #in(Throwable)} finds it
 * again.
 */
final class ProxyRefused extends IOException {

    private static final long serialVersionUID = 1L;

    /** How the JDK HttpClient reports a CONNECT answered with anything but 200 or 407. */
    private static final Pattern TUNNEL_FAILED = Pattern.compile("Tunnel failed, got: (\\d{3})");

    private final URI target;
    private final transient ProxySettings proxy;
    private final int status;
    private final List<String> challenges;

    /**
     * A 407.
     *
     * @param target     the URL requested
     * @param proxy      the configured proxy, or null when none is configured
     * @param challenges the {@code Proxy-Authenticate} values of the answer
     */
    ProxyRefused(URI target, ProxySettings proxy, List<String> challenges) {
        this(target, proxy, 407, challenges);
    }

    private ProxyRefused(URI target, ProxySettings proxy, int status, List<String> challenges) {
        super("HTTP " + status + (status == 407 ? " Proxy Authentication Required" : " to the CONNECT") + " from "
                + (proxy != null && !proxy.bypasses(target.getHost()) ? "the proxy " + proxy.address() : "a proxy")
                + " for " + OrgHttp.hostOf(target));
        this.target = target;
        this.proxy = proxy;
        this.status = status;
        this.challenges = List.copyOf(challenges);
    }

    /**
     * The refusal in a JDK HttpClient failure to open a tunnel with a 4xx ("Tunnel failed, got: 403"), if
     * that is what {@code failure} is. A 5xx there (the proxy can't reach the host right now) is not one:
     * it stays a connection failure, which is retried.
     */
    static Optional<ProxyRefused> tunnelFailure(Throwable failure, URI target, ProxySettings proxy) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = c instanceof IOException && c.getMessage() != null ? TUNNEL_FAILED.matcher(c.getMessage())
                    : null;
            if (m != null && m.find()) {
                int status = Integer.parseInt(m.group(1));
                return status >= 400 && status < 500
                        ? Optional.of((ProxyRefused) new ProxyRefused(target, proxy, status, List.of()).initCause(c))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The refusal in {@code t} or its causes. */
    static Optional<ProxyRefused> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProxyRefused p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The failure for {@code what} ("readMetadata of 7 Profiles"), with what to check. */
    OrgException failure(String what) {
        String host = target.getHost();
        String prefix = what + " failed: ";
        if (this.status != 407) {
            String who = proxy != null && proxy.hasCredentials() ? proxy.username() : "this machine";
            String bypass = proxy == null ? "" : ", or, if " + host + " can be reached without the proxy, add it to "
                    + "the <nonProxyHosts> of " + proxy.describeSource();
            return fail(prefix + (proxy == null ? "a proxy" : "the proxy " + proxy.address()) + " refused to open a "
                    + "tunnel to " + host + " (HTTP " + this.status + " to its CONNECT): it does not let " + who
                    + " reach " + host + ". Ask its administrators to allow the org's Salesforce hosts (the login "
                    + "URL's and the My Domain's)" + bypass + ". Not retried.");
        }
        String status = "407 Proxy Authentication Required";
        if (proxy == null || proxy.bypasses(host)) {
            String why = proxy == null ? "no <proxy> in settings.xml is active"
                    : host + " is in the <nonProxyHosts> of " + proxy.describeSource();
            return fail(prefix + "a proxy between this machine and " + host + " answered " + status + ", but " + why
                    + ", so the plugin sent no proxy credentials. Declare the proxy in settings.xml: an active <proxy>"
                    + " with its <host>, <port>, <username> and <password> (encrypted with mvn --encrypt-password).");
        }
        String theProxy = "the proxy " + proxy.address();
        if (!proxy.hasCredentials()) {
            return fail(prefix + theProxy + " requires authentication (" + status + "), and "
                    + proxy.describeSource() + " has no <username>. Add its <username> and <password> (encrypted "
                    + "with mvn --encrypt-password).");
        }
        Optional<String> otherScheme = otherScheme();
        if (otherScheme.isPresent()) {
            return fail(prefix + theProxy + " asks for " + otherScheme.get() + " authentication (" + status + "), "
                    + "but the plugin, like the JDK's HTTP client, sends only Basic credentials. Use a proxy (or "
                    + "proxy port) that accepts Basic authentication, or, if " + host + " can be reached directly, "
                    + "add it to the <nonProxyHosts> of " + proxy.describeSource() + ".");
        }
        if ("https".equalsIgnoreCase(target.getScheme()) && ProxySettings.basicDisabledForTunnels()) {
            return fail(prefix + theProxy + " refused the HTTPS tunnel to " + host + " (" + status + ") because "
                    + "the JDK sent no credentials: it leaves Basic authentication out of HTTPS tunnels unless the JVM "
                    + "runs with -D" + ProxySettings.TUNNELING_DISABLED_SCHEMES + "= . Run Maven with "
                    + "MAVEN_OPTS=\"-D" + ProxySettings.TUNNELING_DISABLED_SCHEMES + "=\" (or put that option in "
                    + "the project's .mvn/jvm.config); the <username> and <password> of " + proxy.describeSource()
                    + " are sent then.");
        }
        return fail(prefix + theProxy + " refused the credentials of " + proxy.username() + " (" + status + "). "
                + "Check the <username> and <password> of " + proxy.describeSource() + " (an encrypted password "
                + "must come from mvn --encrypt-password with the current master password). Not retried: another "
                + "attempt with a wrong password could lock the proxy account.");
    }

    /** A scheme other than Basic when the proxy offers no Basic at all ("Negotiate, NTLM"). */
    private Optional<String> otherScheme() {
        List<String> schemes = challenges.stream().map(c -> c.strip().split("[\\s,]", 2)[0])
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (schemes.isEmpty() || schemes.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals("basic"))) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", schemes));
    }

    private OrgException fail(String message) {
        return new OrgException(OrgException.Kind.PROXY_REFUSED, message, this);
    }
}
