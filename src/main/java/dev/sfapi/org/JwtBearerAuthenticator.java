package dev.sfapi.org;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OAuth 2.0 JWT bearer flow: a fresh signed assertion per authentication, POSTed to the login URL. The
 * key file is read once, on the first authentication.
 */
final class JwtBearerAuthenticator implements Authenticator {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final ConnectionSettings settings;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private PrivateKey key;

    JwtBearerAuthenticator(ConnectionSettings settings, TokenEndpoint endpoint, Clock clock) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.JWT_BEARER;
    }

    @Override
    public synchronized AccessGrant authenticate() throws OrgException {
        if (key == null) {
            Path file = settings.privateKeyFile().orElseThrow();
            key = PrivateKeys.load(file, settings.secret(SettingKey.PRIVATE_KEY_PASSPHRASE).orElse(null),
                    settings.describeOrigin(SettingKey.PRIVATE_KEY_FILE));
        }
        Secret assertion = JwtAssertion.create(settings.value(SettingKey.CLIENT_ID).orElseThrow(),
                settings.value(SettingKey.USERNAME).orElseThrow(), JwtAssertion.audienceFor(settings.loginUrl()), key,
                clock.instant());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("assertion", assertion);
        return endpoint.requestToken(settings.loginUrl(), form, method());
    }
}
