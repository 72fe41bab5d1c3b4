package dev.sfapi.standin.org;

import java.security.PublicKey;
import java.util.Map;
import java.util.Set;

/**
 * A connected app (or External Client App) as the OAuth token endpoint sees it.
 *
 * @param jwtPublicKey         the key of the certificate uploaded for the JWT bearer flow; null: no JWT
 * @param runAsUsername        the client-credentials "Run As" user; null: client credentials not enabled
 * @param jwtApprovedUsernames users pre-authorized for the JWT flow; null means every user
 * @param refreshTokens        refresh token → username, for the refresh-token (SFDX auth URL) flow
 */
public record ConnectedApp(String clientId, String clientSecret, PublicKey jwtPublicKey, String runAsUsername,
                           Set<String> jwtApprovedUsernames, Map<String, String> refreshTokens) {

    public ConnectedApp {
        jwtApprovedUsernames = jwtApprovedUsernames == null ? null : Set.copyOf(jwtApprovedUsernames);
        refreshTokens = Map.copyOf(refreshTokens);
    }

    public boolean approvedForJwt(String username) {
        return jwtApprovedUsernames == null || jwtApprovedUsernames.contains(username);
    }

    @Override
    public String toString() {
        return "ConnectedApp[clientId=" + clientId + ", jwt=" + (jwtPublicKey != null) + ", runAs=" + runAsUsername
                + ", refreshTokens=" + refreshTokens.size() + "]"; // never the secret or the tokens
    }
}
