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
 * @param status               the org's recalculation status ({@code Updated}, {@code Outdated},
 *                             {@code Updating}, {@code Failed}) when read from an org with readMetadata;
 *                             null otherwise (a file's {@code <status>} says nothing about an org now)
 */
public record PermissionSetGroup(String fullName, String label, List<String> permissionSets,
                                 List<String> mutingPermissionSets, String origin, String status) {

    /** The status the metadata shows once Salesforce has recalculated the group's permissions. */
    public static final String UPDATED = "Updated";

    public PermissionSetGroup {
        permissionSets = List.copyOf(permissionSets);
        mutingPermissionSets = List.copyOf(mutingPermissionSets);
    }

    /** A group without a status (from a source tree, or built from PermissionSetGroupComponent). */
    public PermissionSetGroup(String fullName, String label, List<String> permissionSets,
                              List<String> mutingPermissionSets, String origin) {
        this(fullName, label, permissionSets, mutingPermissionSets, origin, null);
    }
}
