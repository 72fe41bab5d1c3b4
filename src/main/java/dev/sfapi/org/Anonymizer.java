package dev.sfapi.org;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies people and the org in a snapshot with stable placeholders, so that a team
 * can share a failing case: usernames become {@code user-1@example.invalid}, {@code user-2@…} (numbered
 * in the sorted order of the usernames, so the same users always give the same placeholders), user ids
 * and the org id become ids of the same shape made of zeros and the number, the org name
 * "Anonymized org" and the instance host {@code org.example.invalid}. Component and object names are
 * kept: they are what the case is about.
 */
final class Anonymizer {

    static final String ORG_NAME = "Anonymized org";
    static final String HOST = "org.example.invalid";
    static final String ORG_ID = "00D000000000000AAA";

    private final Map<String, String> usernames = new LinkedHashMap<>();
    /** Every original text → placeholder, longest first when applied. */
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();

    Anonymizer(OrgAccess access) {
        List<String> sorted = new ArrayList<>(access.requestedUsernames());
        access.users().forEach(u -> {
            if (sorted.stream().noneMatch(s -> s.equalsIgnoreCase(u.username()))) {
                sorted.add(u.username());
            }
        });
        sorted.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < sorted.size(); i++) {
            usernames.put(sorted.get(i).toLowerCase(Locale.ROOT), "user-" + (i + 1) + "@example.invalid");
        }
        int n = 0;
        for (OrgAccess.OrgUser u : access.users()) {
            if (u.id() != null) {
                n++;
                String placeholder = "005" + String.format("%012d", n) + "AAA";
                replacements.put(u.id(), placeholder);
                replacements.put(OrgAccessReader.id15(u.id()), placeholder.substring(0, 15));
            }
        }
        OrgAccess.OrgInfo org = access.org();
        if (org.orgId() != null) {
            replacements.put(org.orgId(), ORG_ID);
            replacements.put(OrgAccessReader.id15(org.orgId()), ORG_ID.substring(0, 15));
        }
        if (org.instanceHost() != null) {
            replacements.put(org.instanceHost(), HOST);
        }
        if (org.orgName() != null && !org.orgName().isBlank()) {
            replacements.put(org.orgName(), ORG_NAME);
        }
        for (Map.Entry<String, String> e : usernames.entrySet()) {
            patterns.add(Map.entry(usernamePattern(e.getKey()), e.getValue()));
        }
        List<String> keys = new ArrayList<>(replacements.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        for (String k : keys) {
            patterns.add(Map.entry(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(k) + "(?![A-Za-z0-9])",
                    Pattern.CASE_INSENSITIVE), replacements.get(k)));
        }
    }

    /** A username as a whole word: not part of a longer address. */
    static Pattern usernamePattern(String username) {
        return Pattern.compile("(?<![\\w.@+%-])" + Pattern.quote(username) + "(?![\\w.@+%-])", Pattern.CASE_INSENSITIVE);
    }

    /** The placeholder for a username (any case); the username itself if it was not among the users. */
    String username(String original) {
        return original == null ? null : usernames.getOrDefault(original.toLowerCase(Locale.ROOT), original);
    }

    /** Original username (lower case) → placeholder. */
    Map<String, String> usernames() {
        return usernames;
    }

    /** Free text (an origin, a message) with every username, id, org name and host replaced. */
    String text(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (Map.Entry<Pattern, String> p : patterns) {
            out = p.getKey().matcher(out).replaceAll(Matcher.quoteReplacement(p.getValue()));
        }
        return out;
    }

    /** The org id placeholder for an id, else the id. */
    String id(String id) {
        if (id == null) {
            return null;
        }
        String exact = replacements.get(id);
        return exact != null ? exact : text(id);
    }

    /**
     * A copy of a declaration's text with every username replaced by its placeholder, so that the shared
     * snapshot and the shared declaration still fit together.
     */
    String declaration(String yaml) {
        String out = yaml;
        for (Map.Entry<String, String> e : usernames.entrySet()) {
            out = usernamePattern(e.getKey()).matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }
}
