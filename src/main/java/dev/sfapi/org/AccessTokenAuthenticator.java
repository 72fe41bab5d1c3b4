package dev.sfapi.org;

import java.net.URI;

/**
 * Uses a token obtained elsewhere (e.g. {@code sf org auth show-access-token}). It cannot be renewed,
 * so a second authentication, asked for when the org refused the token, fails with what to do.
 */
final class AccessTokenAuthenticator implements Authenticator {

    private final ConnectionSettings settings;
    private boolean used;

    AccessTokenAuthenticator(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.ACCESS_TOKEN;
    }

    @Override
    public synchronized AccessGrant authenticate() throws OrgException {
        if (used) {
            throw new OrgException(OrgException.Kind.AUTHENTICATION, "The org refused the access token from "
                    + settings.describeOrigin(SettingKey.ACCESS_TOKEN) + " (expired, revoked or for another org), "
                    + "and an access token cannot be renewed. Get a fresh one with 'sf org auth show-access-token "
                    + "--json', check that " + settings.describeOrigin(SettingKey.INSTANCE_URL) + " is the org it "
                    + "belongs to, or use the JWT bearer flow, which renews itself.");
        }
        used = true;
        URI instance = settings.instanceUrl().orElseThrow();
        return new AccessGrant(instance, settings.secret(SettingKey.ACCESS_TOKEN).orElseThrow(), null, null);
    }
}
