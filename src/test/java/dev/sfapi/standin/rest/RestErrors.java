package dev.sfapi.standin.rest;

import dev.sfapi.standin.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REST API errors: a JSON array of {@code {message, errorCode}} objects. */
final class RestErrors {

    private RestErrors() {
    }

    static HttpResponse error(int status, String errorCode, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("errorCode", errorCode);
        return HttpResponse.json(status, List.of(e));
    }

    static HttpResponse notFound() {
        // Salesforce happens to put errorCode first in this one; clients must read by key anyway.
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("errorCode", "NOT_FOUND");
        e.put("message", "The requested resource does not exist");
        return HttpResponse.json(404, List.of(e));
    }

    static HttpResponse invalidSession() {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid").withHeader("WWW-Authenticate", "Token");
    }

    static HttpResponse requestLimitExceeded() {
        return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
}
