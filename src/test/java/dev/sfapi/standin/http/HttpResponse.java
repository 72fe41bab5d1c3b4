package dev.sfapi.standin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it goes on the wire (the router gzips it when the client asked). */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final ObjectMapper JSON = new ObjectMapper();

    public HttpResponse {
        headers = new LinkedHashMap<>(headers);
    }

    public static HttpResponse json(int status, Object value) {
        try {
            return new HttpResponse(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SOAP responses: Salesforce sends {@code text/xml;charset=UTF-8}. */
    public static HttpResponse xml(int status, String xml) {
        return new HttpResponse(status, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static HttpResponse html(int status, String html) {
        return new HttpResponse(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, new byte[0], Map.of());
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpResponse(status, contentType, body, h);
    }
}
