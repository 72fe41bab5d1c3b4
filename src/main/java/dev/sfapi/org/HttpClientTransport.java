package dev.sfapi.org;

import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.tools.VersionInfo;
import com.sforce.ws.transport.LimitingInputStream;
import com.sforce.ws.transport.LimitingOutputStream;
import com.sforce.ws.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A force-wsc {@link Transport} that sends each SOAP request through the plugin's JDK HttpClient
 * ({@link OrgHttp}) instead of wsc's own {@code JdkHttpTransport} (HttpURLConnection). Installed with
 * {@code ConnectorConfig.setTransportFactory(http.soapTransports())}; wsc creates one per request.
 *
 * <p>Why: wsc's transport authenticates to a proxy by adding {@code Proxy-Authorization} as an ordinary
 * request header, which HttpURLConnection never puts on the CONNECT that opens an https tunnel, so a
 * proxy that wants a password answers 407 and wsc reports "Unable to tunnel through proxy". Through the
 * HttpClient the Metadata API and SOAP login() get exactly what OAuth and REST get: the proxy and
 * {@code nonProxyHosts}, the proxy credentials ({@link OrgHttp#proxyHeaders}), the connect timeout, the TLS
 * trust, and a proxy's 407 (or 403 to its CONNECT) reported as {@link ProxyRefused}, which is never retried.
 *
 * <p>What it keeps of wsc's transport, because wsc relies on it: a POST with the headers wsc passes
 * ({@code SOAPAction}, {@code Content-Type}, {@code Accept}), the {@code ConnectorConfig} request headers,
 * wsc's {@code User-Agent}; with compression on, a gzip-compressed body with {@code Content-Encoding: gzip}
 * and {@code Accept-Encoding: gzip}, and a gzip answer decoded; the config's request and response size
 * limits, and its read timeout, here a bound on the whole exchange (the HttpClient's own timeout ends at
 * the headers); {@link #isSuccessful()} false from HTTP 400 on, with the body (a SOAP fault arrives as
 * HTTP 500) handed to wsc to parse. An error status with an empty body throws an {@link EOFException}, as
 * wsc's does, so it counts as a dropped connection. Timeouts surface as {@link SocketTimeoutException}
 * (wsc turns them into "Request to … timed out") and an unresolvable host as {@link UnknownHostException}
 * naming the host looked up (the proxy's, through a proxy), as with HttpURLConnection.
 *
 * <p>Not taken from the config, because the client decides them: wsc's proxy settings ({@code setProxy},
 * {@code setProxyUsername}), its connection timeout (the client's is the same setting), its
 * {@code setSslContext} and its chunked mode. wsc's message tracing and message handlers are not
 * supported; the plugin uses neither (tracing would print the session id).
 *
 * <p>The request body is buffered, which wsc's fixed-length mode (its default) does too.
 */
final class HttpClientTransport implements Transport {

    private final OrgHttp http;
    private ConnectorConfig config;
    private URI uri;
    private Map<String, String> headers = Map.of();
    private boolean compressed;
    private ByteArrayOutputStream buffer;
    private OutputStream output;
    private boolean successful;

    HttpClientTransport(OrgHttp http) {
        this.http = http;
    }

    @Override
    public void setConfig(ConnectorConfig config) {
        this.config = config;
    }

    @Override
    public OutputStream connect(String url, String soapAction) throws IOException {
        HashMap<String, String> soapHeaders = new HashMap<>();
        soapHeaders.put("SOAPAction", "\"" + (soapAction == null ? "" : soapAction) + "\"");
        soapHeaders.put("Content-Type", "text/xml; charset=UTF-8");
        soapHeaders.put("Accept", "text/xml");
        return connect(url, soapHeaders, true);
    }

    @Override
    public OutputStream connect(String url, HashMap<String, String> httpHeaders) throws IOException {
        return connect(url, httpHeaders, true);
    }

    @Override
    public OutputStream connect(String url, HashMap<String, String> httpHeaders, boolean enableCompression)
            throws IOException {
        if (config == null) {
            throw new IllegalStateException("setConfig was not called");
        }
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw (IOException) new MalformedURLException(e.getMessage()).initCause(e);
        }
        headers = httpHeaders == null ? Map.of() : new LinkedHashMap<>(httpHeaders);
        buffer = new ByteArrayOutputStream();
        OutputStream out = buffer;
        if (config.getMaxRequestSize() > 0) {
            out = new LimitingOutputStream(config.getMaxRequestSize(), out);
        }
        compressed = enableCompression && config.isCompression();
        if (compressed) {
            out = new GZIPOutputStream(out);
        }
        output = out;
        return out;
    }

    @Override
    public InputStream getContent() throws IOException {
        if (output == null) {
            throw new IllegalStateException("connect was not called");
        }
        output.close(); // finishes the gzip stream; wsc has usually closed it already
        HttpResponse<byte[]> response = send(request(buffer.toByteArray()));
        if (response.statusCode() == 407) {
            throw http.proxyRefused(uri, response.headers());
        }
        successful = response.statusCode() < 400;
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (!successful && body.length == 0) {
            throw new EOFException("HTTP " + response.statusCode() + " with an empty body from " + OrgHttp.hostOf(uri));
        }
        InputStream in = new ByteArrayInputStream(body);
        if (config.getMaxResponseSize() > 0) {
            in = new LimitingInputStream(config.getMaxResponseSize(), in);
        }
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("gzip")).orElse(false);
        if (gzip && body.length > 0) {
            in = new GZIPInputStream(in);
        }
        return in;
    }

    @Override
    public boolean isSuccessful() {
        return successful;
    }

    private HttpRequest request(byte[] body) throws IOException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (config.getReadTimeout() > 0) {
                b.timeout(Duration.ofMillis(config.getReadTimeout()));
            }
            if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
                b.setHeader("User-Agent", VersionInfo.info());
            }
            if (config.getHeaders() != null) {
                config.getHeaders().forEach(b::setHeader);
            }
            if (compressed) {
                b.setHeader("Content-Encoding", "gzip");
                b.setHeader("Accept-Encoding", "gzip");
            }
            headers.forEach(b::setHeader);
            http.proxyHeaders(b, uri);
            return b.build();
        } catch (IllegalArgumentException e) {
            // A header the JDK HttpClient does not let a caller set (Host, Connection, Content-Length, …).
            throw new IOException("Cannot build the request to " + OrgHttp.hostOf(uri) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends and waits for the whole answer. The HttpClient's own request timeout only covers the wait for
     * the answer's headers, while wsc's HttpURLConnection bounded every read; so the whole exchange is
     * bounded here by the read timeout too, and a body that stalls half way cannot hang the build.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            int timeout = config.getReadTimeout();
            return timeout > 0 ? answer.get(timeout, TimeUnit.MILLISECONDS) : answer.get();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw (IOException) new SocketTimeoutException("no complete answer from " + OrgHttp.hostOf(uri)
                    + " within " + config.getReadTimeout() + " ms").initCause(e);
        } catch (ExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while waiting for " + OrgHttp.hostOf(uri))
                    .initCause(e);
        }
    }

    /** What HttpURLConnection would have thrown, for wsc and for {@link SoapFaults}. */
    private IOException translate(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return (IOException) new SocketTimeoutException(failure.getMessage()).initCause(failure);
        }
        if (failure instanceof ConnectException && UnresolvedHost.in(failure, "").isPresent()) {
            // Through a proxy the client looks up only the proxy's name; the proxy resolves the target.
            String looked = http.proxyAddressFor(uri).map(InetSocketAddress::getHostString).orElse(uri.getHost());
            return (IOException) new UnknownHostException(looked).initCause(failure);
        }
        Optional<ProxyRefused> refused = ProxyRefused.tunnelFailure(failure, uri, http.proxySettings());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (failure instanceof IOException io) {
            return io;
        }
        return new IOException("The request to " + OrgHttp.hostOf(uri) + " failed: " + failure, failure);
    }
}
