package dev.sfapi.org;

import com.sforce.ws.ConnectorConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP proxy every connection goes through (from Maven's active {@code <proxy>}). Applied
 * explicitly to both clients: the JDK HttpClient gets a {@link ProxySelector}, and force-wsc gets
 * {@code setProxy}, because wsc ignores the JVM's proxy properties.
 *
 * <p>Proxy authentication for https goes through the CONNECT tunnel; the JDK disables Basic auth for
 * tunnels unless {@code -Djdk.http.auth.tunneling.disabledSchemes=""} is given to Maven (MAVEN_OPTS).
 *
 * @param host          proxy host
 * @param port          proxy port
 * @param username      proxy user, or null
 * @param password      proxy password, or null
 * @param nonProxyHosts hosts reached directly; {@code *} wildcards as in Maven's {@code a.com|*.b.com}
 */
public record ProxySettings(String host, int port, String username, Secret password, List<String> nonProxyHosts) {

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
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

    /** Supplies the proxy credentials to the JDK HttpClient, when there are any. */
    public Optional<java.net.Authenticator> authenticator() {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return Optional.of(new java.net.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                return new PasswordAuthentication(username, password.reveal().toCharArray());
            }
        });
    }

    /** Sets the proxy on a force-wsc config, unless {@code target}'s host bypasses it. */
    public void applyTo(ConnectorConfig config, URI target) {
        if (bypasses(target.getHost())) {
            return;
        }
        config.setProxy(host, port);
        if (username != null) {
            config.setProxyUsername(username);
            config.setProxyPassword(password == null ? "" : password.reveal());
        }
    }

    @Override
    public String toString() {
        return "proxy " + host + ":" + port + (username != null ? " as " + username : "")
                + (nonProxyHosts.isEmpty() ? "" : ", not for " + String.join("|", nonProxyHosts));
    }
}
