package dev.sfapi.org;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OAuth 2.0 client credentials flow. Salesforce only serves it on the org's My Domain, so the request
 * goes to {@code instanceUrl}, or to {@code loginUrl} when that is a My Domain.
 */
final class ClientCredentialsAuthenticator implements Authenticator {

    private final ConnectionSettings settings;
    private final TokenEndpoint endpoint;

    ClientCredentialsAuthenticator(ConnectionSettings settings, TokenEndpoint endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.CLIENT_CREDENTIALS;
    }

    @Override
    public AccessGrant authenticate() throws OrgException {
        URI myDomain = settings.instanceUrl().orElse(settings.loginUrl());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", settings.value(SettingKey.CLIENT_ID).orElseThrow());
        form.put("client_secret", settings.secret(SettingKey.CLIENT_SECRET).orElseThrow());
        return endpoint.requestToken(myDomain, form, method());
    }
}
