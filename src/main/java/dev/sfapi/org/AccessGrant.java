package dev.sfapi.org;

import java.net.URI;
import java.util.Optional;

/**
 * What a successful authentication yields: where the org lives and the session to use there.
 *
 * @param instanceUrl the org's instance / My Domain URL, base of every REST and SOAP endpoint
 * @param accessToken the session id ({@code Authorization: Bearer} on REST, SessionHeader on SOAP)
 * @param orgId       the 18-character org id when the server said it, else null
 * @param userId      the connecting user's id when the server said it, else null
 */
public record AccessGrant(URI instanceUrl, Secret accessToken, String orgId, String userId) {

    public Optional<String> org() {
        return Optional.ofNullable(orgId);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }

    @Override
    public String toString() {
        return "session on " + instanceUrl + (orgId != null ? " (org " + orgId + ")" : "");
    }
}
