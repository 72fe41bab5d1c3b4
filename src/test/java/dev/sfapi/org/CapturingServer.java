package dev.sfapi.org;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal loopback HTTP server for these unit tests: records every request (gzip bodies decoded, as
 * wsc sends them) and answers with canned replies, in order, or from a handler. Not a Salesforce
 * stand-in; only what each test puts in it.
 */
final class CapturingServer implements AutoCloseable {

    /** A recorded request; header names lower-cased. */
    record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body as form fields (application/x-www-form-urlencoded). */
        Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }

        /** The decoded {@code q} parameter of a REST query. */
        String soql() {
            String q = rawQuery.startsWith("q=") ? rawQuery.substring(2) : rawQuery;
            return URLDecoder.decode(q, StandardCharsets.UTF_8);
        }
    }

    /** A canned reply. */
    record Reply(int status, String contentType, String body, Map<String, String> headers, boolean gzip,
                 long delayMillis) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json;charset=UTF-8", body, Map.of(), false, 0);
        }

        static Reply xml(int status, String body) {
            return new Reply(status, "text/xml;charset=UTF-8", body, Map.of(), false, 0);
        }

        static Reply html(int status) {
            return new Reply(status, "text/html", "<!DOCTYPE html><html><body><h1>Down for maintenance</h1>"
                    + "</body></html>", Map.of(), false, 0);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h, gzip, delayMillis);
        }

        Reply gzipped() {
            return new Reply(status, contentType, body, headers, true, delayMillis);
        }

        Reply delayed(long millis) {
            return new Reply(status, contentType, body, headers, gzip, millis);
        }
    }

    private final HttpServer server;
    private final boolean tls;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Reply> replies = new ArrayDeque<>();
    private volatile Function<Request, Reply> handler;

    CapturingServer() throws IOException {
        this(null);
    }

    /** On https with {@code tls}'s certificate (e.g. {@code LoopbackTls.shared().serverContext()}); null for http. */
    CapturingServer(javax.net.ssl.SSLContext tls) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        this.tls = tls != null;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** http://127.0.0.1:port (https:// on TLS) */
    URI url() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies answered in order; when they run out the handler (or a 599) answers. */
    synchronized CapturingServer enqueue(Reply... more) {
        replies.addAll(List.of(more));
        return this;
    }

    CapturingServer handler(Function<Request, Reply> h) {
        this.handler = h;
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Request only() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    /** A port on which nothing listens, for connection-refused tests. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        URI uri = exchange.getRequestURI();
        Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, new String(raw, StandardCharsets.UTF_8));
        requests.add(request);
        Reply reply;
        synchronized (this) {
            reply = replies.poll();
        }
        if (reply == null && handler != null) {
            reply = handler.apply(request);
        }
        if (reply == null) {
            reply = new Reply(599, "text/plain", "no canned reply", Map.of(), false, 0);
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.gzip()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            }
            body = out.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        try {
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client gave up (a read-timeout test); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
