package dev.sfapi.metadata;

import java.util.List;

/**
 * A permission set group: its member permission sets and the muting permission set that takes
 * permissions away from those members (and only from them).
 *
 * @param fullName             developer name
 * @param label                label, may be null
 * @param permissionSets       member permission set names
 * @param mutingPermissionSets muting permission set names (Salesforce allows one; the file format a list)
 * @param origin               where it was read from
 */
public record PermissionSetGroup(String fullName, String label, List<String> permissionSets,
                                 List<String> mutingPermissionSets, String origin) {
    public PermissionSetGroup {
        permissionSets = List.copyOf(permissionSets);
        mutingPermissionSets = List.copyOf(mutingPermissionSets);
    }
}
