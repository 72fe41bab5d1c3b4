package dev.sfapi.standin.org;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Name rules a real org applies: namespaces, standard profile labels, %-encoded full names. */
public final class Names {

    /** Standard profiles whose full name is not their label (see the wire reference §2.4). */
    private static final Map<String, String> STANDARD_PROFILE_LABELS = Map.of(
            "Admin", "System Administrator",
            "Standard", "Standard User",
            "StandardAul", "Standard Platform User",
            "ReadOnly", "Read Only",
            "SolutionManager", "Solution Manager",
            "MarketingProfile", "Marketing User",
            "ContractManager", "Contract Manager",
            "ChatterModerator", "Chatter Moderator User");

    private Names() {
    }

    /** {@code ns} for {@code ns__Name}; null when the name has no namespace. */
    public static String namespace(String fullName) {
        int i = fullName.indexOf("__");
        // A developer name cannot contain "__" itself, so the first one separates the namespace.
        return i > 0 && !fullName.endsWith("__c") ? fullName.substring(0, i) : null;
    }

    public static String withoutNamespace(String fullName) {
        String ns = namespace(fullName);
        return ns == null ? fullName : fullName.substring(ns.length() + 2);
    }

    /** What SOQL's Profile.Name shows for a profile full name. */
    public static String profileLabel(String fullName) {
        String standard = STANDARD_PROFILE_LABELS.get(fullName);
        return standard != null ? standard : percentDecode(fullName);
    }

    /** Decodes {@code %XX} escapes only ({@code +} stays a plus, unlike URLDecoder). */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
