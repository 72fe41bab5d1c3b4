package dev.sfapi.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOQL over the REST API ({@code GET /services/data/vNN.0/query}), following {@code nextRecordsUrl}
 * until {@code done}. Faults end in a clear {@link OrgException}: a refused session is renewed once per
 * request, limits and missing permissions are explained, transient faults are retried by {@link OrgHttp}.
 * Thread-safe; independent queries may run concurrently.
 */
public final class RestClient {

    static final String API_LIMIT_ADVICE = "The org has used up its API requests: either its rolling 24-hour "
            + "total (Setup → Company Information → API Requests, Last 24 Hours) or its concurrent long-running "
            + "requests. Other integrations are likely using them; this plugin makes only a few calls per run. Wait "
            + "for the usage to fall, run the build less often, or raise the org's limit with Salesforce.";

    /** Setup objects the connecting user can only read with "View Setup and Configuration". */
    static final Set<String> SETUP_OBJECTS = Set.of("PermissionSetAssignment", "PermissionSetLicenseAssign",
            "PermissionSetGroupComponent", "UserLogin");

    /**
     * Fields a query may name that not every org has: PermissionSetAssignment.IsRevoked "is available only if
     * user access policies are enabled" (object reference). A query refused for one of them fails with
     * {@link OrgException.UnknownField}, so the caller can ask again without it.
     */
    static final Set<String> OPTIONAL_FIELDS = Set.of("IsRevoked");

    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([A-Za-z0-9_]+)'");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z0-9_]+)");
    private static final Pattern NAMED_OBJECT = Pattern.compile("(?:sObject type|on entity) '([A-Za-z0-9_]+)'");

    private final OrgSession session;
    private final OrgHttp http;
    private final AtomicReference<ApiUsage> apiUsage = new AtomicReference<>();

    public RestClient(OrgSession session, OrgHttp http) {
        this.session = session;
        this.http = http;
    }

    /** Runs the query and returns every record of every page (each a JSON object with its attributes). */
    public List<JsonNode> query(String soql) throws OrgException {
        String object = fromObject(soql);
        String what = "SOQL query on " + object;
        String path = "/services/data/v" + session.apiVersion() + "/query?q=" + Soql.encode(soql);
        List<JsonNode> records = new ArrayList<>();
        while (true) {
            JsonNode page = get(path, what, soql, object);
            page.path("records").forEach(records::add);
            if (page.path("done").asBoolean(true)) {
                return records;
            }
            String next = page.path("nextRecordsUrl").asText("");
            // Only ever follow a path on the same org: the bearer token must not go anywhere else.
            if (!next.startsWith("/services/data/")) {
                throw new OrgException(OrgException.Kind.PROTOCOL, "The " + what + " answered done=false without a "
                        + "usable nextRecordsUrl ('" + next + "'), so the remaining records cannot be read.");
            }
            path = next;
        }
    }

    /** The latest {@code Sforce-Limit-Info} seen, for a debug line about API usage. */
    public Optional<ApiUsage> apiUsage() {
        return Optional.ofNullable(apiUsage.get());
    }

    private JsonNode get(String path, String what, String soql, String object) throws OrgException {
        AccessGrant grant = session.current();
        boolean renewed = false;
        while (true) {
            HttpRequest request = http.request(URI.create(grant.instanceUrl() + path))
                    .header("Authorization", "Bearer " + grant.accessToken().reveal())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            OrgHttp.Response response = http.send(request, what);
            response.headers().firstValue("Sforce-Limit-Info").flatMap(ApiUsage::parse).ifPresent(apiUsage::set);
            if (response.status() == 200) {
                return parseBody(response, what);
            }
            if (response.status() == 401 && !renewed) {
                grant = session.reauthenticate(grant);
                renewed = true;
                continue;
            }
            throw failure(response, what, soql, object, path);
        }
    }

