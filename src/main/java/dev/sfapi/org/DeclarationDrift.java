package dev.sfapi.org;

import dev.sfapi.access.UserSetup;
import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclaredUser;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.metadata.ProfileNames;
import dev.sfapi.yaml.Located;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the declaration's {@code users} section says something else than the org. With an org connected
 * the org is the truth and the checks use it; the section is what the plugin uses offline, so a stale
 * entry would make offline runs judge the wrong setup. One warning per user, naming every difference.
 */
public final class DeclarationDrift {

    private DeclarationDrift() {
    }

    public static List<Finding> compare(Declaration declaration, OrgAccess access, LicenseCatalogue catalogue) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredUser declared : declaration.users().values()) {
            OrgAccess.OrgUser actual = access.user(declared.username()).orElse(null);
            if (actual == null) {
                continue; // not read (a snapshot taken for other users); coverage is checked elsewhere
            }
            List<String> differences = new ArrayList<>();
            if (actual.status() == UserSetup.Status.NOT_FOUND) {
                if (declaration.integrationsOf(declared.username()).isEmpty()) {
                    // Users of integrations get an unknown-user error; an unused entry gets this warning.
                    differences.add("the org has no user '" + declared.username() + "'");
                }
            } else {
                profile(declared, actual, differences);
                names("permission sets", values(declared.permissionSets()), actual.permissionSets(), differences);
                names("permission set groups", values(declared.permissionSetGroups()), actual.permissionSetGroups(),
                        differences);
                licenses(values(declared.permissionSetLicenses()), actual.permissionSetLicenses(), access,
                        catalogue, differences);
            }
            if (!differences.isEmpty()) {
                findings.add(new Finding(CheckId.DECLARATION_DRIFT, CheckId.DECLARATION_DRIFT.defaultSeverity(), null,
                        declared.username(), null, null, "the users section of " + declaration.source()
                        + " doesn't match the org for '" + declared.username() + "': " + String.join("; ", differences)
                        + ". The checks used the org.", "Update the entry to what the org has (it is what offline runs"
                        + " check), or delete it if this project always validates against the org.",
                        declared.location()));
            }
        }
        return findings;
    }

    private static void profile(DeclaredUser declared, OrgAccess.OrgUser actual, List<String> differences) {
        if (declared.profile() == null || actual.profile() == null) {
            return;
        }
        String said = declared.profile().value();
        boolean same = ProfileNames.same(said, actual.profile())
                || actual.profileFullName() != null && ProfileNames.same(said, actual.profileFullName());
        if (!same) {
            differences.add("profile '" + said + "' is declared, the org has '" + actual.profile() + "'");
        }
    }

    private static void names(String what, List<String> declared, List<String> actual, List<String> differences) {
        List<String> onlyDeclared = declared.stream().filter(d -> actual.stream().noneMatch(d::equalsIgnoreCase))
                .toList();
        List<String> onlyOrg = actual.stream().filter(a -> declared.stream().noneMatch(a::equalsIgnoreCase)).toList();
        if (!onlyDeclared.isEmpty()) {
            differences.add(what + " " + quote(onlyDeclared) + " declared but not assigned in the org");
        }
        if (!onlyOrg.isEmpty()) {
            differences.add(what + " " + quote(onlyOrg) + " assigned in the org but not declared");
        }
    }

    /** A permission set license may be declared by developer name, label or a catalogue alias. */
    private static void licenses(List<String> declared, List<String> actual, OrgAccess access,
                                 LicenseCatalogue catalogue, List<String> differences) {
        List<String> onlyDeclared = new ArrayList<>();
        for (String d : declared) {
            if (actual.stream().noneMatch(a -> samePsl(d, a, access, catalogue))) {
                onlyDeclared.add(d);
            }
        }
        List<String> onlyOrg = new ArrayList<>();
        for (String a : actual) {
            if (declared.stream().noneMatch(d -> samePsl(d, a, access, catalogue))) {
                onlyOrg.add(a);
            }
        }
        if (!onlyDeclared.isEmpty()) {
            differences.add("permission set licenses " + quote(onlyDeclared) + " declared but not assigned in the org");
        }
        if (!onlyOrg.isEmpty()) {
            differences.add("permission set licenses " + quote(onlyOrg) + " assigned in the org but not declared");
        }
    }

    private static boolean samePsl(String declared, String developerName, OrgAccess access,
                                   LicenseCatalogue catalogue) {
        if (declared.equalsIgnoreCase(developerName) || catalogue.sameLicense(declared, developerName)) {
            return true;
        }
        return access.permissionSetLicenses().stream().anyMatch(s -> developerName.equalsIgnoreCase(s.name())
                && declared.equalsIgnoreCase(s.label()));
    }

    private static List<String> values(List<Located<String>> located) {
        return located.stream().map(Located::value).toList();
    }

    private static String quote(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }
}
