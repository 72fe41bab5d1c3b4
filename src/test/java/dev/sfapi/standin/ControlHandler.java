package dev.sfapi.standin;

import com.sun.net.httpserver.HttpExchange;
import dev.sfapi.standin.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in's own endpoints under {@code /__standin/}, for a process that holds no reference to the
 * Java object (an invoker IT's post-build script): {@code GET log} returns the counters and the
 * request log as JSON, {@code POST stop} shuts the server down. Both need the control token written
 * to the state file ({@code X-StandIn-Token} header). Not counted, not logged.
 */
final class ControlHandler {

    static final String TOKEN_HEADER = "X-StandIn-Token";

    private final String token;
    private final RequestLog log;
    private final Runnable stop;

    ControlHandler(String token, RequestLog log, Runnable stop) {
        this.token = token;
        this.log = log;
        this.stop = stop;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 403, "{\"error\":\"missing or wrong " + TOKEN_HEADER + "\"}");
                return;
            }
            String action = exchange.getRequestURI().getPath().substring(Router.CONTROL_PREFIX.length());
            if (action.equals("stop") && exchange.getRequestMethod().equals("POST")) {
                send(exchange, 200, "{\"stopping\":true}");
                Thread t = new Thread(stop, "standin-stop");
                t.setDaemon(true);
                t.start();
            } else if (action.equals("log") && exchange.getRequestMethod().equals("GET")) {
                send(exchange, 200, HttpResponse.JSON.writeValueAsString(snapshot()));
            } else {
                send(exchange, 404, "{\"error\":\"unknown control action\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", log.count());
        out.put("maxConcurrent", log.maxConcurrent());
        out.put("summary", log.summary());
        List<Map<String, Object>> requests = new ArrayList<>();
        for (RequestRecord r : log.requests()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", r.sequence());
            m.put("method", r.method());
            m.put("path", r.path());
            m.put("endpoint", r.endpoint().name());
            m.put("operation", r.operation());
            m.put("subject", r.subject());
            m.put("soql", r.soql());
            m.put("status", r.status());
            m.put("fault", r.fault());
            requests.add(m);
        }
        out.put("requests", requests);
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
