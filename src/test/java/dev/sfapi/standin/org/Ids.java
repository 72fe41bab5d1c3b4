package dev.sfapi.standin.org;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes record ids that look like Salesforce's: a three-character key prefix ("005" for User, "00e"
 * for Profile, …), a made-up body, and the real three-character case-safety suffix, so that code
 * comparing 15- and 18-character forms behaves as it would against an org.
 */
public final class Ids {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final AtomicLong next = new AtomicLong(1);

    /** A new 18-character id with the given key prefix (exactly 3 characters). */
    public String next(String keyPrefix) {
        if (keyPrefix.length() != 3) {
            throw new IllegalArgumentException("a key prefix has 3 characters: " + keyPrefix);
        }
        // "XX" marks the id as made up, as Salesforce's own documentation examples do.
        String body = String.format("%010d", next.getAndIncrement());
        return to18(keyPrefix + "XX" + body);
    }

    /** Adds the case-safety suffix to a 15-character id. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-character id: " + id15);
        }
        StringBuilder out = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return out.toString();
    }

    /** Whether two ids name the same record (a 15-character id equals its 18-character form). */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.length() >= 15 && b.length() >= 15 && (a.length() == 15 || b.length() == 15)) {
            return a.substring(0, 15).equals(b.substring(0, 15));
        }
        return a.equals(b);
    }
}
