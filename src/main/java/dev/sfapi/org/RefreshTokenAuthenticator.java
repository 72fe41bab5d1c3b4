package dev.sfapi.org;

import java.util.LinkedHashMap;
import java.util.Map;

/** Exchanges the refresh token of an SFDX auth URL ({@code grant_type=refresh_token}) at the URL's host. */
final class RefreshTokenAuthenticator implements Authenticator {

    private final SfdxAuthUrl authUrl;
    private final TokenEndpoint endpoint;

    RefreshTokenAuthenticator(SfdxAuthUrl authUrl, TokenEndpoint endpoint) {
        this.authUrl = authUrl;
        this.endpoint = endpoint;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SFDX_AUTH_URL;
    }

    @Override
    public AccessGrant authenticate() throws OrgException {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", authUrl.clientId());
        form.put("client_secret", authUrl.clientSecret()); // omitted when empty (the CLI's own app)
        form.put("refresh_token", authUrl.refreshToken());
        return endpoint.requestToken(authUrl.tokenBaseUrl(), form, method());
    }
}
