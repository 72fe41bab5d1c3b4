package dev.sfapi.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates between a profile's name as Salesforce shows it (its label, {@code Profile.Name} in SOQL)
 * and its Metadata API full name (the file name in a source tree).
 *
 * <p>Two differences exist:
 * <ul>
 *   <li>Some standard profiles have internal full names: "System Administrator" is {@code Admin},
 *       "Standard User" is {@code Standard}, "Standard Platform User" is {@code StandardAul}, …</li>
 *   <li>Punctuation in full names is percent-encoded: "Custom: Support Profile" is
 *       {@code Custom%3A Support Profile}, "Force.com - App Subscription User" is
 *       {@code Force%2Ecom - App Subscription User}. Spaces, letters (also non-ASCII ones), digits,
 *       {@code -}, {@code *} and a single {@code _} stay as they are.</li>
 * </ul>
 * {@link #key(String)} folds both spellings of a name to one lookup key, so callers never need to know
 * which spelling they were given.
 */
public final class ProfileNames {

    /**
     * Standard profiles whose full name differs from their label. Confirmed in public Salesforce
     * Stack Exchange answers and several public tools' mapping tables; ChatterModerator and
     * HighVolumePortal are taken from ../shared/docs/salesforce-wire.md and public mapping tables.
     * Profiles not listed here keep their (encoded) label as full name.
     */
    private static final Map<String, String> STANDARD_LABEL_TO_FULL_NAME;
    private static final Map<String, String> STANDARD_FULL_NAME_TO_LABEL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("System Administrator", "Admin");
        m.put("Standard User", "Standard");
        m.put("Standard Platform User", "StandardAul");
        m.put("Read Only", "ReadOnly");
        m.put("Solution Manager", "SolutionManager");
        m.put("Marketing User", "MarketingProfile");
        m.put("Contract Manager", "ContractManager");
        m.put("Chatter Moderator User", "ChatterModerator");
        m.put("High Volume Customer Portal", "HighVolumePortal");
        TreeMap<String, String> toFull = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        TreeMap<String, String> toLabel = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.forEach((label, full) -> {
            toFull.put(label, full);
            toLabel.put(full, label);
        });
        STANDARD_LABEL_TO_FULL_NAME = Collections.unmodifiableMap(toFull);
        STANDARD_FULL_NAME_TO_LABEL = Collections.unmodifiableMap(toLabel);
    }

    private ProfileNames() {
    }

    /** The standard profiles with an internal full name, label → full name. */
    public static Map<String, String> standardProfiles() {
        return STANDARD_LABEL_TO_FULL_NAME;
    }

    /**
     * The name Salesforce shows for a full name: {@code Admin} → "System Administrator",
     * {@code Custom%3A Support Profile} → "Custom: Support Profile".
     */
    public static String label(String fullName) {
        String standard = STANDARD_FULL_NAME_TO_LABEL.get(fullName);
        return standard != null ? standard : decode(fullName);
    }

    /**
     * The Metadata API full name for a label: "System Administrator" → {@code Admin},
     * "Custom: Support Profile" → {@code Custom%3A Support Profile}. The encoding follows what
     * Salesforce is known to write; when an org is at hand, prefer the names listMetadata returns.
     */
    public static String fullName(String label) {
        String standard = STANDARD_LABEL_TO_FULL_NAME.get(label);
        return standard != null ? standard : encode(label);
    }

    /**
     * One case-insensitive key for every spelling of the same profile: the label, the full name,
     * either one in any letter case. Two names denote the same profile exactly when their keys are equal.
     */
    public static String key(String name) {
        String decoded = decode(name.trim());
        String standard = STANDARD_LABEL_TO_FULL_NAME.get(decoded);
        return (standard != null ? standard : decoded).toLowerCase(Locale.ROOT);
    }

    /** True when both names denote the same profile (see {@link #key(String)}). */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /**
     * Percent-encodes a profile label the way the Metadata API writes full names. Observed behaviour
     * (forcedotcom/cli issue 2869 lists the encoding of every ASCII punctuation character): ASCII
     * punctuation except {@code - _ *} and space is encoded, a double underscore becomes
     * {@code %5F%5F}, non-ASCII letters and digits stay, other non-ASCII characters are encoded as
     * their UTF-8 bytes.
     */
    public static String encode(String label) {
        StringBuilder out = new StringBuilder(label.length() + 8);
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '_' && i + 1 < label.length() && label.charAt(i + 1) == '_') {
                // Salesforce reserves "__" for namespaces and suffixes, so a run of them is encoded.
                int j = i;
                while (j < label.length() && label.charAt(j) == '_') {
                    out.append("%5F");
                    j++;
                }
                i = j;
                continue;
            }
            if (keepsAsIs(cp)) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += len;
        }
        return out.toString();
    }

    private static boolean keepsAsIs(int cp) {
        if (cp < 0x80) {
            return Character.isLetterOrDigit(cp) || cp == ' ' || cp == '-' || cp == '_' || cp == '*';
        }
        return Character.isLetterOrDigit(cp);
    }

    /**
     * Decodes {@code %XX} sequences (UTF-8). A {@code %} that does not start a valid sequence, or
     * bytes that are not valid UTF-8, are kept as written: a label may contain a literal {@code %}.
     */
    public static String decode(String fullName) {
        if (fullName.indexOf('%') < 0) {
            return fullName;
        }
        StringBuilder out = new StringBuilder(fullName.length());
        int i = 0;
        while (i < fullName.length()) {
            char c = fullName.charAt(i);
            if (c != '%' || !isEscape(fullName, i)) {
                out.append(c);
                i++;
                continue;
            }
            // Collect a run of escapes: a multi-byte UTF-8 character spans several of them.
            int start = i;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (i < fullName.length() && fullName.charAt(i) == '%' && isEscape(fullName, i)) {
                bytes.write(Integer.parseInt(fullName.substring(i + 1, i + 3), 16));
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                out.append(fullName, start, i);
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length()
                && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0;
    }
}
