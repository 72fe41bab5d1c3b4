package dev.sfapi.access;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import dev.sfapi.license.HeldLicenses;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import dev.sfapi.yaml.Suggestions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One user's effective access, with Salesforce's semantics:
 * <ul>
 *   <li>access is the union of the profile, the directly assigned permission sets and the member sets
 *       of assigned groups, each group's members minus that group's muting sets (muting never reaches
 *       the profile, direct assignments or other groups);</li>
 *   <li>permission dependencies hold both ways: a grant of Edit implies Read (so Modify All implies
 *       everything), muting Read mutes everything that needs it;</li>
 *   <li>Modify All Data / View All Data grant every object's operations / Read and View All;</li>
 *   <li>a permission set bound to a license counts only if the user holds that license or PSL;</li>
 *   <li>absence proves "not granted" only where the metadata is complete (permission sets, muting
 *       sets, a profile read whole from the org). A profile from a source tree that doesn't list an
 *       object, or a standard profile saved without system permissions, proves nothing: "cannot tell".</li>
 * </ul>
 */
public final class EffectiveAccess {

    private static final String MODIFY_ALL_DATA = "ModifyAllData";
    private static final String VIEW_ALL_DATA = "ViewAllData";

    private final UserSetup user;
    private final String userLicense;
    private final HeldLicenses held;
    private final PermissionFile profile;
    private final List<Contributor> contributors;
    private final List<LicenseBinding> bindings;
    private final List<String> missing;

    private EffectiveAccess(UserSetup user, String userLicense, HeldLicenses held, PermissionFile profile,
                            List<Contributor> contributors, List<LicenseBinding> bindings, List<String> missing) {
        this.user = user;
        this.userLicense = userLicense;
        this.held = held;
        this.profile = profile;
        this.contributors = List.copyOf(contributors);
        this.bindings = List.copyOf(bindings);
        this.missing = List.copyOf(missing);
    }

    /**
     * Gathers the user's profile, permission sets, groups and muting sets from {@code metadata}.
     * Components the source doesn't have are remembered (and make answers "cannot tell"), never dropped.
     */
    public static EffectiveAccess of(UserSetup user, MetadataSource metadata, LicenseCatalogue catalogue)
            throws MetadataException {
        List<String> missing = new ArrayList<>();
        PermissionFile profile = null;
        if (user.profile() != null) {
            profile = metadata.profile(user.profile()).orElse(null);
            if (profile == null) {
                missing.add("profile '" + user.profile() + "'");
            }
        }
        String license = user.userLicense() != null ? user.userLicense()
                : profile != null ? profile.license() : null;
        HeldLicenses held = new HeldLicenses(license, user.permissionSetLicenses());

        List<Contributor> contributors = new ArrayList<>();
        List<LicenseBinding> bindings = new ArrayList<>();
        contributors.add(Contributor.profile(user.profile() == null ? "(unknown)" : user.profile(), profile));

        for (String name : user.permissionSets()) {
            Optional<PermissionFile> set = metadata.permissionSet(name);
            if (set.isEmpty()) {
                missing.add("permission set '" + name + "'");
            }
            LicenseFit fit = fit(set.orElse(null), held, catalogue, name, null, bindings);
            contributors.add(new Contributor(Contributor.Kind.PERMISSION_SET, name, set.orElse(null), null,
                    List.of(), List.of(), fit));
        }
        for (String groupName : user.permissionSetGroups()) {
            Optional<PermissionSetGroup> group = metadata.permissionSetGroup(groupName);
            if (group.isEmpty()) {
                missing.add("permission set group '" + groupName + "'");
                // A missing group is a member we know nothing about.
                contributors.add(new Contributor(Contributor.Kind.GROUP_MEMBER, "(members unknown)", null, groupName,
                        List.of(), List.of(), LicenseFit.FITS));
                continue;
            }
            List<PermissionFile> mutings = new ArrayList<>();
            List<String> missingMutings = new ArrayList<>();
            for (String m : group.get().mutingPermissionSets()) {
                Optional<PermissionFile> muting = metadata.mutingPermissionSet(m);
                if (muting.isPresent()) {
                    mutings.add(muting.get());
                } else {
                    missingMutings.add(m);
                    missing.add("muting permission set '" + m + "' of group '" + groupName + "'");
                }
            }
            for (String member : group.get().permissionSets()) {
                Optional<PermissionFile> set = metadata.permissionSet(member);
                if (set.isEmpty()) {
                    missing.add("permission set '" + member + "' of group '" + groupName + "'");
                }
                LicenseFit fit = fit(set.orElse(null), held, catalogue, member, groupName, bindings);
                contributors.add(new Contributor(Contributor.Kind.GROUP_MEMBER, member, set.orElse(null), groupName,
                        mutings, missingMutings, fit));
            }
        }
        return new EffectiveAccess(user, license, held, profile, contributors, bindings, missing);
    }

