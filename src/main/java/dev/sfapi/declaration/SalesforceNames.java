package dev.sfapi.declaration;

import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What Salesforce API names look like, and the system permission names sfapi knows.
 *
 * <p>Known permission names come from {@code dev/sfapi/declaration/user-permissions.txt}, collected from
 * real profiles and permission sets. Salesforce adds permissions every release, so an unknown name is
 * accepted unless it is a plain typo of a known one (one edit away, two for long names): then it is
 * refused with "did you mean". A wrong "did you mean" on a genuinely new permission would block a build
 * for nothing, which is why the bar is much stricter than for keys of the file itself.
 */
public final class SalesforceNames {

    // One name part: a letter, then letters/digits, single underscores only between them.
    private static final String PART = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";
    /** {@code Account}, {@code Invoice__c}, {@code ns__Invoice__c}, {@code Knowledge__kav}, {@code Invoice__Share}. */
    private static final Pattern API_NAME = Pattern.compile("(?:" + PART + "__)?" + PART + "(?:__[A-Za-z]+)?");
    private static final Pattern PERMISSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern USERNAME = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final List<String> CUSTOM_SUFFIXES = List.of("c", "mdt", "e", "x", "b");

    private static final String PERMISSIONS_RESOURCE = "/dev/sfapi/declaration/user-permissions.txt";

    private static volatile Known known;

    private SalesforceNames() {
    }

    /** Whether {@code name} has the shape of an object or field API name. */
    public static boolean isApiName(String name) {
        return name != null && API_NAME.matcher(name).matches();
    }

    /** Whether {@code name} has the shape of a system permission API name (ApiEnabled). */
    public static boolean isPermissionName(String name) {
        return name != null && PERMISSION_NAME.matcher(name).matches();
    }

    /** Salesforce usernames have the form of an email address (they need not be a real mailbox). */
    public static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }

    /**
     * What a person probably meant by a name that is not a valid API name, as a "Did you mean" sentence;
     * or a short rule when nothing sensible can be proposed.
     */
    public static String apiNameHint(String written) {
        String w = written.trim();
        if (w.matches(".*\\s.*")) {
            // A label typed instead of the API name: offer both forms an API name takes.
            String[] words = w.split("[\\s_]+");
            String last = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (words.length > 1 && CUSTOM_SUFFIXES.contains(last)) {
                // "Invoice c": the double underscore of the suffix got lost.
                String custom = String.join("_", List.of(words).subList(0, words.length - 1))
                        .replaceAll("[^A-Za-z0-9_]", "") + "__" + last;
                if (isApiName(custom)) {
                    return "Did you mean '" + custom + "'?";
                }
            }
            StringBuilder pascal = new StringBuilder();
            for (String word : words) {
                String clean = word.replaceAll("[^A-Za-z0-9]", "");
                if (!clean.isEmpty()) {
                    pascal.append(Character.toUpperCase(clean.charAt(0))).append(clean.substring(1));
                }
            }
            String custom = String.join("_", List.of(words)).replaceAll("[^A-Za-z0-9_]", "");
            if (!custom.toLowerCase(Locale.ROOT).endsWith("__c")) {
                custom = custom + "__c";
            }
            if (isApiName(pascal.toString()) && isApiName(custom)) {
                return "API names have no spaces. Did you mean '" + pascal + "' (standard) or '" + custom
                        + "' (custom)? Setup > Object Manager shows the API name.";
            }
        }
        String cleaned = w.replaceAll("[^A-Za-z0-9_]", "")
                .replaceAll("_{3,}", "__")
                .replaceAll("^[^A-Za-z]+", "")
                .replaceAll("_+$", "");
        if (!cleaned.isEmpty() && !cleaned.equals(w) && isApiName(cleaned)) {
            return "Did you mean '" + cleaned + "'?";
        }
        return "API names are letters, digits and single underscores, with '__' only after a namespace"
                + " or before a suffix (Account, Invoice__c, ns__Invoice__c).";
    }

    /** The known system permission API names, sorted ignoring case. */
    public static List<String> knownPermissions() {
        return known().names;
    }

    /** The known spelling of a permission name written in any case ("apienabled" → "ApiEnabled"). */
    public static Optional<String> knownPermission(String name) {
        return Optional.ofNullable(known().byLowerCase.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * A typo of one of {@code candidates}: the candidate one edit away (two for names of twelve characters
     * or more), ignoring case. Empty when {@code word} is itself a candidate or nothing is that close.
     */
    public static Optional<String> typoOf(String word, Collection<String> candidates) {
        for (String c : candidates) {
            if (c.equalsIgnoreCase(word)) {
                return Optional.empty();
            }
        }
        return Suggestions.nearest(word, candidates, word.length() < 12 ? 1 : 2);
    }

    /**
     * Checks a system permission name written in a file and returns it with its known spelling, or
     * records a problem and returns empty. Unknown names that are no typo of a known one pass as written.
     *
     * @param what words for the message ("the permission", "each entry of permissions")
     */
    public static Optional<String> checkPermission(Located<String> written, YamlFields fields, String what) {
        String name = written.value();
        if (!isPermissionName(name)) {
            // "API Enabled" or "Modify All Data": the Setup label, not the API name.
            String squeezed = name.replaceAll("[^A-Za-z0-9_]", "");
            Optional<String> meant = knownPermission(squeezed).or(() -> typoOf(squeezed, knownPermissions()));
            fields.problem(written.location(), "'" + name + "' is not a system permission API name.",
                    meant.map(m -> "Did you mean '" + m + "'?")
                            .orElse("Use the API name (ApiEnabled for 'API Enabled'): letters, digits and underscores, no spaces."));
            return Optional.empty();
        }
        Optional<String> exact = knownPermission(name);
        if (exact.isPresent()) {
            return exact;
        }
        Optional<String> typo = typoOf(name, knownPermissions());
        if (typo.isPresent()) {
            fields.problem(written.location(), "unknown system permission '" + name + "' in " + what + ".",
                    "Did you mean '" + typo.get() + "'? (A permission newer than sfapi's list is accepted"
                            + " as long as it is not this close to a known one.)");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static Known known() {
        Known k = known;
        if (k == null) {
            k = loadPermissions();
            known = k;
        }
        return k;
    }

    private record Known(List<String> names, java.util.Map<String, String> byLowerCase) {
    }

    private static Known loadPermissions() {
        try (InputStream in = SalesforceNames.class.getResourceAsStream(PERMISSIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sfapi is packaged without " + PERMISSIONS_RESOURCE);
            }
            List<String> names = new ArrayList<>();
            TreeMap<String, String> byLower = new TreeMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String n = line.trim();
                if (n.isEmpty() || n.startsWith("#")) {
                    continue;
                }
                names.add(n);
                byLower.put(n.toLowerCase(Locale.ROOT), n);
            }
            return new Known(Collections.unmodifiableList(names), Collections.unmodifiableMap(byLower));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
