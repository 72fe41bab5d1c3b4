package dev.sfapi.standin.soql;

import dev.sfapi.standin.org.AssignmentState;
import dev.sfapi.standin.org.Ids;
import dev.sfapi.standin.org.MutingPermissionSet;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.PermissionSet;
import dev.sfapi.standin.org.PermissionSetGroup;
import dev.sfapi.standin.org.PermissionSetLicense;
import dev.sfapi.standin.org.Profile;
import dev.sfapi.standin.org.User;
import dev.sfapi.standin.org.UserLicense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The org model as sObject rows, the way SOQL sees it. Derived rows a real org has are made here:
 * every user gets a PermissionSetAssignment to the profile's own permission set, a group assignment
 * points at the group's aggregate set ({@code Type='Group'}) with PermissionSetGroupId set, and every
 * group has a PermissionSetGroupComponent per member and per muting set. Assignments carry IsActive,
 * ExpirationDate and IsRevoked as the fixture's {@link AssignmentState}s say. The Organization object has
 * its one row (the org id and name).
 */
public final class OrgRecords {

    private final Map<String, List<SRecord>> byType = new LinkedHashMap<>();
    private final Map<String, SRecord> byId = new HashMap<>();

    public OrgRecords(OrgModel org) {
        Ids ids = new Ids();
        Map<String, Integer> usedLicenses = new HashMap<>();
        Map<String, Integer> usedPsls = new HashMap<>();
        for (User u : org.users()) {
            if (u.active()) {
                Profile p = org.get(u.profileId(), Profile.class);
                usedLicenses.merge(p.userLicense().id(), 1, Integer::sum);
                u.permissionSetLicenseIds().forEach(id -> usedPsls.merge(id, 1, Integer::sum));
            }
        }
        add("Organization", org.orgId(), "Name", org.orgName(), "IsSandbox", false,
                "OrganizationType", "Developer Edition", "InstanceName", "STANDIN1");
        for (UserLicense l : org.userLicenses()) {
            add("UserLicense", l.id(), "Name", l.name(), "MasterLabel", l.name(), "LicenseDefinitionKey", l.definitionKey(),
                    "Status", "Active", "TotalLicenses", l.totalLicenses(), "UsedLicenses", usedLicenses.getOrDefault(l.id(), 0));
        }
        for (PermissionSetLicense l : org.permissionSetLicenses()) {
            add("PermissionSetLicense", l.id(), "DeveloperName", l.developerName(), "MasterLabel", l.label(),
                    "Status", "Active", "TotalLicenses", l.totalLicenses(), "UsedLicenses", usedPsls.getOrDefault(l.id(), 0));
        }
        for (Profile p : org.profiles()) {
            add("Profile", p.id(), "Name", p.name(), "Description", null, "UserType", "Standard",
                    "UserLicenseId", p.userLicense().id());
        }
        for (PermissionSet s : org.permissionSets()) {
            add("PermissionSet", s.id(), "Name", s.developerName(), "Label", s.label(), "NamespacePrefix", s.namespacePrefix(),
                    "Description", null, "IsOwnedByProfile", s.ownedByProfile(),
                    "IsCustom", s.type() == PermissionSet.Type.REGULAR && s.namespacePrefix() == null,
                    "Type", s.type().soqlValue(), "HasActivationRequired", false, "ProfileId", s.profileId(),
                    "LicenseId", s.licenseId(), "PermissionSetGroupId", s.groupId());
        }
        for (MutingPermissionSet m : org.mutingPermissionSets()) {
            add("MutingPermissionSet", m.id(), "DeveloperName", m.developerName(), "MasterLabel", m.label(),
                    "NamespacePrefix", m.namespacePrefix(), "Description", null);
        }
        for (PermissionSetGroup g : org.permissionSetGroups()) {
            add("PermissionSetGroup", g.id(), "DeveloperName", g.developerName(), "MasterLabel", g.label(),
                    "NamespacePrefix", g.namespacePrefix(), "Description", null, "Status", g.status(),
                    "HasActivationRequired", false);
            for (String member : g.permissionSetIds()) {
                add("PermissionSetGroupComponent", ids.next("0PH"), "PermissionSetGroupId", g.id(), "PermissionSetId", member);
            }
            for (String muting : g.mutingPermissionSetIds()) {
                add("PermissionSetGroupComponent", ids.next("0PH"), "PermissionSetGroupId", g.id(), "PermissionSetId", muting);
            }
        }
        for (User u : org.users()) {
            add("User", u.id(), "Username", u.username(), "FirstName", u.firstName(), "LastName", u.lastName(),
                    "Name", u.name(), "Email", u.email(), "Alias", alias(u), "IsActive", u.active(),
                    "UserType", u.userType(), "ProfileId", u.profileId());
            add("UserLogin", u.userLoginId(), "UserId", u.id(), "IsFrozen", u.frozen(), "IsPasswordLocked", false);
            Profile p = org.get(u.profileId(), Profile.class);
            assignment(ids, u, p.ownedPermissionSetId(), null, AssignmentState.PLAIN);
            u.permissionSetIds().forEach(ps -> assignment(ids, u, ps, null, u.assignment(ps)));
            for (String groupId : u.groupIds()) {
                assignment(ids, u, org.get(groupId, PermissionSetGroup.class).aggregatePermissionSetId(), groupId,
                        u.assignment(groupId));
            }
            for (String pslId : u.permissionSetLicenseIds()) {
                add("PermissionSetLicenseAssign", ids.next("2Pa"), "AssigneeId", u.id(), "PermissionSetLicenseId", pslId,
                        "IsRevoked", u.assignment(pslId).revoked());
            }
        }
    }

    /**
     * A PermissionSetAssignment row. IsActive follows the user's own active state unless the fixture says
     * otherwise [?: the reference says only "whether the assignment is active"]; ExpirationDate is shown
     * as REST shows a dateTime.
     */
    private void assignment(Ids ids, User u, String permissionSetId, String groupId, AssignmentState state) {
        add("PermissionSetAssignment", ids.next("0Pa"), "AssigneeId", u.id(), "PermissionSetId", permissionSetId,
                "PermissionSetGroupId", groupId, "IsActive", state.active() != null ? state.active() : u.active(),
                "ExpirationDate", state.expirationDate() == null ? null
                        : SoqlEngine.REST_DATETIME.format(state.expirationDate().atOffset(java.time.ZoneOffset.UTC)),
                "IsRevoked", state.revoked());
    }

    private static String alias(User u) {
        String base = (u.firstName().isEmpty() ? "" : u.firstName().substring(0, 1)) + u.lastName();
        return base.length() > 8 ? base.substring(0, 8) : base;
    }

    private void add(String type, String id, Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Id", id);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        SRecord r = new SRecord(type, id, values);
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
        byId.put(id.substring(0, 15), r);
    }

    public List<SRecord> of(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The row with this id (15 or 18 characters), or null. */
    public SRecord byId(String id) {
        return id == null || id.length() < 15 ? null : byId.get(id.substring(0, 15));
    }
}