    private static LicenseFit fit(PermissionFile set, HeldLicenses held, LicenseCatalogue catalogue, String name,
                                  String group, List<LicenseBinding> bindings) {
        if (set == null || set.license() == null || set.license().isBlank()) {
            return LicenseFit.FITS;
        }
        String bound = set.license();
        LicenseFit fit;
        if (held.userLicense() != null && catalogue.sameLicense(bound, held.userLicense())) {
            fit = LicenseFit.FITS;
        } else if (held.permissionSetLicenses().stream().anyMatch(p -> catalogue.sameLicense(bound, p))) {
            fit = LicenseFit.FITS;
        } else if (held.userLicense() == null) {
            fit = LicenseFit.UNKNOWN;
        } else if (catalogue.find(bound).isEmpty()
                && held.permissionSetLicenses().stream().anyMatch(p -> catalogue.find(p).isEmpty())) {
            // A PSL goes by a label and a developer name; when neither the set's license nor a held PSL is in
            // the catalogue, they may be the same license under its two names.
            fit = LicenseFit.UNKNOWN_NAME;
        } else {
            fit = LicenseFit.MISMATCH;
        }
        bindings.add(new LicenseBinding(name, group, bound, fit, set.origin()));
        return fit;
    }

    public UserSetup user() {
        return user;
    }

    /** The user license as determined (org, else the profile's userLicense); null when unknown. */
    public String userLicense() {
        return userLicense;
    }

    public HeldLicenses licenses() {
        return held;
    }

    /** The profile's metadata, or null when it is unknown or missing. */
    public PermissionFile profile() {
        return profile;
    }

    /** Every license-bound permission set the user has (directly or through a group) and whether it fits. */
    public List<LicenseBinding> licenseBindings() {
        return bindings;
    }

    /** Assigned components the metadata source doesn't have ("permission set 'X' of group 'G'"). */
    public List<String> missingComponents() {
        return missing;
    }

    /** Whether the user's permissions include {@code operation} on {@code object}. */
    public Answer object(String object, Operation operation) {
        Tally t = new Tally();
        for (Contributor c : contributors) {
            if (c.fit() == LicenseFit.MISMATCH && c.file() != null && c.file().objects().containsKey(object)) {
                t.mentioned = true; // listed, only in a set that doesn't count: not granted, not a misspelt name
            }
            if (!t.usable(c, mutedObject(c, object, operation) != null)) {
                continue;
            }
            PermissionFile f = c.file();
            Set<Operation> listed = f.objects().get(object);
            if (listed != null) {
                t.mentioned = true;
            }
            boolean grants = listed != null && closure(listed).contains(operation);
            String via = null;
            if (!grants) {
                via = broadGrant(f, operation);
                grants = via != null;
            }
            if (grants) {
                t.grant(c, via, mutedObject(c, object, operation));
            } else if (listed == null && c.kind() == Contributor.Kind.PROFILE
                    && f.completeness() == PermissionFile.Completeness.SOURCE_PROFILE) {
                t.doubts.add(c.describe() + " does not list " + object
                        + " (a profile file from a source tree or a retrieve holds settings only for the objects"
                        + " retrieved with it)");
            }
        }
        return t.answer(object, "object", () -> knownNames(true));
    }

    /** Whether the user's field-level security includes {@code operation} on {@code Object.Field}. */
    public Answer field(String qualifiedField, FieldOperation operation) {
        Tally t = new Tally();
        for (Contributor c : contributors) {
            if (c.fit() == LicenseFit.MISMATCH && c.file() != null && c.file().fields().containsKey(qualifiedField)) {
                t.mentioned = true;
            }
            if (!t.usable(c, mutedField(c, qualifiedField, operation) != null)) {
                continue;
            }
            PermissionFile f = c.file();
            Set<FieldOperation> listed = f.fields().get(qualifiedField);
            if (listed != null) {
                t.mentioned = true;
            }
            boolean grants = listed != null && fieldClosure(listed).contains(operation);
            if (grants) {
                t.grant(c, null, mutedField(c, qualifiedField, operation));
            } else if (listed == null && c.kind() == Contributor.Kind.PROFILE
                    && f.completeness() == PermissionFile.Completeness.SOURCE_PROFILE) {
                t.doubts.add(c.describe() + " does not list " + qualifiedField
                        + " (a profile file from a source tree or a retrieve holds field settings only for the"
                        + " objects retrieved with it)");
            }
        }
        return t.answer(qualifiedField, "field", () -> knownNames(false));
    }