    private static JsonNode parseBody(OrgHttp.Response response, String what) throws OrgException {
        try {
            JsonNode node = response.looksLikeJson() ? JSON.readTree(response.body()) : null;
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new OrgException(OrgException.Kind.PROTOCOL, "The " + what + " answered HTTP 200 with something that "
                + "is not a query result: " + response.snippet() + ". Check that the instance URL is the org's.");
    }

    private OrgException failure(OrgHttp.Response response, String what, String soql, String object, String path) {
        RestError error = RestError.of(response);
        String code = error.code();
        String said = error.describe();
        int status = response.status();
        String refused = "The " + what + " was refused: " + Messages.sentence(said) + " ";
        if (status == 401) {
            return new OrgException(OrgException.Kind.AUTHENTICATION, "The org refused the session for the " + what
                    + " again right after a new login (" + said + "). Check that the connected app's OAuth scopes "
                    + "include \"Manage user data via APIs (api)\", and that the user's session settings do not lock "
                    + "sessions to an IP address that changes behind your proxy.");
        }
        if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
            return new OrgException(OrgException.Kind.API_LIMIT, refused + API_LIMIT_ADVICE);
        }
        Matcher column = NO_SUCH_COLUMN.matcher(error.message());
        if ("INVALID_FIELD".equals(code) && column.find() && OPTIONAL_FIELDS.contains(column.group(1))) {
            return new OrgException.UnknownField(column.group(1), "The org rejected the " + what + ": it has no field "
                    + column.group(1) + " (" + said + ").");
        }
        if (("INVALID_TYPE".equals(code) || "INVALID_FIELD".equals(code)) && isSetupObject(error, object)) {
            String failed = namedObject(error).orElse(object);
            return new OrgException(OrgException.Kind.PERMISSION, "The connecting user"
                    + session.userId().map(id -> " (" + id + ")").orElse("") + " cannot read " + failed + ": reading "
                    + "it needs the \"View Setup and Configuration\" permission. Give the user the plugin connects as "
                    + "a permission set with View Setup and Configuration. (Salesforce said " + said + ")");
        }
        if ("API_DISABLED_FOR_ORG".equals(code) || "API_CURRENTLY_DISABLED".equals(code)) {
            return new OrgException(OrgException.Kind.PERMISSION, refused + "The connecting user needs the \"API "
                    + "Enabled\" permission, and the org's edition must include API access.");
        }
        if ("INSUFFICIENT_ACCESS".equals(code) || status == 403) {
            return new OrgException(OrgException.Kind.PERMISSION, refused + "The connecting user lacks a permission; "
                    + "give it \"API Enabled\" and \"View Setup and Configuration\".");
        }
        boolean queryPath = path.startsWith("/services/data/v" + session.apiVersion() + "/query?");
        if (status == 404 && !error.isEmpty() && queryPath) {
            return new OrgException(OrgException.Kind.API_VERSION, "The org at " + session.instanceUrl() + " does not "
                    + "serve REST API version " + session.apiVersion() + " (HTTP 404, " + said + "). Set "
                    + "sfapi.apiVersion to a version it serves (GET " + session.instanceUrl() + "/services/data "
                    + "lists them), and check that the instance URL is a Salesforce org.");
        }
        if (status == 410) {
            return new OrgException(OrgException.Kind.API_VERSION, "Salesforce has retired REST API version "
                    + session.apiVersion() + " (HTTP 410). Set sfapi.apiVersion to a current version.");
        }
        if (status == 414 || status == 431) {
            return new OrgException(OrgException.Kind.REJECTED, "The " + what + " was too large for one request "
                    + "(HTTP " + status + "). This is a bug in the plugin: the IN-lists should have been split.");
        }
        if (error.isEmpty()) {
            return new OrgException(OrgException.Kind.PROTOCOL, "The " + what + " answered HTTP " + status
                    + " with something that is not a Salesforce error: " + response.snippet()
                    + ". Check that the instance URL is the org's, and the proxy settings.");
        }
        return new OrgException(OrgException.Kind.REJECTED, "The org rejected the " + what + " (HTTP " + status
                + ", " + said + "). Query: " + soql);
    }

    private static boolean isSetupObject(RestError error, String object) {
        return namedObject(error).map(SETUP_OBJECTS::contains).orElse(false) || SETUP_OBJECTS.contains(object);
    }

    private static Optional<String> namedObject(RestError error) {
        Matcher m = NAMED_OBJECT.matcher(error.message());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String fromObject(String soql) {
        Matcher m = FROM.matcher(soql);
        return m.find() ? m.group(1) : "(unknown object)";
    }

    /**
     * One REST error. Salesforce sends a JSON array {@code [{"message":…,"errorCode":…}]} with the keys in
     * either order; an object is tolerated too.
     */
    record RestError(String code, String message) {

        static RestError of(OrgHttp.Response response) {
            if (!response.looksLikeJson()) {
                return new RestError("", "");
            }
            try {
                JsonNode node = JSON.readTree(response.body());
                JsonNode first = node.isArray() && node.size() > 0 ? node.get(0) : node;
                String code = first.path("errorCode").asText(first.path("error").asText(""));
                String message = first.path("message").asText(first.path("error_description").asText(""));
                return new RestError(code, message.strip());
            } catch (JsonProcessingException e) {
                return new RestError("", "");
            }
        }

        boolean isEmpty() {
            return code.isEmpty() && message.isEmpty();
        }

        String describe() {
            String oneLine = message.replaceAll("\\s+", " ");
            return code.isEmpty() ? oneLine : oneLine.isEmpty() ? code : code + ": " + oneLine;
        }
    }
}
