package dev.sfapi.org;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out session "token-1", "token-2", … for one instance URL and counts the logins, so tests can
 * check that a refused session is renewed exactly once.
 */
final class CountingAuthenticator implements Authenticator {

    private final URI instanceUrl;
    private final String prefix;
    private final AtomicInteger calls = new AtomicInteger();

    CountingAuthenticator(URI instanceUrl, String prefix) {
        this.instanceUrl = instanceUrl;
        this.prefix = prefix;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.JWT_BEARER;
    }

    @Override
    public AccessGrant authenticate() {
        int n = calls.incrementAndGet();
        return new AccessGrant(instanceUrl, Secret.of(token(n)), "00DXX0000008abcMAA", "005XX000001AbCdAAK");
    }

    /** The token handed out by login number {@code n} (1-based). */
    String token(int n) {
        return prefix + "-token-" + n;
    }

    int calls() {
        return calls.get();
    }
}
