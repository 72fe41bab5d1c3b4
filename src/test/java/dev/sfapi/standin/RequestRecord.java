package dev.sfapi.standin;

import java.time.Instant;

/**
 * One request as the log keeps it. Never holds a header value, a body or a secret: the path is
 * logged without its query string, and only the SOQL text of a query is kept (it names users, not
 * credentials).
 *
 * @param operation the SOAP operation (login, readMetadata, listMetadata), query / queryMore, or the
 *                  OAuth grant (jwt-bearer, client_credentials, refresh_token)
 * @param subject   what the operation was about: the metadata type, the SOQL FROM object, or null
 * @param soql      the SOQL of a query, else null
 * @param fault     the injected fault that answered it (e.g. "HTML_503"), else null
 */
public record RequestRecord(long sequence, Instant at, String method, String path, Endpoint endpoint, String operation,
                            String subject, String soql, int status, long millis, String fault) {

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + " " + endpoint + " " + operation
                + (subject == null ? "" : "(" + subject + ")") + " -> " + status + (fault == null ? "" : " [" + fault + "]");
    }
}
