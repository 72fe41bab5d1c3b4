package dev.sfapi.org;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP proxy every connection goes through (from Maven's active {@code <proxy>}). Every connection,
 * the Metadata API and SOAP login() included, is made by the one JDK HttpClient of {@link OrgHttp}
 * (force-wsc talks through {@link HttpClientTransport}), which gets this proxy as a {@link ProxySelector}.
 *
 * <p><b>Proxy credentials</b> are sent preemptively as {@code Proxy-Authorization: Basic …} on each
 * request that goes through the proxy ({@link #proxyAuthorization(URI)}), never on one that bypasses it.
 * Preemptive rather than through a {@link java.net.Authenticator}: the HttpClient's authenticator retries
 * a refused password three more times per request, which with retries and parallel calls could lock the
 * proxy account; one attempt per request, and a 407 that stops the build at once, cannot. Basic is the only
 * scheme the JDK's HttpClient speaks.
 *
 * <p>For an https target the request is a {@code CONNECT} tunnel, and the JDK leaves Basic credentials out
 * of tunnels unless the JVM runs with {@code -Djdk.http.auth.tunneling.disabledSchemes=} (a system
 * property it reads once; the plugin does not set it for the whole Maven JVM). {@link #basicDisabledForTunnels()}
 * tells, so that the 407 that follows can say so.
 *
 * @param host          proxy host
 * @param port          proxy port
 * @param username      proxy user, or null
 * @param password      proxy password, or null
 * @param nonProxyHosts hosts reached directly; {@code *} wildcards as in Maven's {@code a.com|*.b.com}
 * @param id            the settings.xml {@code <proxy>}'s id, for messages; may be null
 */
public record ProxySettings(String host, int port, String username, Secret password, List<String> nonProxyHosts,
                            String id) {

    /** The JDK's system property listing the auth schemes it won't use on https CONNECT tunnels. */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    public ProxySettings(String host, int port, String username, Secret password, List<String> nonProxyHosts) {
        this(host, port, username, password, nonProxyHosts, null);
    }

    /** Parses Maven's {@code nonProxyHosts} ({@code |}-separated; commas tolerated). */
    public static List<String> parseNonProxyHosts(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code targetHost} is reached without the proxy. */
    public boolean bypasses(String targetHost) {
        if (targetHost == null) {
            return false;
        }
        String host = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
                    .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
            if (host.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    /** A selector for the JDK HttpClient that honours {@link #nonProxyHosts}. */
    public ProxySelector selector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(bypasses(uri.getHost()) ? Proxy.NO_PROXY : proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // Nothing to fall back to; the caller reports the failure.
            }
        };
    }

    /** Whether a username (and so credentials) is configured. */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * The {@code Proxy-Authorization} value for a request to {@code target}: present only when the request
     * goes through the proxy and credentials are configured. Wrapped as a {@link Secret}, so that a proxy
     * page echoing it is scrubbed like the password itself.
     */
    public Optional<Secret> proxyAuthorization(URI target) {
        if (!hasCredentials() || bypasses(target.getHost())) {
            return Optional.empty();
        }
        String pair = username + ":" + (password == null ? "" : password.reveal());
        String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return Optional.of(Secret.of("Basic " + encoded));
    }

    /**
     * Whether this JVM leaves Basic credentials out of https CONNECT tunnels: the JDK's default, changed
     * only by {@code -Djdk.http.auth.tunneling.disabledSchemes=} (an empty list) on the JVM's command line.
     */
    public static boolean basicDisabledForTunnels() {
        return basicDisabledForTunnels(System.getProperty(TUNNELING_DISABLED_SCHEMES));
    }

    /** Whether the {@value #TUNNELING_DISABLED_SCHEMES} value {@code schemes} (null: unset) disables Basic. */
    static boolean basicDisabledForTunnels(String schemes) {
        if (schemes == null) {
            return true; // the JDK's default is "Basic"
        }
        return Arrays.stream(schemes.split(",")).map(String::trim).anyMatch(s -> s.equalsIgnoreCase("Basic"));
    }

    /** "proxy.acme.example:3128". */
    public String address() {
        return host + ":" + port;
    }

    /** "the <proxy> 'corp' in settings.xml", or without the id when there is none. */
    public String describeSource() {
        return "the <proxy>" + (id == null ? "" : " '" + id + "'") + " in settings.xml";
    }

    @Override
    public String toString() {
        return "proxy " + host + ":" + port + (username != null ? " as " + username : "")
                + (nonProxyHosts.isEmpty() ? "" : ", not for " + String.join("|", nonProxyHosts));
    }
}
