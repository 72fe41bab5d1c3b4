package dev.sfapi.standin.soql;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The objects and fields the stand-in's SOQL knows: those a user/permission lookup touches, with
 * their API names, types and relationships as the object reference describes them. Names are matched
 * case-insensitively, as SOQL does; results use the canonical spelling.
 */
public final class SObjectCatalog {

    public enum FieldType { ID, REFERENCE, STRING, BOOLEAN, NUMBER, DATETIME }

    /**
     * A field; a REFERENCE has a relationship name and the types it can point to (more than one:
     * polymorphic, reached through the {@code Name} object unless TYPEOF picks a type).
     */
    public record Field(String name, FieldType type, String relationshipName, List<String> referenceTo, int since,
                        boolean userAccessPolicies) {

        public Field(String name, FieldType type, String relationshipName, List<String> referenceTo) {
            this(name, type, relationshipName, referenceTo, 0, false);
        }

        public boolean polymorphic() {
            return referenceTo.size() > 1;
        }

        /** Whether a query at this API version, in an org with or without user access policies, sees it. */
        public boolean visible(int apiMajorVersion, boolean userAccessPoliciesOn) {
            return apiMajorVersion >= since && (userAccessPoliciesOn || !userAccessPolicies);
        }

        /** The field as introduced in API version {@code version}. */
        Field since(int version) {
            return new Field(name, type, relationshipName, referenceTo, version, userAccessPolicies);
        }

        /** A field that exists only where user access policies are enabled. */
        Field withUserAccessPolicies() {
            return new Field(name, type, relationshipName, referenceTo, since, true);
        }
    }

    /**
     * An object. {@code setupObject}: reading it needs View Setup and Configuration (the object
     * reference's "Special Access Rules").
     */
    public record SObject(String name, boolean setupObject, Map<String, Field> fields, Map<String, Field> relationships) {

        public Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
        }

        public Optional<Field> relationship(String name) {
            return Optional.ofNullable(relationships.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** The pseudo-object a polymorphic relationship leads to without TYPEOF. */
    public static final String NAME_OBJECT = "Name";

    private static final Map<String, SObject> OBJECTS = new LinkedHashMap<>();

    static {
        define("User", false,
                id(), string("Username"), string("FirstName"), string("LastName"), string("Name"), string("Email"),
                string("Alias"), bool("IsActive"), string("UserType"), ref("ProfileId", "Profile", "Profile"));
        // The org itself: one row. The plugin reads its id and name for reports and snapshots.
        define("Organization", false,
                id(), string("Name"), bool("IsSandbox"), string("OrganizationType"), string("InstanceName"));
        define("UserLogin", false,
                id(), ref("UserId", "User", "User"), bool("IsFrozen"), bool("IsPasswordLocked"));
        define("Profile", false,
                id(), string("Name"), string("Description"), string("UserType"),
                ref("UserLicenseId", "UserLicense", "UserLicense"));
        define("UserLicense", false,
                id(), string("Name"), string("MasterLabel"), string("LicenseDefinitionKey"), string("Status"),
                number("TotalLicenses"), number("UsedLicenses"));
        define("PermissionSetLicense", false,
                id(), string("DeveloperName"), string("MasterLabel"), string("Status"),
                number("TotalLicenses"), number("UsedLicenses"));
        // IsRevoked: "Reserved for internal use", API 58.0 (object reference of PermissionSetLicenseAssign;
        // the 58.0-era reference called it "whether the permission set license assignment was revoked").
        define("PermissionSetLicenseAssign", false,
                id(), ref("AssigneeId", "Assignee", "User"),
                ref("PermissionSetLicenseId", "PermissionSetLicense", "PermissionSetLicense"),
                bool("IsRevoked").since(58));
        define("PermissionSet", true,
                id(), string("Name"), string("Label"), string("NamespacePrefix"), string("Description"),
                bool("IsOwnedByProfile"), bool("IsCustom"), string("Type"), bool("HasActivationRequired"),
                ref("ProfileId", "Profile", "Profile"),
                ref("LicenseId", "License", "UserLicense", "PermissionSetLicense"),
                ref("PermissionSetGroupId", "PermissionSetGroup", "PermissionSetGroup"));
        define("PermissionSetGroup", true,
                id(), string("DeveloperName"), string("MasterLabel"), string("NamespacePrefix"), string("Description"),
                string("Status"), bool("HasActivationRequired"));
        define("MutingPermissionSet", true,
                id(), string("DeveloperName"), string("MasterLabel"), string("NamespacePrefix"), string("Description"));
        // PermissionSetId is polymorphic: "Refers to: MutingPermissionSet, PermissionSet" (object reference,
        // developer.salesforce.com/docs/platform/object-reference/references/standard-objects/
        // object-permissionsetgroupcomponent.html), so TYPEOF can pick the muting set's fields.
        define("PermissionSetGroupComponent", true,
                id(), ref("PermissionSetGroupId", "PermissionSetGroup", "PermissionSetGroup"),
                ref("PermissionSetId", "PermissionSet", "PermissionSet", "MutingPermissionSet"));
        // Object reference of PermissionSetAssignment: ExpirationDate and IsActive from API 52.0; IsRevoked
        // from 57.0, "available only if user access policies are enabled".
        define("PermissionSetAssignment", true,
                id(), ref("AssigneeId", "Assignee", "User"), ref("PermissionSetId", "PermissionSet", "PermissionSet"),
                ref("PermissionSetGroupId", "PermissionSetGroup", "PermissionSetGroup"), bool("IsActive").since(52),
                field("ExpirationDate", FieldType.DATETIME).since(52),
                bool("IsRevoked").since(57).withUserAccessPolicies());
        define(NAME_OBJECT, false, id(), string("Name"), string("Type"));
    }

    private SObjectCatalog() {
    }

    /** An object by name (case-insensitive); the {@code Name} pseudo-object cannot be queried directly. */
    public static Optional<SObject> object(String name) {
        SObject o = OBJECTS.get(name.toLowerCase(Locale.ROOT));
        return o == null || o.name().equals(NAME_OBJECT) ? Optional.empty() : Optional.of(o);
    }

    static SObject nameObject() {
        return OBJECTS.get(NAME_OBJECT.toLowerCase(Locale.ROOT));
    }

    static SObject require(String name) {
        return Optional.ofNullable(OBJECTS.get(name.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new IllegalStateException("catalog has no " + name));
    }

    private static void define(String name, boolean setup, Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        Map<String, Field> byRelationship = new LinkedHashMap<>();
        for (Field f : fields) {
            byName.put(f.name().toLowerCase(Locale.ROOT), f);
            if (f.relationshipName() != null) {
                byRelationship.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
            }
        }
        OBJECTS.put(name.toLowerCase(Locale.ROOT), new SObject(name, setup, byName, byRelationship));
    }

    private static Field id() {
        return new Field("Id", FieldType.ID, null, List.of());
    }

    private static Field string(String name) {
        return new Field(name, FieldType.STRING, null, List.of());
    }

    private static Field bool(String name) {
        return new Field(name, FieldType.BOOLEAN, null, List.of());
    }

    private static Field number(String name) {
        return new Field(name, FieldType.NUMBER, null, List.of());
    }

    private static Field field(String name, FieldType type) {
        return new Field(name, type, null, List.of());
    }

    private static Field ref(String name, String relationship, String... to) {
        return new Field(name, FieldType.REFERENCE, relationship, Arrays.asList(to));
    }
}