    /** Common standard objects, for "did you mean" on an object no file of the user mentions. */
    private static final List<String> STANDARD_OBJECTS = List.of("Account", "Asset", "Attachment", "Campaign",
            "CampaignMember", "Case", "CaseComment", "Contact", "ContentDocument", "ContentVersion", "Contract",
            "Document", "EmailMessage", "Entitlement", "Event", "Idea", "Individual", "Lead", "Note", "Opportunity",
            "OpportunityContactRole", "OpportunityLineItem", "Order", "OrderItem", "Pricebook2", "PricebookEntry",
            "Product2", "Quote", "QuoteLineItem", "ServiceContract", "Solution", "Task", "User", "WorkOrder");

    /** The object (or field) names this user's files list, plus the common standard objects. */
    private Set<String> knownNames(boolean objects) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (objects) {
            names.addAll(STANDARD_OBJECTS);
        }
        for (Contributor c : contributors) {
            if (c.file() != null) {
                names.addAll(objects ? c.file().objects().keySet() : c.file().fields().keySet());
            }
        }
        return names;
    }

    /** Whether the user's system permissions include {@code permission} (API name, e.g. ApiEnabled). */
    public Answer userPermission(String permission) {
        Tally t = new Tally();
        t.mentioned = true; // a system permission absent everywhere is simply off
        for (Contributor c : contributors) {
            if (!t.usable(c, mutedPermission(c, permission) != null)) {
                continue;
            }
            PermissionFile f = c.file();
            Boolean enabled = f.userPermissions().get(permission);
            if (Boolean.TRUE.equals(enabled)) {
                t.grant(c, null, mutedPermission(c, permission));
            } else if (c.kind() == Contributor.Kind.PROFILE
                    && f.completeness() == PermissionFile.Completeness.SOURCE_PROFILE
                    && f.userPermissions().isEmpty()) {
                t.doubts.add(c.describe() + " lists no system permissions in its file (standard profiles are"
                        + " saved without them), so whether it enables " + permission + " is unknown");
            }
        }
        return t.answer(permission, "permission", null);
    }

    /** Modify All Data grants every object operation; View All Data grants Read and View All. */
    private static String broadGrant(PermissionFile f, Operation operation) {
        if (Boolean.TRUE.equals(f.userPermissions().get(MODIFY_ALL_DATA))) {
            return "Modify All Data";
        }
        if ((operation == Operation.READ || operation == Operation.VIEW_ALL)
                && Boolean.TRUE.equals(f.userPermissions().get(VIEW_ALL_DATA))) {
            return "View All Data";
        }
        return null;
    }

    /** What a listed set of operations grants, with Salesforce's dependencies (Edit implies Read, …). */
    static Set<Operation> closure(Set<Operation> listed) {
        Set<Operation> all = EnumSet.noneOf(Operation.class);
        for (Operation o : listed) {
            all.addAll(o.withRequired());
        }
        return all;
    }

    static Set<FieldOperation> fieldClosure(Set<FieldOperation> listed) {
        Set<FieldOperation> all = EnumSet.noneOf(FieldOperation.class);
        all.addAll(listed);
        if (listed.contains(FieldOperation.EDIT)) {
            all.add(FieldOperation.READ);
        }
        return all;
    }

    /** What a group's muting set takes away: the set and what it lists. */
    private record Muted(String mutingSet, String listed) {
    }

    /** The muting set that takes {@code operation} away from this group member, if any. */
    private static Muted mutedObject(Contributor c, String object, Operation operation) {
        for (PermissionFile m : c.mutings()) {
            Set<Operation> muted = m.objects().get(object);
            if (muted == null) {
                continue;
            }
            for (Operation o : muted) {
                if (o == operation || o.dependents().contains(operation)) {
                    return new Muted(m.fullName(), o.label());
                }
            }
        }
        return null;
    }

    private static Muted mutedField(Contributor c, String field, FieldOperation operation) {
        for (PermissionFile m : c.mutings()) {
            Set<FieldOperation> muted = m.fields().get(field);
            if (muted == null) {
                continue;
            }
            // Muting Read Access takes Edit Access with it.
            if (muted.contains(operation)) {
                return new Muted(m.fullName(), operation.label());
            }
            if (muted.contains(FieldOperation.READ)) {
                return new Muted(m.fullName(), FieldOperation.READ.label());
            }
        }
        return null;
    }

    private static Muted mutedPermission(Contributor c, String permission) {
        for (PermissionFile m : c.mutings()) {
            if (Boolean.TRUE.equals(m.userPermissions().get(permission))) {
                return new Muted(m.fullName(), permission);
            }
        }
        return null;
    }

    /** Collects the evidence from every contributor, then decides. */
    private static final class Tally {
        final Set<String> grantedBy = new LinkedHashSet<>();
        final Set<String> doubts = new LinkedHashSet<>();
        final Set<String> notes = new LinkedHashSet<>();
        final List<Answer.Muting> mutings = new ArrayList<>();
        /** Member sets missing from the metadata, per group: told as one doubt, not one per set. */
        final Map<String, List<String>> missingMembers = new java.util.LinkedHashMap<>();
        boolean mentioned;

        /**
         * Contributors with no usable metadata add a doubt (or, license-blocked, nothing). A group
         * member whose group mutes the permission in question can't contribute it, known or not.
         */
        boolean usable(Contributor c, boolean mutedInGroup) {
            if (c.fit() == LicenseFit.MISMATCH) {
                return false;
            }
            if (c.file() == null && mutedInGroup) {
                return false;
            }
            if (c.file() == null) {
                if (c.kind() == Contributor.Kind.GROUP_MEMBER && c.name().startsWith("(")) {
                    doubts.add("permission set group '" + c.group() + "' is not in the metadata");
                } else if (c.kind() == Contributor.Kind.GROUP_MEMBER) {
                    missingMembers.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c.name());
                } else {
                    doubts.add(c.describe() + " is not in the metadata");
                }
                return false;
            }
            if (c.fit() == LicenseFit.UNKNOWN) {
                doubts.add(c.describe() + " is bound to license '" + c.file().license()
                        + "' and the user's license is unknown");
                return false;
            }
            if (c.fit() == LicenseFit.UNKNOWN_NAME) {
                doubts.add(c.describe() + " is bound to license '" + c.file().license()
                        + "', which may or may not be a permission set license the user holds under another name");
                return false;
            }
            return true;
        }

        void grant(Contributor c, String via, Muted muted) {
            String who = via == null ? c.describe() : c.describe() + " through " + via;
            if (muted != null) {
                notes.add(who + " grants it, but muting permission set '" + muted.mutingSet() + "' of group '"
                        + c.group() + "' mutes " + muted.listed());
                mutings.add(new Answer.Muting(muted.mutingSet(), c.group(), muted.listed()));
                return;
            }
            if (c.file() != null && c.file().activationRequired()) {
                // Session-based sets apply only in sessions that activate them; an integration's API
                // session normally doesn't, so such a grant proves nothing on its own.
                doubts.add(who + " grants it, but only in sessions that activate it (session-based permission set)");
                return;
            }
            if (!c.missingMutings().isEmpty()) {
                doubts.add(who + " grants it, but the group's muting permission set '"
                        + String.join("', '", c.missingMutings()) + "' is not in the metadata and may mute it");
                return;
            }
            grantedBy.add(who);
        }

        Answer answer(String subject, String what, Supplier<Set<String>> knownNames) {
            if (!grantedBy.isEmpty()) {
                return new Answer(Answer.State.GRANTED, List.copyOf(grantedBy), List.of(), List.copyOf(notes),
                        mutings);
            }
            List<String> all = new ArrayList<>();
            if (!mentioned) {
                // Most often a misspelt name: say so first, before what a sparse profile can't tell.
                String near = knownNames == null ? "" : Suggestions.nearest(subject, knownNames.get())
                        .filter(n -> !n.equalsIgnoreCase(subject))
                        .map(n -> " (did you mean '" + n + "'?)").orElse("");
                all.add("no profile or permission set of this user lists " + what + " " + subject
                        + " at all: check the API name" + near + ", or it may be one that is always accessible"
                        + " (required and Name fields have no field-level security)");
            }
            all.addAll(doubts);
            missingMembers.forEach((group, members) -> all.add(missingMembersText(group, members)));
            if (!all.isEmpty()) {
                return new Answer(Answer.State.CANNOT_TELL, List.of(), all, List.copyOf(notes), mutings);
            }
            return new Answer(Answer.State.NOT_GRANTED, List.of(), List.of(), List.copyOf(notes), mutings);
        }

        private static String missingMembersText(String group, List<String> members) {
            if (members.size() == 1) {
                return "permission set '" + members.get(0) + "' in group '" + group + "' is not in the metadata";
            }
            List<String> shown = members.size() <= 3 ? members : members.subList(0, 3);
            String more = members.size() <= 3 ? "" : " and " + (members.size() - 3) + " more";
            return members.size() + " member permission sets of group '" + group + "' are not in the metadata ('"
                    + String.join("', '", shown) + "'" + more + ")";
        }
    }

    /** For tests and reports: the names of everything that counted. */
    Map<String, LicenseFit> contributorFits() {
        Map<String, LicenseFit> m = new java.util.LinkedHashMap<>();
        for (Contributor c : contributors) {
            m.put(c.describe(), c.fit());
        }
        return m;
    }
}
