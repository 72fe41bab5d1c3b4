package dev.sfapi.standin.org;

import java.util.List;

/**
 * A permission set group with its member permission sets and muting permission sets (by id), and the
 * aggregate permission set ({@code Type='Group'}) that assignments of the group point to. {@code status}:
 * the recalculation status (Updated, Outdated, Updating, Failed), shown by SOQL's Status and the
 * metadata's {@code <status>} alike.
 */
public record PermissionSetGroup(String id, String fullName, String label, List<String> permissionSetIds,
                                 List<String> mutingPermissionSetIds, String aggregatePermissionSetId,
                                 MetadataDocument metadata, String status) {

    public PermissionSetGroup {
        permissionSetIds = List.copyOf(permissionSetIds);
        mutingPermissionSetIds = List.copyOf(mutingPermissionSetIds);
    }

    public String namespacePrefix() {
        return Names.namespace(fullName);
    }

    public String developerName() {
        return Names.withoutNamespace(fullName);
    }
}
