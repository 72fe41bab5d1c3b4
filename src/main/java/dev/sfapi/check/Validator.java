package dev.sfapi.check;

import dev.sfapi.access.Answer;
import dev.sfapi.access.EffectiveAccess;
import dev.sfapi.access.LicenseBinding;
import dev.sfapi.access.LicenseFit;
import dev.sfapi.access.UserSetup;
import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclaredUser;
import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.FieldRequirement;
import dev.sfapi.declaration.Integration;
import dev.sfapi.declaration.ObjectRequirement;
import dev.sfapi.declaration.Operation;
import dev.sfapi.declaration.PermissionRequirement;
import dev.sfapi.license.HeldLicenses;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseVerdict;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlLocation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks every declared integration: its user can log in, its license-bound permission sets fit its
 * license, it has API access, and for every object, field and system permission it uses, first the
 * license ceiling (can this license ever grant it?), then the effective permissions (does the profile,
 * a permission set or a group grant it, after muting?).
 */
public final class Validator {

    static final String API_ENABLED = "ApiEnabled";

    private final LicenseCatalogue catalogue;
    private final Advice advice;

    public Validator(LicenseCatalogue catalogue) {
        this.catalogue = catalogue;
        this.advice = new Advice(catalogue);
    }

    /**
     * @param declaration the integrations
     * @param users       who holds what, by username (any case); a declared user missing here is unknown
     * @param metadata    where profiles and permission sets are read from
     * @param source      words for the report saying where access data came from
     */
    public ValidationReport validate(Declaration declaration, Map<String, UserSetup> users, MetadataSource metadata,
                                     String source) throws MetadataException {
        Map<String, UserSetup> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(users);
        Map<String, List<String>> integrationsPerUser = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Integration i : declaration.integrations()) {
            integrationsPerUser.computeIfAbsent(i.user(), u -> new ArrayList<>()).add(i.name());
        }
        Map<String, EffectiveAccess> accessCache = new HashMap<>();
        List<IntegrationResult> results = new ArrayList<>();
        for (Integration integration : declaration.integrations()) {
            UserSetup setup = byName.get(integration.user());
            EffectiveAccess access = null;
            if (setup != null && setup.status() != UserSetup.Status.NOT_FOUND) {
                String key = integration.user().toLowerCase(Locale.ROOT);
                access = accessCache.get(key);
                if (access == null) {
                    access = EffectiveAccess.of(setup, metadata, catalogue);
                    accessCache.put(key, access);
                }
            }
            results.add(new IntegrationCheck(integration, setup, access,
                    integrationsPerUser.get(integration.user())).run());
        }
        List<Finding> general = sharedUsers(declaration, integrationsPerUser);
        general.addAll(unusedUsers(declaration, integrationsPerUser));
        return new ValidationReport(declaration.source(), source, results, general);
    }

    /** One warning per users-section entry that no integration logs in as: nothing checks it. */
    private static List<Finding> unusedUsers(Declaration declaration, Map<String, List<String>> integrationsPerUser) {
        List<Finding> out = new ArrayList<>();
        for (DeclaredUser entry : declaration.users().values()) {
            if (integrationsPerUser.containsKey(entry.username())) {
                continue;
            }
            String near = Suggestions.nearest(entry.username(), integrationsPerUser.keySet())
                    .map(u -> " If it was meant for the integrations of '" + u + "', correct the username.")
                    .orElse("");
            out.add(new Finding(CheckId.UNUSED_USER, CheckId.UNUSED_USER.defaultSeverity(), null, entry.username(),
                    null, null, "the users section has an entry for '" + entry.username() + "', but no integration"
                    + " logs in as it, so nothing about it is checked.",
                    "Remove the entry, or declare the integration that uses this user." + near,
                    entry.location()));
        }
        return out;
    }

    /** One warning per user that several integrations log in as. */
    private static List<Finding> sharedUsers(Declaration declaration, Map<String, List<String>> integrationsPerUser) {
        List<Finding> out = new ArrayList<>();
        integrationsPerUser.forEach((user, names) -> {
            if (names.size() > 1) {
                Integration first = declaration.integration(names.get(0)).orElseThrow();
                out.add(new Finding(CheckId.SHARED_USER, CheckId.SHARED_USER.defaultSeverity(), null, first.user(),
                        null, null, "user '" + first.user() + "' is used by " + names.size() + " integrations ("
                        + quoteAll(names) + "): one integration's logout ends the others' sessions, and the audit"
                        + " trail can't tell them apart.",
                        "Give each integration its own user, as Salesforce advises (Salesforce Integration licenses"
                                + " are cheap; several are free in Enterprise Edition and above).",
                        first.location()));
            }
        });
        return out;
    }

    /** The checks for one integration. */
    private final class IntegrationCheck {
        private final Integration integration;
        private final UserSetup setup;
        private final EffectiveAccess access;
        private final List<String> sharing;
        private final List<RequirementResult> results = new ArrayList<>();

        IntegrationCheck(Integration integration, UserSetup setup, EffectiveAccess access, List<String> sharing) {
            this.integration = integration;
            this.setup = setup;
            this.access = access;
            this.sharing = sharing;
        }

        IntegrationResult run() {
            boolean canCheck = checkUser();
            if (canCheck) {
                checkLicenseBindings();
                checkApi();
                checkObjects();
                checkFields();
                checkPermissions();
            }
            return new IntegrationResult(integration.name(), integration.user(),
                    access == null ? null : licenseText(access.licenses()),
                    setup == null ? null : setup.profile(), results, integration.location());
        }

        private String user() {
            return integration.user();
        }

        private Finding finding(CheckId id, String subject, String operation, String reason, String fix,
                                YamlLocation location) {
            return new Finding(id, id.defaultSeverity(), integration.name(), user(), subject, operation, reason, fix,
                    location);
        }

        /** The user exists and can log in. Returns false when nothing else can be checked. */
        private boolean checkUser() {
            Requirement req = new Requirement(Requirement.Kind.USER, user(), null, true, integration.location());
            List<Finding> findings = new ArrayList<>();
            boolean canCheck = true;
            if (setup == null || setup.status() == UserSetup.Status.NOT_FOUND) {
                int total = countRequirements();
                findings.add(finding(CheckId.UNKNOWN_USER, null, null,
                        "there is no user '" + user() + "'" + (setup == null ? " in the access data" : " in the org")
                                + (total == 1 ? ", so the integration's one requirement could not be checked."
                                        : ", so none of the integration's " + total + " requirements could be checked."),
                        "Check the username in the declaration (sandbox usernames carry a suffix such as .uat), "
                                + "or create the user.", integration.location()));
                canCheck = false;
            } else if (setup.status() == UserSetup.Status.INACTIVE) {
                findings.add(finding(CheckId.INACTIVE_USER, null, null,
                        "user '" + user() + "' is deactivated: the integration cannot log in.",
                        "Reactivate the user in Setup > Users, or point the integration at an active user.",
                        integration.location()));
            } else if (setup.status() == UserSetup.Status.FROZEN) {
                findings.add(finding(CheckId.FROZEN_USER, null, null,
                        "user '" + user() + "' is frozen: the integration cannot log in.",
                        "Unfreeze the user in Setup > Users, or point the integration at another user.",
                        integration.location()));
            }
            if (access != null && access.userLicense() == null) {
                findings.add(finding(CheckId.LICENSE_UNVERIFIED, null, null,
                        "the user's license is unknown: profile '" + setup.profile()
                                + "' has no <userLicense> in " + originOfProfile() + ".",
                        "Use a profile file that includes <userLicense>, or validate against the org.",
                        integration.location()));
            }
            String state = null;
            if (setup != null && setup.status() == UserSetup.Status.ACTIVE) {
                state = setup.origin().startsWith("org")
                        ? "user " + user() + " is active in the " + setup.origin()
                        : "user " + user() + " is declared at " + setup.origin()
                        + " (taken as active: only an org can tell)";
            }
            results.add(new RequirementResult(req, findings, state));
            return canCheck;
        }

        private String originOfProfile() {
            return access.profile() == null ? "the metadata" : access.profile().origin();
        }

        private int countRequirements() {
            int n = 1;
            for (ObjectRequirement o : integration.objects()) {
                n += o.operations().size();
            }
            for (FieldRequirement f : integration.fields()) {
                n += f.operations().size();
            }
            return n + integration.permissions().size();
        }

        /** Permission sets bound to a license only count when the user holds that license. */
        private void checkLicenseBindings() {
            List<LicenseBinding> bindings = access.licenseBindings();
            if (bindings.isEmpty()) {
                return;
            }
            String license = access.userLicense() == null ? "(unknown)" : access.userLicense();
            Requirement req = new Requirement(Requirement.Kind.LICENSE, license, null, true, integration.location());
            List<Finding> findings = new ArrayList<>();
            for (LicenseBinding b : bindings) {
                String set = "permission set '" + b.permissionSet() + "'"
                        + (b.group() == null ? "" : " (in group '" + b.group() + "')");
                if (b.fit() == LicenseFit.MISMATCH) {
                    findings.add(finding(CheckId.PERMSET_LICENSE_MISMATCH, b.permissionSet(), null,
                            set + " is bound to license '" + b.license() + "', which user '" + user()
                                    + "' doesn't hold (it has " + licenseText(access.licenses())
                                    + "). Salesforce refuses such an assignment, so none of its permissions count.",
                            "Grant these permissions through a permission set with no license (or one bound to '"
                                    + license + "'), or give the user the '" + b.license() + "' license.",
                            integration.location()));
                } else if (b.fit() == LicenseFit.UNKNOWN) {
                    findings.add(finding(CheckId.METADATA_INCOMPLETE, b.permissionSet(), null,
                            set + " is bound to license '" + b.license() + "', and the user's own license is"
                                    + " unknown, so whether it counts can't be told.",
                            "Make the user's license known (a profile file with <userLicense>, or the org).",
                            integration.location()));
                } else if (b.fit() == LicenseFit.UNKNOWN_NAME) {
                    List<String> unknownHeld = access.licenses().permissionSetLicenses().stream()
                            .filter(p -> catalogue.find(p).isEmpty()).toList();
                    findings.add(finding(CheckId.METADATA_INCOMPLETE, b.permissionSet(), null,
                            set + " is bound to license '" + b.license() + "', which the license catalogue doesn't"
                                    + " know. The user holds permission set license " + quoteAll(unknownHeld)
                                    + ", which the catalogue doesn't know either, so whether they are one license"
                                    + " under its label and developer name can't be told.",
                            "If they are the same, say so in the declaration's licenses section: '- name: "
                                    + b.license() + "' with 'kind: permission-set-license' and 'aliases: ["
                                    + unknownHeld.get(0) + "]'. Otherwise the user needs the '" + b.license()
                                    + "' license for this set to count.",
                            integration.location()));
                }
            }
            results.add(new RequirementResult(req, findings, findings.isEmpty()
                    ? "every license-bound permission set matches the user's licenses" : null));
        }

        /** Every integration user needs API Enabled, declared or not. */
        private void checkApi() {
            PermissionRequirement declared = integration.permissions().stream()
                    .filter(p -> p.name().equalsIgnoreCase(API_ENABLED)).findFirst().orElse(null);
            YamlLocation where = declared == null ? integration.location() : declared.location();
            Requirement req = new Requirement(Requirement.Kind.PERMISSION, API_ENABLED, null, declared == null, where);
            checkPermission(req, CheckId.API_DISABLED);
        }

        private void checkPermissions() {
            for (PermissionRequirement p : integration.permissions()) {
                if (p.name().equalsIgnoreCase(API_ENABLED)) {
                    continue;
                }
                Requirement req = new Requirement(Requirement.Kind.PERMISSION, p.name(), null, false, p.location());
                checkPermission(req, CheckId.PERMISSION_MISSING);
            }
        }

        private void checkPermission(Requirement req, CheckId whenMissing) {
            String permission = req.subject();
            List<Finding> findings = new ArrayList<>();
            LicenseVerdict ceiling = catalogue.systemPermission(access.licenses(), permission);
            if (isDenied(ceiling)) {
                findings.add(finding(CheckId.LICENSE_DENIES_PERMISSION, permission, null,
                        "the " + licenseText(access.licenses()) + " license can never grant the system permission "
                                + permission + advice.because(ceiling) + ".",
                        advice.licenseFixForPermission(access.licenses(), permission, user()), req.location()));
                results.add(new RequirementResult(req, findings, null));
                return;
            }
            if (!ceiling.isActionable()) {
                findings.add(unverified(permission, null, ceiling, req.location(),
                        "whether the " + licenseText(access.licenses()) + " license allows " + permission));
            }
            Answer answer = access.userPermission(permission);
            String grantedBy = evaluate(answer, findings, whenMissing, permission, null, req.location(),
                    "the system permission " + permission,
                    whenMissing == CheckId.API_DISABLED
                            ? "Enable 'API Enabled' (ApiEnabled) in " + advice.where(access) + "; without it the"
                            + " integration can't call any Salesforce API."
                            : "Enable " + permission + " in " + advice.where(access) + ".");
            results.add(new RequirementResult(req, findings, withTeamRow(grantedBy, ceiling)));
        }

        private void checkObjects() {
            Map<String, Set<Operation>> declaredOps = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (ObjectRequirement o : integration.objects()) {
                Set<Operation> ops = declaredOps.computeIfAbsent(o.object(), k -> EnumSet.noneOf(Operation.class));
                for (Operation op : o.operations()) {
                    ops.addAll(op.withRequired());
                }
                for (Operation op : sorted(o.operations())) {
                    checkObject(new Requirement(Requirement.Kind.OBJECT, o.object(), op.keyword(), false,
                            o.location()), o.object(), op);
                }
            }
            // A field can only be read (edited) by a user who can read (edit) its object.
            Map<String, FieldRequirement> implied = new LinkedHashMap<>();
            Map<String, Operation> impliedOps = new LinkedHashMap<>();
            for (FieldRequirement f : integration.fields()) {
                for (FieldOperation fop : f.operations()) {
                    Operation needed = fop.objectOperation();
                    Set<Operation> have = declaredOps.getOrDefault(f.object(), Set.of());
                    String key = f.object().toLowerCase(Locale.ROOT) + "/" + needed;
                    if (!have.contains(needed) && !implied.containsKey(key)) {
                        implied.put(key, f);
                        impliedOps.put(key, needed);
                    }
                }
            }
            for (Map.Entry<String, FieldRequirement> e : implied.entrySet()) {
                FieldRequirement f = e.getValue();
                Operation op = impliedOps.get(e.getKey());
                checkObject(new Requirement(Requirement.Kind.OBJECT, f.object(), op.keyword(), true, f.location()),
                        f.object(), op);
            }
        }

        private void checkObject(Requirement req, String object, Operation op) {
            List<Finding> findings = new ArrayList<>();
            LicenseVerdict ceiling = catalogue.objectAccess(access.licenses(), object, op);
            Answer answer = access.object(object, op);
            if (isDenied(ceiling)) {
                String despite = answer.isGranted()
                        ? " " + capitalise(String.join(" and ", answer.grantedBy()))
                        + " grants it, but Salesforce doesn't allow that on this license."
                        : "";
                findings.add(finding(CheckId.LICENSE_DENIES_OBJECT, object, op.keyword(),
                        "the " + licenseText(access.licenses()) + " license can never grant " + op.label() + " on "
                                + object + advice.because(ceiling) + "." + despite,
                        advice.licenseFixForObject(access.licenses(), object, op, user()), req.location()));
                results.add(new RequirementResult(req, findings, null));
                return;
            }
            if (!ceiling.isActionable()) {
                findings.add(unverified(object, op.keyword(), ceiling, req.location(),
                        "whether the " + licenseText(access.licenses()) + " license allows " + op.label() + " on "
                                + object));
            }
            String grantedBy = evaluate(answer, findings, CheckId.PERMISSION_MISSING, object, op.keyword(),
                    req.location(), op.label() + " on " + object,
                    advice.grantFix(access, op.label() + " on " + object, op.label(), answer));
            results.add(new RequirementResult(req, findings, withTeamRow(grantedBy, ceiling)));
        }

        private void checkFields() {
            for (FieldRequirement f : integration.fields()) {
                for (FieldOperation fop : sortedFields(f.operations())) {
                    Requirement req = new Requirement(Requirement.Kind.FIELD, f.qualifiedName(), fop.keyword(), false,
                            f.location());
                    List<Finding> findings = new ArrayList<>();
                    Operation objectOp = fop.objectOperation();
                    LicenseVerdict ceiling = catalogue.objectAccess(access.licenses(), f.object(), objectOp);
                    if (isDenied(ceiling)) {
                        findings.add(finding(CheckId.LICENSE_DENIES_OBJECT, f.qualifiedName(), fop.keyword(),
                                "the " + licenseText(access.licenses()) + " license can never grant "
                                        + objectOp.label() + " on " + f.object() + advice.because(ceiling)
                                        + ", so no field of it can be " + (fop == FieldOperation.READ ? "read" : "edited")
                                        + ".",
                                advice.licenseFixForObject(access.licenses(), f.object(), objectOp, user()),
                                f.location()));
                        results.add(new RequirementResult(req, findings, null));
                        continue;
                    }
                    // The object's own ceiling is reported on the object requirement; not repeated here.
                    Answer answer = access.field(f.qualifiedName(), fop);
                    String grantedBy = evaluate(answer, findings, CheckId.PERMISSION_MISSING, f.qualifiedName(),
                            fop.keyword(), f.location(), fop.label() + " on field " + f.qualifiedName(),
                            advice.grantFix(access, fop.label() + " on field " + f.qualifiedName(), fop.label(),
                                    answer));
                    results.add(new RequirementResult(req, findings, withTeamRow(grantedBy, ceiling)));
                }
            }
        }

        /** Turns an effective-access answer into findings; returns what grants it on a pass. */
        private String evaluate(Answer answer, List<Finding> findings, CheckId whenMissing, String subject,
                                String operation, YamlLocation where, String what, String fix) {
            switch (answer.state()) {
                case GRANTED:
                    return String.join("; ", answer.grantedBy());
                case NOT_GRANTED: {
                    String muted = answer.notes().isEmpty() ? "" : " (" + String.join("; ", answer.notes()) + ")";
                    findings.add(finding(whenMissing, subject, operation,
                            "nothing assigned to user '" + user() + "' grants " + what + ": " + advice.assigned(access)
                                    + muted + ".", fix, where));
                    return null;
                }
                default:
                    String muted = answer.notes().isEmpty() ? "" : " Also: " + String.join("; ", answer.notes()) + ".";
                    findings.add(finding(CheckId.METADATA_INCOMPLETE, subject, operation,
                            "cannot tell whether user '" + user() + "' has " + what + ": "
                                    + String.join("; ", answer.doubts()) + "." + muted,
                            advice.incompleteFix(access, answer), where));
                    return null;
            }
        }

        private Finding unverified(String subject, String operation, LicenseVerdict ceiling, YamlLocation where,
                                   String question) {
            String fix = ceiling.howToSettle() != null ? ceiling.howToSettle()
                    : "Check it in the org and record the answer in the 'licenses' section of the declaration.";
            return finding(CheckId.LICENSE_UNVERIFIED, subject, operation,
                    "the license catalogue can't confirm " + question + advice.unknownBecause(ceiling) + ".",
                    fix + " Until then this requirement is not proven.", where);
        }
    }

    private static boolean isDenied(LicenseVerdict v) {
        return v.outcome() == LicenseVerdict.Outcome.DENIED && v.isActionable();
    }

    /** "Salesforce Integration + SalesforceAPIIntegrationPsl", or "an unknown license". */
    static String licenseText(HeldLicenses held) {
        StringBuilder sb = new StringBuilder(held.userLicense() == null ? "unknown" : held.userLicense());
        for (String psl : held.permissionSetLicenses()) {
            sb.append(" + ").append(psl);
        }
        return sb.toString();
    }

    /**
     * A pass the license allows only because a team's licenses row says so names that row: it may overrule
     * a built-in "never", and a reader of the report must be able to see what the pass rests on.
     */
    private static String withTeamRow(String grantedBy, LicenseVerdict ceiling) {
        if (grantedBy == null || ceiling.teamRow() == null || ceiling.outcome() != LicenseVerdict.Outcome.ALLOWED) {
            return grantedBy;
        }
        return grantedBy + "; the license allows it by the licenses section of the declaration ("
                + ceiling.teamRow() + ", " + String.join(", ", ceiling.sources()) + ")";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String quoteAll(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }

    private static List<Operation> sorted(Set<Operation> ops) {
        return ops.isEmpty() ? List.of() : EnumSet.copyOf(ops).stream().toList();
    }

    private static List<FieldOperation> sortedFields(Set<FieldOperation> ops) {
        return ops.isEmpty() ? List.of() : EnumSet.copyOf(ops).stream().toList();
    }
}
