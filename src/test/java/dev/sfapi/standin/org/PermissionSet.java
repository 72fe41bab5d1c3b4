package dev.sfapi.standin.org;

/**
 * A row of SOQL's PermissionSet: a permission set of its own ({@link Type#REGULAR}), the one a profile
 * owns ({@link Type#PROFILE}) or a group's aggregate ({@link Type#GROUP}). {@code fullName} is the
 * Metadata API name, {@code ns__Name} for managed sets; SOQL shows Name and NamespacePrefix apart.
 */
public record PermissionSet(String id, String fullName, String label, Type type, String licenseId, String profileId,
                            String groupId, MetadataDocument metadata) {

    public enum Type {
        REGULAR("Regular"), PROFILE("Profile"), GROUP("Group");

        private final String soqlValue;

        Type(String soqlValue) {
            this.soqlValue = soqlValue;
        }

        /** The value of PermissionSet.Type. */
        public String soqlValue() {
            return soqlValue;
        }
    }

    public String namespacePrefix() {
        return Names.namespace(fullName);
    }

    /** PermissionSet.Name: the name without its namespace. */
    public String developerName() {
        return Names.withoutNamespace(fullName);
    }

    public boolean ownedByProfile() {
        return type == Type.PROFILE;
    }
}
