package dev.sfapi.org;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * The JDK HttpClient with what every call to Salesforce needs: timeouts, the proxy and its credentials,
 * gzip responses, and bounded retries with exponential backoff for transient faults (502/503/504, an HTML
 * page where JSON was expected, timeouts, dropped connections). A refused connection, a host name that does
 * not resolve and a proxy's refusal (407, or 403 to a CONNECT) are not retried: they mean a wrong URL, DNS
 * or proxy setting, and waiting will not fix them. Thread-safe.
 *
 * <p>The same client carries force-wsc's SOAP calls ({@link #soapTransports()}), so OAuth, REST, the
 * Metadata API and SOAP login() share one proxy configuration, one way of authenticating to the proxy,
 * the same timeouts and the same TLS trust.
 */
public final class OrgHttp {

    static final String USER_AGENT = "sfapi-maven-plugin";

    private final HttpClient client;
    private final ProxySettings proxy;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Duration readTimeout;
    private final AtomicInteger requests = new AtomicInteger();

    public OrgHttp(HttpClient client, RetryPolicy retryPolicy, Sleeper sleeper, Duration readTimeout) {
        this(client, null, retryPolicy, sleeper, readTimeout);
    }

    /**
     * @param proxy the proxy {@code client} is configured with (its selector), for the credentials this
     *              class adds to each proxied request and for messages; null for none
     */
    public OrgHttp(HttpClient client, ProxySettings proxy, RetryPolicy retryPolicy, Sleeper sleeper,
                   Duration readTimeout) {
        this.client = client;
        this.proxy = proxy;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.readTimeout = readTimeout;
    }

