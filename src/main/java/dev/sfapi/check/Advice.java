package dev.sfapi.check;

import dev.sfapi.access.Answer;
import dev.sfapi.access.EffectiveAccess;
import dev.sfapi.access.LicenseBinding;
import dev.sfapi.access.LicenseFit;
import dev.sfapi.declaration.Operation;
import dev.sfapi.license.HeldLicenses;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.license.LicenseVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words for findings: why (with the catalogue's evidence) and a fix a Salesforce admin can carry out.
 * Kept apart from the checks so the checks read as rules.
 */
final class Advice {

    /** The user licenses an integration user is realistically moved to (not community or guest ones). */
    private static final java.util.Set<String> INTEGRATION_LICENSES =
            java.util.Set.of("Salesforce", "Salesforce Platform", "Salesforce Integration");

    private final LicenseCatalogue catalogue;

    Advice(LicenseCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** " (high confidence; https://…)": how sure the catalogue is and where a person can check. */
    String because(LicenseVerdict v) {
        StringBuilder sb = new StringBuilder(" (");
        sb.append(v.confidence() == null ? "unknown" : v.confidence().keyword()).append(" confidence");
        if (!v.sources().isEmpty()) {
            sb.append("; ").append(v.sources().get(0));
        }
        return sb.append(")").toString();
    }

    /** Why an answer is unknown, for license-unverified: ": <the catalogue's reason>". */
    String unknownBecause(LicenseVerdict v) {
        if (v.outcome() != LicenseVerdict.Outcome.UNKNOWN && v.confidence() != null) {
            return ": the catalogue says " + v.outcome().name().toLowerCase() + " only with " + v.confidence().keyword()
                    + " confidence" + (v.sources().isEmpty() ? "" : " (" + v.sources().get(0) + ")");
        }
        if (v.note() == null || v.note().isBlank()) {
            return "";
        }
        // The catalogue's note reads "Cannot tell whether X can grant Y: <why>."; keep the why.
        String note = v.note().strip();
        int colon = note.indexOf(": ");
        String why = note.startsWith("Cannot tell") && colon > 0 ? note.substring(colon + 2) : note;
        return ": " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why);
    }

    /** What to do when the license can never grant an object operation. */
    String licenseFixForObject(HeldLicenses held, String object, Operation op, String user) {
        List<String> psls = new ArrayList<>();
        List<String> licenses = new ArrayList<>();
        for (LicenseDefinition d : catalogue.definitions()) {
            if (d.kind() == LicenseDefinition.Kind.PERMISSION_SET_LICENSE) {
                if (held.permissionSetLicenses().stream().anyMatch(d::isNamed)) {
                    continue;
                }
                boolean assignable = held.userLicense() == null || d.extendsLicenses().isEmpty()
                        || d.extendsLicenses().stream().anyMatch(l -> catalogue.sameLicense(l, held.userLicense()));
                List<String> with = new ArrayList<>(held.permissionSetLicenses());
                with.add(d.name());
                if (assignable && allows(catalogue.objectAccess(new HeldLicenses(held.userLicense(), with), object, op))) {
                    psls.add(d.aliases().isEmpty() ? "'" + d.name() + "'"
                            : "'" + d.aliases().get(0) + "' (" + d.name() + ")");
                }
            } else if (INTEGRATION_LICENSES.contains(d.name())
                    && (held.userLicense() == null || !d.isNamed(held.userLicense()))) {
                if (allows(catalogue.objectAccess(new HeldLicenses(d.name(), List.of()), object, op))) {
                    licenses.add("'" + d.name() + "'");
                }
            }
        }
        String opWords = op.label() + " on " + object;
        if (!psls.isEmpty()) {
            return "Assign the permission set license " + String.join(" or ", psls) + " to " + user
                    + ", then grant " + opWords + " through a permission set with no license (or one bound to that"
                    + " permission set license).";
        }
        if (!licenses.isEmpty()) {
            return "Move " + user + " to a license that includes " + object + " (" + String.join(", ", first(licenses, 3))
                    + "), or remove " + op.keyword() + " on " + object + " from the integration.";
        }
        return "Move " + user + " to a license that includes " + object + ", or remove " + op.keyword() + " on "
                + object + " from the integration.";
    }

    String licenseFixForPermission(HeldLicenses held, String permission, String user) {
        return "Move " + user + " to a license that allows " + permission + ", or stop relying on it.";
    }

    /**
     * Where an admin would grant something: a permission set that counts for the user (not one bound to
     * a license it doesn't hold), else a new permission set or the profile.
     */
    String where(EffectiveAccess access) {
        Set<String> blocked = blockedSets(access);
        String usable = access.user().permissionSets().stream().filter(s -> !blocked.contains(s)).findFirst()
                .orElse(null);
        if (usable != null) {
            return "permission set '" + usable + "' (assigned to the user) or a new permission set";
        }
        return "a new permission set assigned to the user (or its profile '" + access.user().profile() + "')";
    }

    /** The assignment summary: "it has profile P and permission sets A, B; none of them grants it". */
    String assigned(EffectiveAccess access) {
        Set<String> blocked = blockedSets(access);
        List<String> parts = new ArrayList<>();
        parts.add("profile '" + access.user().profile() + "'");
        List<String> sets = access.user().permissionSets().stream()
                .map(s -> "'" + s + "'" + (blocked.contains(s) ? " (which doesn't count: bound to a license the user"
                        + " doesn't hold)" : ""))
                .toList();
        if (!sets.isEmpty()) {
            parts.add((sets.size() == 1 ? "permission set " : "permission sets ") + String.join(", ", sets));
        }
        List<String> groups = access.user().permissionSetGroups();
        if (!groups.isEmpty()) {
            parts.add((groups.size() == 1 ? "group '" : "groups '") + String.join("', '", groups) + "'");
        }
        if (parts.size() == 1) {
            return "it has only " + parts.get(0) + ", which doesn't grant it";
        }
        return "it has " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1)
                + ", and " + (parts.size() == 2 ? "neither grants it" : "none of them grants it");
    }

    private static Set<String> blockedSets(EffectiveAccess access) {
        Set<String> blocked = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (LicenseBinding b : access.licenseBindings()) {
            if (b.fit() == LicenseFit.MISMATCH && b.group() == null) {
                blocked.add(b.permissionSet());
            }
        }
        return blocked;
    }

    /**
     * @param what   "Delete on Opportunity"
     * @param needed the operation's label ("Delete"), to explain a muting that takes it away indirectly
     */
    String grantFix(EffectiveAccess access, String what, String needed, Answer answer) {
        if (!answer.mutings().isEmpty()) {
            Answer.Muting m = answer.mutings().get(0);
            String cascade = m.muted().equalsIgnoreCase(needed) ? ""
                    : " (muting " + m.muted() + " also mutes " + needed + ")";
            String subject = what.substring(what.indexOf(" on ") + 4);
            return "Remove " + m.muted() + " on " + subject + " from muting permission set '" + m.mutingSet()
                    + "'" + cascade + ", or grant " + what + " through a permission set assigned outside group '"
                    + m.group() + "'.";
        }
        return "Grant " + what + " in " + where(access) + ".";
    }

    String incompleteFix(EffectiveAccess access, Answer answer) {
        String doubts = String.join(" ", answer.doubts());
        if (doubts.contains("session-based")) {
            return "Grant it through a permission set that isn't session-based, or make sure the integration"
                    + " activates that set in its session (SessionPermSetActivation).";
        }
        if (doubts.contains("at all: check the API name")) {
            return "Check the API name (Setup > Object Manager shows it); if it is right, the metadata source"
                    + " lacks every file that mentions it: add them, or validate against the org.";
        }
        if (doubts.contains("not in the metadata")) {
            return "Add the missing components to the metadata source (retrieve them), or validate against the org.";
        }
        if (doubts.contains("no system permissions")) {
            return "Use a profile file that lists its system permissions (custom profiles list every enabled one),"
                    + " validate against the org, or enable it in a permission set assigned to the user.";
        }
        if (doubts.contains("does not list")) {
            String muted = answer.mutings().isEmpty() ? "" : " Note that the group's grant is muted, so only the"
                    + " profile could still grant it.";
            return "Retrieve the profile together with the objects it concerns (package.xml with Profile and"
                    + " CustomObject members), validate against the org, or grant it through a permission set so it"
                    + " doesn't depend on the profile." + muted;
        }
        return "Check the API name against the org, or validate against the org.";
    }

    private static boolean allows(LicenseVerdict v) {
        return v.outcome() == LicenseVerdict.Outcome.ALLOWED && v.isActionable();
    }

    private static List<String> first(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}
