package dev.sfapi.check;

import dev.sfapi.access.Answer;
import dev.sfapi.access.EffectiveAccess;
import dev.sfapi.declaration.Operation;
import dev.sfapi.license.HeldLicenses;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.license.LicenseVerdict;
import java.util.ArrayList;
import java.util.List;

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

    /** Where an admin would grant something: the user's permission sets, else its profile. */
    String where(EffectiveAccess access) {
        List<String> sets = access.user().permissionSets();
        String profile = access.user().profile();
        if (!sets.isEmpty()) {
            return "permission set '" + sets.get(0) + "' (assigned to the user) or a new permission set";
        }
        return "a permission set assigned to the user (or its profile '" + profile + "')";
    }

    /** The assignment summary: "profile P, permission sets A, B, group G". */
    String assigned(EffectiveAccess access) {
        List<String> parts = new ArrayList<>();
        parts.add("profile '" + access.user().profile() + "'");
        if (!access.user().permissionSets().isEmpty()) {
            parts.add("permission sets '" + String.join("', '", access.user().permissionSets()) + "'");
        }
        if (!access.user().permissionSetGroups().isEmpty()) {
            parts.add("groups '" + String.join("', '", access.user().permissionSetGroups()) + "'");
        }
        return "it has " + String.join(", ", parts) + " and none of them grants it";
    }

    String grantFix(EffectiveAccess access, String what, Answer answer) {
        if (!answer.notes().isEmpty()) {
            return "Remove " + what + " from the muting permission set, or grant it through a permission set assigned"
                    + " outside that group.";
        }
        return "Grant " + what + " in " + where(access) + ".";
    }

    String incompleteFix(EffectiveAccess access, Answer answer) {
        String doubts = String.join(" ", answer.doubts());
        if (doubts.contains("not in the metadata")) {
            return "Add the missing components to the metadata source (retrieve them), or validate against the org.";
        }
        if (doubts.contains("no system permissions")) {
            return "Use a profile file that lists its system permissions (custom profiles list every enabled one),"
                    + " validate against the org, or enable it in a permission set assigned to the user.";
        }
        if (doubts.contains("does not list")) {
            return "Retrieve the profile together with the objects it concerns (package.xml with Profile and"
                    + " CustomObject members), validate against the org, or grant it through a permission set so it"
                    + " doesn't depend on the profile.";
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
