package dev.sfapi.license;

import java.util.List;

/**
 * The catalogue's answer to "can a user holding these licenses ever be granted this operation on this
 * object (or this system permission)?".
 *
 * @param outcome    allowed, denied, or unknown
 * @param confidence how sure; for an unknown verdict null, or LOW when only a low-confidence entry spoke
 * @param decidedBy  the license or PSL whose entry decided it; for a denial every held license, joined
 *                   with " + " ("Salesforce Platform + Company Communities"); null when unknown
 * @param sources    the URLs behind the decision; for an unknown verdict the URLs of the entries that
 *                   did speak (so a person can start from them), possibly empty
 * @param note       a line for the report: the entry's note when decided; when unknown, why
 *                   ({@link #howToSettle()} says how to settle it)
 * @param reason     why the verdict is unknown; null when it is decided
 * @param teamRow    where in the declaration's licenses section the deciding row is ("sfapi-users.yml:40:9"),
 *                   or null when built-in rows decided: a team's row can overrule the built-in catalogue, and
 *                   the report says so
 */
public record LicenseVerdict(Outcome outcome, Confidence confidence, String decidedBy, List<String> sources,
                             String note, Reason reason, String teamRow) {

    public enum Outcome { ALLOWED, DENIED, UNKNOWN }

    /** Why the catalogue could not decide, so the report can say what would settle it. */
    public enum Reason {
        /** The user's license could not be found out (no profile, or its file has no {@code <userLicense>}). */
        USER_LICENSE_UNKNOWN,
        /** The user's license is not in the catalogue at all. */
        LICENSE_NOT_IN_CATALOGUE,
        /** The license is known but no entry speaks for this object and operation (or permission). */
        NO_ENTRY,
        /** The user license denies, but a held permission set license the catalogue doesn't know may extend it. */
        PSL_NOT_IN_CATALOGUE,
        /** Only low-confidence entries speak: the plugin warns instead of acting on them. */
        LOW_CONFIDENCE,
        /** Entries of equal standing disagree. */
        CONFLICT
    }

    public LicenseVerdict {
        sources = List.copyOf(sources);
    }

    public LicenseVerdict(Outcome outcome, Confidence confidence, String decidedBy, List<String> sources,
                          String note, Reason reason) {
        this(outcome, confidence, decidedBy, sources, note, reason, null);
    }

    /** A decided verdict (no reason). */
    public LicenseVerdict(Outcome outcome, Confidence confidence, String decidedBy, List<String> sources, String note) {
        this(outcome, confidence, decidedBy, sources, note, null);
    }

    public static LicenseVerdict unknown(Reason reason, String note) {
        return new LicenseVerdict(Outcome.UNKNOWN, null, null, List.of(), note, reason);
    }

    /** What would settle an unknown verdict, for the report's fix line; null when decided. */
    public String howToSettle() {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case USER_LICENSE_UNKNOWN -> "Name the user's profile in the 'users' section (its file must have"
                    + " <userLicense>), or connect an org.";
            case LICENSE_NOT_IN_CATALOGUE -> note != null && note.contains("(did you mean")
                    ? "Correct the <userLicense> of the user's profile file if it is misspelt there; if the license"
                            + " really has this name, add it to the 'licenses' section of the declaration."
                    : defaultSettle();
            default -> defaultSettle();
        };
    }

    private static String defaultSettle() {
        return "Check it in the org: a permission set with that license granting it either saves or is refused"
                + " with \"The user license doesn't allow the permission\". Then add a row saying so to the"
                + " 'licenses' section of the declaration.";
    }

    /** Allowed or denied with a confidence the plugin may act on. */
    public boolean isActionable() {
        return outcome != Outcome.UNKNOWN && confidence != null && confidence.isActionable();
    }
}
