package dev.sfapi.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 for tests, to put in front of a {@link SalesforceStandIn}: {@code CONNECT}
 * tunnels (what a client does for https) and absolute-URI requests (plain http), optionally requiring
 * Basic proxy authentication, as corporate proxies do: a request without the right
 * {@code Proxy-Authorization} gets {@code 407 Proxy Authentication Required} with a
 * {@code Proxy-Authenticate} challenge (Basic by default, or any other for tests of foreign schemes).
 *
 * <p>It only ever connects to loopback addresses: a request for any other host gets 403, so a test
 * pointed at a real Salesforce host through it still cannot reach the internet. It strips
 * {@code Proxy-Authorization} before forwarding, as a real proxy does, and closes a client connection
 * after each forwarded request or refusal. {@link #requests()} records what it saw; never a header value.
 */
public final class LoopbackProxy implements AutoCloseable {

    /** What the proxy did with a request. */
    public enum Outcome {
        /** 407: no {@code Proxy-Authorization}. */
        NO_CREDENTIALS,
        /** 407: wrong credentials (or another scheme). */
        WRONG_CREDENTIALS,
        /** 403: not a loopback target. */
        FORBIDDEN,
        /** The status of a {@link #refusingWith(int)} proxy. */
        REFUSED,
        /** CONNECT accepted, bytes relayed. */
        TUNNELLED,
        /** An absolute-URI request forwarded. */
        FORWARDED
    }

    /**
     * One request as the proxy saw it.
     *
     * @param method CONNECT, GET, POST…
     * @param target {@code host:port} for CONNECT, the URL without its query otherwise
     */
    public record Seen(String method, String target, Outcome outcome) {
    }

    private final ServerSocket socket;
    private final String expected;
    private final String challenge;
    private final int refuseAllWith;
    private final List<Seen> seen = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger threads = new AtomicInteger();

    private LoopbackProxy(String username, String password, String challenge, int refuseAllWith) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expected = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.challenge = challenge;
        this.refuseAllWith = refuseAllWith;
        daemon(this::acceptLoop).start();
    }

    /** A proxy that requires {@code username} / {@code password} with Basic. */
    public static LoopbackProxy requiring(String username, String password) {
        return start(username, password, "Basic realm=\"sfapi-test-proxy\"", 0);
    }

    /** A proxy that requires authentication but challenges with {@code challenge} (e.g. {@code Negotiate}). */
    public static LoopbackProxy challenging(String challenge) {
        return start("nobody", "can-pass", challenge, 0);
    }

    /** A proxy that lets everything through (still loopback only). */
    public static LoopbackProxy open() {
        return start(null, null, null, 0);
    }

    /** A proxy that answers every request, CONNECT included, with 403 Forbidden (a destination it won't allow). */
    public static LoopbackProxy forbidding() {
        return refusingWith(403);
    }

    /** A proxy that answers every request, CONNECT included, with {@code status} (e.g. 502: it can't reach it). */
    public static LoopbackProxy refusingWith(int status) {
        return start(null, null, null, status);
    }

    private static LoopbackProxy start(String username, String password, String challenge, int refuseAllWith) {
        try {
            return new LoopbackProxy(username, password, challenge, refuseAllWith);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback proxy", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Everything seen so far, in order. */
    public synchronized List<Seen> requests() {
        return List.copyOf(seen);
    }

    public synchronized int count(Outcome outcome) {
        return (int) seen.stream().filter(s -> s.outcome() == outcome).count();
    }

    public synchronized void clear() {
        seen.clear();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (open) {
            for (Socket s : open) {
                closeQuietly(s);
            }
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                track(client);
                daemon(() -> serve(client)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] line = head.get(0).split(" ");
            String method = line[0];
            String target = line.length > 1 ? line[1] : "";
            boolean connect = method.equalsIgnoreCase("CONNECT");
            String host = connect ? target.substring(0, target.lastIndexOf(':')) : URI.create(target).getHost();
            int port = connect ? Integer.parseInt(target.substring(target.lastIndexOf(':') + 1))
                    : URI.create(target).getPort();
            String shown = connect ? target : target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            byte[] body = connect ? new byte[0] : in.readNBytes(contentLength(head));

            if (refuseAllWith > 0) {
                record(method, shown, Outcome.REFUSED);
                write(out, "HTTP/1.1 " + refuseAllWith + " Refused by the test proxy\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n");
                return;
            }
            String authorization = header(head, "Proxy-Authorization");
            if (expected != null && !expected.equals(authorization)) {
                record(method, shown, authorization == null ? Outcome.NO_CREDENTIALS : Outcome.WRONG_CREDENTIALS);
                write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: " + challenge
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            if (!isLoopback(host)) {
                record(method, shown, Outcome.FORBIDDEN);
                write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getByName(host), port)) {
                track(upstream);
                if (connect) {
                    record(method, shown, Outcome.TUNNELLED);
                    write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
                    Thread back = daemon(() -> relay(upstream, client));
                    back.start();
                    relay(client, upstream);
                    back.join();
                } else {
                    record(method, shown, Outcome.FORWARDED);
                    forward(head, body, URI.create(target), upstream, out);
                }
            }
        } catch (IOException e) {
            // the client or the upstream went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the request on in origin form, without the proxy headers, and relays the answer. */
    private static void forward(List<String> head, byte[] body, URI target, Socket upstream, OutputStream out)
            throws IOException {
        StringBuilder request = new StringBuilder(head.get(0).split(" ")[0]).append(' ')
                .append(target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
        for (String h : head.subList(1, head.size())) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!List.of("proxy-authorization", "proxy-connection", "connection", "keep-alive").contains(name)) {
                request.append(h).append("\r\n");
            }
        }
        request.append("Connection: close\r\n\r\n");
        OutputStream up = upstream.getOutputStream();
        up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        up.write(body);
        up.flush();

        InputStream answer = upstream.getInputStream();
        List<String> responseHead = readHead(answer);
        StringBuilder response = new StringBuilder();
        for (String h : responseHead) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("keep-alive")) {
                response.append(h).append("\r\n");
            }
        }
        response.append("Connection: close\r\n\r\n");
        out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
        answer.transferTo(out);
        out.flush();
    }

    private static void relay(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
        }
    }

    private synchronized void record(String method, String target, Outcome outcome) {
        seen.add(new Seen(method, target, outcome));
    }

    private void track(Socket s) {
        synchronized (open) {
            open.removeIf(Socket::isClosed);
            open.add(s);
        }
    }

    private Thread daemon(Runnable r) {
        Thread t = new Thread(r, "loopback-proxy-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Decided on the name alone: a host name is never looked up, so not even DNS leaves the machine. */
    private static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int contentLength(List<String> head) throws IOException {
        if (header(head, "Transfer-Encoding") != null) {
            throw new IOException("chunked request bodies are not supported by this test proxy");
        }
        String length = header(head, "Content-Length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    /** The request or status line and the header lines, up to the empty line; empty at end of stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(c);
            }
        }
        return lines;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
