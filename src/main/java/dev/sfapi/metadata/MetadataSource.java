package dev.sfapi.metadata;

import java.util.Optional;
import java.util.Set;

/**
 * Where Profile, PermissionSet, PermissionSetGroup and MutingPermissionSet metadata comes from: a
 * project's source tree, the org, or a saved snapshot. Lookups accept the name as Salesforce shows it
 * ("Custom: Support Profile", "System Administrator") or the metadata full name
 * ({@code Custom%3A Support Profile}, {@code Admin}); matching is case-insensitive.
 */
public interface MetadataSource {

    /** What this source is, for messages ("metadata in force-app/main/default"). */
    String describe();

    Optional<PermissionFile> profile(String name) throws MetadataException;

    Optional<PermissionFile> permissionSet(String name) throws MetadataException;

    Optional<PermissionSetGroup> permissionSetGroup(String name) throws MetadataException;

    Optional<PermissionFile> mutingPermissionSet(String name) throws MetadataException;

    /** Names available for {@code kind}, for "did you mean" suggestions (full names as Salesforce shows them). */
    Set<String> names(MetadataKind kind) throws MetadataException;
}