    /** A client configured from the settings: timeouts, proxy, TLS trust, retries. */
    public static OrgHttp create(ConnectionSettings settings, Sleeper sleeper) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1: predictable through corporate proxies and against the loopback stand-in.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // A redirect from a token or query endpoint means a wrong URL; following it could send
                // the credentials elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER);
        // No java.net.Authenticator for the proxy: its credentials go preemptively on each proxied request
        // (see proxyHeaders), so a refused password is tried once, not four times per request.
        settings.proxy().ifPresent(p -> builder.proxy(p.selector()));
        settings.sslContext().ifPresent(builder::sslContext);
        return new OrgHttp(builder.build(), settings.proxy().orElse(null), settings.retryPolicy(), sleeper,
                settings.readTimeout());
    }

    /** A request builder with the read timeout and the headers every call sends. */
    public HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", USER_AGENT);
        proxyHeaders(builder, uri);
        return builder;
    }

    /**
     * Adds the proxy's {@code Proxy-Authorization} when the request to {@code uri} goes through a proxy with
     * credentials; never to a request that goes direct (the target would receive the proxy password). On an
     * https request the JDK moves it to the CONNECT that opens the tunnel, when Basic is allowed there.
     */
    HttpRequest.Builder proxyHeaders(HttpRequest.Builder builder, URI uri) {
        if (proxy != null) {
            proxy.proxyAuthorization(uri).ifPresent(value -> builder.setHeader("Proxy-Authorization", value.reveal()));
        }
        return builder;
    }

    /** force-wsc transports that send their SOAP requests through this client. */
    public com.sforce.ws.transport.TransportFactory soapTransports() {
        return () -> new HttpClientTransport(this);
    }

    HttpClient client() {
        return client;
    }

    /** The proxy the client is configured with, or null. */
    ProxySettings proxySettings() {
        return proxy;
    }

    /** The refusal that a 407 answer to a request for {@code uri} is. */
    ProxyRefused proxyRefused(URI uri, HttpHeaders headers) {
        return new ProxyRefused(uri, proxy, headers.allValues("Proxy-Authenticate"));
    }

    /** How many HTTP requests were sent, retries included (for the round-trip benchmark). */
    public int requestCount() {
        return requests.get();
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Sends the request, retrying transient faults. Any non-transient status is returned to the caller,
     * which knows what it means.
     *
     * @param what what the call does, for messages ("SOQL query on User")
     */
    public Response send(HttpRequest request, String what) throws OrgException {
        String lastProblem = null;
        Throwable lastCause = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            Duration retryAfter = Duration.ZERO;
            try {
                requests.incrementAndGet();
                HttpResponse<byte[]> raw = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (raw.statusCode() == 407) {
                    throw proxyRefused(request.uri(), raw.headers()).failure(what);
                }
                Response response = new Response(raw.statusCode(), raw.headers(), decode(raw), request.uri());
                if (!response.isTransientFault()) {
                    return response;
                }
                lastProblem = "HTTP " + response.status() + (response.looksLikeHtml() ? " with an HTML page" : "");
                lastCause = null;
                retryAfter = response.retryAfter();
            } catch (ConnectException e) {
                failIfUnresolved(e, request.uri(), what);
                throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed: could not connect to "
                        + hostOf(request.uri()) + ". Check the URL"
                        + " and, behind a firewall, the <proxy> in settings.xml.", e);
            } catch (HttpTimeoutException e) {
                lastProblem = e.getMessage() != null && e.getMessage().contains("connect")
                        ? "the connection timed out" : "no answer within the read timeout";
                lastCause = e;
            } catch (IOException e) {
                failIfUnresolved(e, request.uri(), what);
                Optional<ProxyRefused> refused = ProxyRefused.tunnelFailure(e, request.uri(), proxy);
                if (refused.isPresent()) {
                    throw refused.get().failure(what);
                }
                Optional<SSLException> tls = TlsFailure.in(e);
                if (tls.isPresent()) {
                    throw TlsFailure.failure(what, hostOf(request.uri()), tls.get());
                }
                lastProblem = "the connection failed (" + Messages.describe(e) + ")";
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " was interrupted.", e);
            }
            if (attempt < retryPolicy.maxAttempts()) {
                Duration wait = retryPolicy.backoff(attempt);
                if (retryAfter.compareTo(wait) > 0) {
                    wait = retryAfter.compareTo(retryPolicy.maxBackoff()) > 0 ? retryPolicy.maxBackoff() : retryAfter;
                }
                pause(wait, what);
            }
        }
        throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed after " + retryPolicy.maxAttempts()
                + " attempts; the last one got " + lastProblem + " from " + hostOf(request.uri())
                + ". Salesforce may be in maintenance or overloaded (https://status.salesforce.com), or the network"
                + " is slow. Try again later; sfapi.maxRetries and sfapi.readTimeoutSeconds allow more patience.",
                lastCause);
    }

    /** A host that doesn't resolve won't after a wait: say so now instead of retrying. */
    private void failIfUnresolved(IOException e, URI uri, String what) throws OrgException {
        Optional<InetSocketAddress> proxy = proxyAddressFor(uri);
        // Through a proxy the client only ever looks up the proxy's name; the proxy resolves the target.
        String host = proxy.map(InetSocketAddress::getHostString).orElse(uri.getHost());
        Optional<String> unresolved = UnresolvedHost.in(e, host);
        if (unresolved.isPresent()) {
            throw UnresolvedHost.failure(what, unresolved.get(), proxy.isPresent(), e);
        }
    }

    /** The proxy a request to {@code uri} goes through, if any. */
    Optional<InetSocketAddress> proxyAddressFor(URI uri) {
        return client.proxy().flatMap(selector -> selector.select(uri).stream()
                .filter(p -> p.type() != Proxy.Type.DIRECT && p.address() instanceof InetSocketAddress)
                .map(p -> (InetSocketAddress) p.address()).findFirst());
    }

    private void pause(Duration wait, String what) throws OrgException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " was interrupted while waiting to retry.", e);
        }
    }

    static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String decode(HttpResponse<byte[]> raw) throws IOException {
        byte[] body = raw.body();
        boolean gzip = raw.headers().firstValue("Content-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        if (gzip && body.length > 0) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A response with its body decoded.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    body text (gunzipped)
     * @param uri     the request URI
     */
    public record Response(int status, HttpHeaders headers, String body, URI uri) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }

        /** A maintenance page, a proxy's error page or a login page where JSON or XML was expected. */
        public boolean looksLikeHtml() {
            if (contentType().contains("text/html")) {
                return true;
            }
            String start = body.stripLeading().toLowerCase(Locale.ROOT);
            return start.startsWith("<!doctype html") || start.startsWith("<html");
        }

        public boolean looksLikeJson() {
            String start = body.stripLeading();
            return start.startsWith("{") || start.startsWith("[");
        }

        /** 502/503/504, or an HTML page with a 2xx or 5xx status: worth another try. */
        boolean isTransientFault() {
            if (status == 502 || status == 503 || status == 504) {
                return true;
            }
            return looksLikeHtml() && (status < 300 || status >= 500);
        }

        Duration retryAfter() {
            return headers.firstValue("Retry-After").filter(v -> v.matches("\\d{1,4}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ZERO);
        }

        /** The start of the body, on one line, for messages (the exception scrubs it). */
        public String snippet() {
            String oneLine = body.replaceAll("\\s+", " ").trim();
            return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
        }
    }
}
