package dev.sfapi.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POSTs a form to {@code <base>/services/oauth2/token} and reads the answer: a session on success, a
 * clear {@link OrgException} naming what to check on an OAuth error. Shared by the JWT bearer, client
 * credentials and refresh token flows. The response is read leniently: unknown fields are ignored.
 */
final class TokenEndpoint {

    static final String PATH = "/services/oauth2/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    // https://login.salesforce.com/id/00D…/005…
    private static final Pattern IDENTITY = Pattern.compile("/id/(00D[A-Za-z0-9]{12,15})/(005[A-Za-z0-9]{12,15})");

    private final OrgHttp http;
    private final ConnectionSettings settings;

    TokenEndpoint(OrgHttp http, ConnectionSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * Requests a token.
     *
     * @param base   login URL or My Domain
     * @param form   form fields; values are String or {@link Secret}
     * @param method the flow, for messages
     */
    AccessGrant requestToken(URI base, Map<String, Object> form, AuthMethod method) throws OrgException {
        URI tokenUrl = URI.create(base + PATH);
        String what = method.label() + " at " + tokenUrl;
        HttpRequest request = http.request(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        OrgHttp.Response response = http.send(request, what);
        JsonNode json = parse(response);
        if (response.status() == 200 && json != null && json.hasNonNull("access_token")) {
            return grant(json, tokenUrl);
        }
        if (json != null && json.hasNonNull("error")) {
            String error = json.path("error").asText();
            String description = json.path("error_description").asText("");
            throw new OrgException(OrgException.Kind.AUTHENTICATION, "Salesforce refused the " + what + ": "
                    + error + (description.isEmpty() ? "" : " (" + description + ")") + ". "
                    + OAuthErrors.advice(method, error, description, settings));
        }
        throw new OrgException(OrgException.Kind.PROTOCOL, "The " + what + " answered HTTP " + response.status()
                + (response.contentType().isEmpty() ? "" : " (" + response.contentType() + ")")
                + " instead of a token: " + response.snippet() + ". Check that "
                + (base.equals(settings.loginUrl()) ? settings.describeOrigin(SettingKey.LOGIN_URL)
                        : "the URL") + " is a Salesforce login or My Domain URL.");
    }

    private static JsonNode parse(OrgHttp.Response response) {
        if (!response.looksLikeJson()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private AccessGrant grant(JsonNode json, URI tokenUrl) throws OrgException {
        Secret token = Secret.of(json.get("access_token").asText());
        String instance = json.path("instance_url").asText("");
        if (instance.isEmpty()) {
            throw new OrgException(OrgException.Kind.PROTOCOL, "The token answer from " + tokenUrl
                    + " has no instance_url, so there is no org to talk to.");
        }
        URI instanceUrl = ConnectionSettings.parseBaseUrl(instance, "instance_url returned by " + tokenUrl);
        Matcher m = IDENTITY.matcher(json.path("id").asText(""));
        return m.find() ? new AccessGrant(instanceUrl, token, m.group(1), m.group(2))
                : new AccessGrant(instanceUrl, token, null, null);
    }

    static String encode(Map<String, Object> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((key, value) -> {
            if (value != null) {
                String v = value instanceof Secret s ? s.reveal() : value.toString();
                body.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }
}
