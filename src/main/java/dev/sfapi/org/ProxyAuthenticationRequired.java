package dev.sfapi.org;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A proxy answered {@code 407 Proxy Authentication Required}: it wants credentials it didn't get, or
 * refused the ones it got. Never temporary, so never retried: waiting doesn't change a password, and each
 * attempt with a wrong one may count toward locking the proxy account. {@link #failure(String)} says which
 * of the usual causes applies and what to change in settings.xml; it names the proxy's host, port and
 * user, never the password.
 *
 * <p>An {@link IOException} so that it can travel through force-wsc, which wraps whatever its transport
 * throws in a {@code ConnectionException} ("Failed to send request to …"); {@link #in(Throwable)} finds it
 * again.
 */
final class ProxyAuthenticationRequired extends IOException {

    private static final long serialVersionUID = 1L;

    private final URI target;
    private final transient ProxySettings proxy;
    private final List<String> challenges;

    /**
     * @param target     the URL requested
     * @param proxy      the configured proxy, or null when none is configured
     * @param challenges the {@code Proxy-Authenticate} values of the answer
     */
    ProxyAuthenticationRequired(URI target, ProxySettings proxy, List<String> challenges) {
        super("HTTP 407 Proxy Authentication Required from " + (proxy != null && !proxy.bypasses(target.getHost())
                ? "the proxy " + proxy.address() : "a proxy") + " for " + OrgHttp.hostOf(target));
        this.target = target;
        this.proxy = proxy;
        this.challenges = List.copyOf(challenges);
    }

    /** The 407 in {@code t} or its causes. */
    static Optional<ProxyAuthenticationRequired> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProxyAuthenticationRequired p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The failure for {@code what} ("readMetadata of 7 Profiles"), with what to check. */
    OrgException failure(String what) {
        String status = "407 Proxy Authentication Required";
        String host = target.getHost();
        String prefix = what + " failed: ";
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
        return new OrgException(OrgException.Kind.PROXY_AUTHENTICATION, message, this);
    }
}
