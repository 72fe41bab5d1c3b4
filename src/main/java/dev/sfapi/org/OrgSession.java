package dev.sfapi.org;

import java.net.URI;
import java.util.Optional;

/**
 * The session every call uses: instance URL, access token, API version, org and user id when known.
 * When the org says the session is invalid, callers ask for {@link #reauthenticate(AccessGrant)} once
 * and retry once. Thread-safe: when several concurrent calls find the same session expired, only the
 * first authenticates again; the others get the session it obtained.
 */
public final class OrgSession {

    /** Renewals per run before we stop: sessions that keep dying point at a policy, not at bad luck. */
    static final int MAX_RENEWALS = 3;

    private final Authenticator authenticator;
    private final String apiVersion;
    private volatile AccessGrant current;
    private int authentications;

    private OrgSession(Authenticator authenticator, String apiVersion, AccessGrant first) {
        this.authenticator = authenticator;
        this.apiVersion = apiVersion;
        this.current = first;
        this.authentications = 1;
    }

    /** Authenticates and returns the session. */
    public static OrgSession open(Authenticator authenticator, String apiVersion) throws OrgException {
        return new OrgSession(authenticator, apiVersion, authenticator.authenticate());
    }

    /** The grant in use now; pass it back to {@link #reauthenticate} if the org refuses it. */
    public AccessGrant current() {
        return current;
    }

    public URI instanceUrl() {
        return current.instanceUrl();
    }

    public Secret accessToken() {
        return current.accessToken();
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Optional<String> orgId() {
        return current.org();
    }

    public Optional<String> userId() {
        return current.user();
    }

    public AuthMethod method() {
        return authenticator.method();
    }

    /** How many times this session authenticated, the first included (for round-trip counts). */
    public synchronized int authentications() {
        return authentications;
    }

    /**
     * Authenticates again because the org refused {@code expired}. If another thread already replaced
     * that grant, returns the replacement without a new login.
     */
    public synchronized AccessGrant reauthenticate(AccessGrant expired) throws OrgException {
        if (current != expired) {
            return current;
        }
        if (authentications > MAX_RENEWALS) {
            throw new OrgException(OrgException.Kind.AUTHENTICATION, "The org keeps invalidating new sessions ("
                    + authentications + " logins in this run). Check the session settings for this user: \"Lock "
                    + "sessions to the IP address from which they originated\" breaks behind proxies with changing "
                    + "addresses, and a very short session timeout or a high-assurance policy also does this.");
        }
        current = authenticator.authenticate();
        authentications++;
        return current;
    }
}
