package dev.sfapi.org;

import java.time.Clock;

/** Picks the {@link Authenticator} for the configured method. */
public final class Authenticators {

    private Authenticators() {
    }

    public static Authenticator create(ConnectionSettings settings, OrgHttp http, Clock clock) throws OrgException {
        TokenEndpoint endpoint = new TokenEndpoint(http, settings);
        return switch (settings.authMethod()) {
            case JWT_BEARER -> new JwtBearerAuthenticator(settings, endpoint, clock);
            case CLIENT_CREDENTIALS -> new ClientCredentialsAuthenticator(settings, endpoint);
            case SFDX_AUTH_URL -> new RefreshTokenAuthenticator(SfdxAuthUrl.parse(
                    settings.secret(SettingKey.AUTH_URL).orElseThrow(), settings.describeOrigin(SettingKey.AUTH_URL)),
                    endpoint);
            case ACCESS_TOKEN -> new AccessTokenAuthenticator(settings);
            case SOAP_LOGIN -> new SoapLoginAuthenticator(settings, http);
        };
    }
}
