package dev.sfapi.standin.rest;

import dev.sfapi.standin.Call;
import dev.sfapi.standin.StandInState;
import dev.sfapi.standin.http.HttpRequest;
import dev.sfapi.standin.http.HttpResponse;
import dev.sfapi.standin.soql.OrgRecords;
import dev.sfapi.standin.soql.SoqlEngine;
import dev.sfapi.standin.soql.SoqlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST query resource: {@code GET /services/data/vNN.0/query?q=…} and the
 * {@code nextRecordsUrl} pages {@code /services/data/vNN.0/query/<locator>-<offset>}. Answers with
 * {@code Sforce-Limit-Info} on every counted request, 401 INVALID_SESSION_ID for a bad token, 403
 * REQUEST_LIMIT_EXCEEDED at the org's limit, 400 with the SOQL error otherwise.
 */
public final class QueryEndpoint {

    static final int DEFAULT_BATCH = 2000;
    private static final Pattern BATCH_OPTION = Pattern.compile("batchSize\\s*=\\s*(\\d+)");

    private record Cursor(String object, List<Map<String, Object>> rows, int batch) {
    }

    private final StandInState state;
    private final SoqlEngine engine;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong cursorIds = new AtomicLong(1);

    public QueryEndpoint(StandInState state) {
        this.state = state;
        this.engine = new SoqlEngine(new OrgRecords(state.org()));
    }

    /** {@code locator} is null for a new query, else the part after {@code /query/}. */
    public Call prepare(HttpRequest request, String version, String locator) {
        if (!state.org().servesVersion(version)) {
            return Call.answered(locator == null ? "query" : "queryMore", RestErrors.notFound());
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return Call.answered("query", RestErrors.error(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + request.method() + "' not allowed. Allowed are GET,HEAD"));
        }
        if (locator != null) {
            Cursor c = cursors.get(locator.replaceFirst("-\\d+$", ""));
            return Call.of("queryMore", c == null ? null : c.object(), () -> authorized(request, () -> more(locator, version)));
        }
        String soql = request.queryParameters().get("q");
        return new Call("query", soql == null ? null : SoqlEngine.fromObject(soql), soql,
                () -> authorized(request, () -> query(request, soql, version)));
    }

    private HttpResponse authorized(HttpRequest request, java.util.function.Supplier<HttpResponse> action) {
        String auth = request.header("Authorization");
        String token = null;
        if (auth != null) {
            String[] parts = auth.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("OAuth"))) {
                token = parts[1];
            }
        }
        if (state.sessionUser(token).isEmpty()) {
            return RestErrors.invalidSession();
        }
        if (!state.countApiRequest()) {
            return RestErrors.requestLimitExceeded().withHeader("Sforce-Limit-Info", state.limitInfo());
        }
        return action.get().withHeader("Sforce-Limit-Info", state.limitInfo());
    }

    private HttpResponse query(HttpRequest request, String soql, String version) {
        if (soql == null || soql.isBlank()) {
            return RestErrors.error(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        SoqlEngine.Result result;
        try {
            result = engine.run(soql, version, state.control().viewSetup(), state.control().userAccessPolicies());
        } catch (SoqlException e) {
            return RestErrors.error(400, e.errorCode(), e.getMessage());
        }
        int batch = batchSize(request);
        String cursorId = null;
        if (result.rows().size() > batch) {
            cursorId = dev.sfapi.standin.org.Ids.to18("01gXX" + String.format("%010d", cursorIds.getAndIncrement()));
            cursors.put(cursorId, new Cursor(result.object(), result.rows(), batch));
        }
        return page(result.rows(), 0, batch, cursorId, version);
    }

    private HttpResponse more(String locator, String version) {
        int dash = locator.lastIndexOf('-');
        Cursor c = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (c == null || offset < 0 || offset > c.rows().size()) {
            return RestErrors.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return page(c.rows(), offset, c.batch(), locator.substring(0, dash), version);
    }

    private HttpResponse page(List<Map<String, Object>> rows, int offset, int batch, String cursorId, String version) {
        int end = Math.min(rows.size(), offset + batch);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", rows.size());
        body.put("done", end >= rows.size());
        if (end < rows.size()) {
            body.put("nextRecordsUrl", "/services/data/v" + version + "/query/" + cursorId + "-" + end);
        }
        body.put("records", new ArrayList<>(rows.subList(offset, end)));
        return HttpResponse.json(200, body);
    }

    /** The stand-in's override, else the client's {@code Sforce-Query-Options} (200–2,000), else 2,000. */
    private int batchSize(HttpRequest request) {
        if (state.control().queryBatchSize() > 0) {
            return state.control().queryBatchSize();
        }
        String options = request.header("Sforce-Query-Options");
        if (options != null) {
            Matcher m = BATCH_OPTION.matcher(options);
            if (m.find()) {
                return Math.max(200, Math.min(DEFAULT_BATCH, Integer.parseInt(m.group(1))));
            }
        }
        return DEFAULT_BATCH;
    }
}
