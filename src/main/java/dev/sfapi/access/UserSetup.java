package dev.sfapi.access;

import java.util.List;

/**
 * Who holds what: one user's profile, license, permission sets, groups and permission set licenses,
 * from the declaration's {@code users} section or from the org.
 *
 * @param username              the Salesforce username
 * @param status                whether the user can log in, as far as the source knows
 * @param profile               the profile's name (label or full name); null when unknown
 * @param userLicense           the user license name when the source knows it directly (the org);
 *                              null means "take the profile's {@code <userLicense>}"
 * @param permissionSets        directly assigned permission set names
 * @param permissionSetGroups   assigned permission set group names
 * @param permissionSetLicenses assigned permission set licenses (developer name or label)
 * @param origin                where this came from, for messages ("sfapi-users.yml:42", "org")
 */
public record UserSetup(String username, Status status, String profile, String userLicense,
                        List<String> permissionSets, List<String> permissionSetGroups,
                        List<String> permissionSetLicenses, String origin) {

    public UserSetup {
        permissionSets = List.copyOf(permissionSets);
        permissionSetGroups = List.copyOf(permissionSetGroups);
        permissionSetLicenses = List.copyOf(permissionSetLicenses);
    }

    /** Whether the user exists and can log in, as far as the source can tell. */
    public enum Status {
        /** Active (or declared, which is taken as active). */
        ACTIVE,
        /** Exists but deactivated: it cannot log in. */
        INACTIVE,
        /** Active but frozen by an admin: it cannot log in. */
        FROZEN,
        /** The org has no user with this username. */
        NOT_FOUND
    }
}
