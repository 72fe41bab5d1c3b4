package dev.sfapi.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sfapi.standin.StandInControl.FaultRule;
import dev.sfapi.standin.auth.TokenEndpoint;
import dev.sfapi.standin.http.HttpRequest;
import dev.sfapi.standin.http.HttpResponse;
import dev.sfapi.standin.org.Ids;
import dev.sfapi.standin.rest.QueryEndpoint;
import dev.sfapi.standin.soap.MetadataEndpoint;
import dev.sfapi.standin.soap.PartnerEndpoint;
import dev.sfapi.standin.soap.SoapFault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Every request goes through here: gunzip the body, route on the path, add the configured latency,
 * let an injected fault answer instead of the org, gzip the answer when the client accepts it, and
 * log the request (never a header value or a body).
 */
final class Router implements HttpHandler {

    private static final Pattern PARTNER = Pattern.compile("/services/Soap/u/(\\d+\\.\\d)(?:/([A-Za-z0-9]{15,18}))?/?");
    private static final Pattern METADATA = Pattern.compile("/services/Soap/m/(\\d+\\.\\d)(?:/([A-Za-z0-9]{15,18}))?/?");
    private static final Pattern QUERY = Pattern.compile("/services/data/v(\\d+\\.\\d)/query(?:/([A-Za-z0-9-]+))?/?");
    private static final Pattern DATA = Pattern.compile("/services/data(/.*)?");
    static final String CONTROL_PREFIX = "/__standin/";
    /** Salesforce refuses a request line longer than this [S]: clients must chunk long IN lists. */
    static final int MAX_URI_BYTES = 16_384;

    private final StandInState state;
    private final RequestLog log;
    private final TokenEndpoint token;
    private final PartnerEndpoint partner;
    private final MetadataEndpoint metadata;
    private final QueryEndpoint query;
    private final ControlHandler control;

    Router(StandInState state, RequestLog log, ControlHandler control) {
        this.state = state;
        this.log = log;
        this.token = new TokenEndpoint(state.org(), state.sessions(), state.baseUrl(), Clock.systemUTC());
        this.partner = new PartnerEndpoint(state);
        this.metadata = new MetadataEndpoint(state);
        this.query = new QueryEndpoint(state);
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(CONTROL_PREFIX)) {
            control.handle(exchange);
            return;
        }
        long seq = log.begin();
        long started = System.nanoTime();
        try {
            HttpRequest request = read(exchange);
            Duration latency = state.control().latency();
            if (!latency.isZero()) {
                sleep(latency);
            }
            Endpoint endpoint = endpointOf(path);
            String rawUri = exchange.getRequestURI().toString();
            Call call = rawUri.length() > MAX_URI_BYTES
                    ? Call.answered("?", HttpResponse.html(414, "<html><body><h1>414 URI Too Long</h1></body></html>"))
                    : route(endpoint, request);
            FaultRule fault = state.control().takeFault(endpoint);
            HttpResponse response;
            if (fault == null) {
                response = call.action().get();
            } else if (fault.kind() == StandInControl.FaultKind.DELAY) {
                sleep(fault.delay());
                response = call.action().get();
            } else {
                response = faultResponse(fault.kind(), endpoint);
            }
            // Logged before the answer goes out, so that a client holding the answer always finds it logged.
            log.add(new RequestRecord(seq, Instant.now(), request.method(), path, endpoint, call.operation(),
                    call.subject(), call.soql(), response.status(), (System.nanoTime() - started) / 1_000_000,
                    fault == null ? null : fault.kind().name()));
            write(exchange, request, response);
        } catch (RuntimeException e) {
            // A stand-in bug must be loud: a 500 the client cannot mistake for Salesforce's answer.
            byte[] msg = ("stand-in failure: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(599, msg.length);
            exchange.getResponseBody().write(msg);
            e.printStackTrace();
        } finally {
            log.end();
            exchange.close();
        }
    }

