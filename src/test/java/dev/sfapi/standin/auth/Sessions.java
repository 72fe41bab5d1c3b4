package dev.sfapi.standin.auth;

import dev.sfapi.standin.org.User;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session ids (= OAuth access tokens) the stand-in has issued. A token is valid until it is expired
 * by a test: at once, or after a number of API requests so a client must re-authenticate mid-run.
 */
public final class Sessions {

    private static final char[] TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();

    private final String orgId15;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> userIdByToken = new ConcurrentHashMap<>();
    private int expireCountdown = -1;

    public Sessions(String orgId) {
        this.orgId15 = orgId.substring(0, 15);
    }

    /** A new session for the user; looks like a real one ({@code 00D…!AQ…}). */
    public String issue(User user) {
        StringBuilder token = new StringBuilder(orgId15).append("!AQ");
        for (int i = 0; i < 96; i++) {
            token.append(TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)]);
        }
        userIdByToken.put(token.toString(), user.id());
        return token.toString();
    }

    /**
     * The user id of a valid session; counts one API request towards an armed expiry, so call it once
     * per request.
     */
    public synchronized Optional<String> validate(String token) {
        if (expireCountdown == 0) {
            userIdByToken.clear();
            expireCountdown = -1;
        } else if (expireCountdown > 0) {
            expireCountdown--;
        }
        return token == null ? Optional.empty() : Optional.ofNullable(userIdByToken.get(token));
    }

    public synchronized void expireAll() {
        userIdByToken.clear();
    }

    /** Sessions issued so far survive {@code requests} more validations; a negative value disarms. */
    public synchronized void expireAfter(int requests) {
        this.expireCountdown = requests;
    }
}
