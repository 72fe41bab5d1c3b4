package dev.sfapi.declaration;

import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.YamlLocation;
import java.util.List;

/**
 * The {@code users} section's statement of who holds what, used when no org is connected (and compared
 * with the org when one is).
 *
 * @param username              the Salesforce username
 * @param profile               the profile, as Setup shows its name ("Custom: Support Profile") or its
 *                              metadata full name; null when not stated
 * @param permissionSets        permission set API names
 * @param permissionSetGroups   permission set group API names
 * @param permissionSetLicenses permission set licenses, by developer name or label
 * @param location              where the user's entry starts
 */
public record DeclaredUser(String username, Located<String> profile, List<Located<String>> permissionSets,
                           List<Located<String>> permissionSetGroups, List<Located<String>> permissionSetLicenses,
                           YamlLocation location) {
    public DeclaredUser {
        permissionSets = List.copyOf(permissionSets);
        permissionSetGroups = List.copyOf(permissionSetGroups);
        permissionSetLicenses = List.copyOf(permissionSetLicenses);
    }
}