    private Endpoint endpointOf(String path) {
        if (path.equals("/services/oauth2/token")) {
            return Endpoint.OAUTH_TOKEN;
        }
        if (PARTNER.matcher(path).matches()) {
            return Endpoint.PARTNER_SOAP;
        }
        if (METADATA.matcher(path).matches()) {
            return Endpoint.METADATA_SOAP;
        }
        if (QUERY.matcher(path).matches()) {
            return Endpoint.REST_QUERY;
        }
        return Endpoint.OTHER;
    }

    private Call route(Endpoint endpoint, HttpRequest request) {
        String path = request.path();
        switch (endpoint) {
            case OAUTH_TOKEN:
                return Call.of(TokenEndpoint.grantName(request), null, () -> token.handle(request));
            case PARTNER_SOAP: {
                Matcher m = PARTNER.matcher(path);
                m.matches();
                if (!orgIdMatches(m.group(2))) {
                    return Call.answered("?", HttpResponse.empty(404)); // [?] what an org says to another org's id
                }
                return partner.prepare(request, m.group(1));
            }
            case METADATA_SOAP: {
                Matcher m = METADATA.matcher(path);
                m.matches();
                if (!orgIdMatches(m.group(2))) {
                    return Call.answered("?", HttpResponse.empty(404));
                }
                return metadata.prepare(request, m.group(1));
            }
            case REST_QUERY: {
                Matcher m = QUERY.matcher(path);
                m.matches();
                return query.prepare(request, m.group(1), m.group(2));
            }
            default:
                return Call.answered("?", other(path));
        }
    }

    private boolean orgIdMatches(String id) {
        return id == null || Ids.same(id, state.org().orgId());
    }

    /** Paths the stand-in does not implement answer as an org does for a resource it lacks. */
    private HttpResponse other(String path) {
        if (path.equals("/services/data") || path.equals("/services/data/")) {
            List<Map<String, String>> versions = new ArrayList<>();
            for (String v : state.org().apiVersions()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("label", "Stand-in");
                entry.put("url", "/services/data/v" + v);
                entry.put("version", v);
                versions.add(entry);
            }
            return HttpResponse.json(200, versions);
        }
        if (DATA.matcher(path).matches()) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("errorCode", "NOT_FOUND");
            e.put("message", "The requested resource does not exist");
            return HttpResponse.json(404, List.of(e));
        }
        return HttpResponse.html(404, "<html><body><h1>404 Not Found</h1></body></html>");
    }

    private HttpResponse faultResponse(StandInControl.FaultKind kind, Endpoint endpoint) {
        switch (kind) {
            case HTML_503:
                return HttpResponse.html(503, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
                        + "<h1>Down for maintenance</h1><p>Salesforce is temporarily unavailable. Please try again later.</p>"
                        + "</body></html>");
            case EMPTY_500:
                return HttpResponse.empty(500);
            case REQUEST_LIMIT_EXCEEDED:
                return switch (endpoint) {
                    case REST_QUERY -> HttpResponse.json(403, List.of(Map.of("message", "TotalRequests Limit exceeded.",
                            "errorCode", "REQUEST_LIMIT_EXCEEDED")));
                    case METADATA_SOAP -> HttpResponse.xml(500,
                            SoapFault.metadata("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").envelope());
                    case PARTNER_SOAP -> HttpResponse.xml(500, SoapFault.partner("REQUEST_LIMIT_EXCEEDED",
                            "TotalRequests Limit exceeded.", "UnexpectedErrorFault").envelope());
                    default -> HttpResponse.json(400, Map.of("error", "invalid_request", "error_description",
                            "TotalRequests Limit exceeded."));
                };
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static HttpRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gz.readAllBytes();
            }
        }
        return new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static void write(HttpExchange exchange, HttpRequest request, HttpResponse response) {
        try {
            byte[] body = response.body();
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            String accept = request.header("Accept-Encoding");
            if (body.length > 0 && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client gave up (a read timeout during an injected delay): nothing to answer.
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
