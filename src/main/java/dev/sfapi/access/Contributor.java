package dev.sfapi.access;

import dev.sfapi.metadata.PermissionFile;
import java.util.List;

/**
 * One place a user's permissions come from: the profile, a directly assigned permission set, or a
 * member permission set of an assigned group (with that group's muting sets, which act only on the
 * group's own members).
 *
 * @param kind           profile, permission set, or group member
 * @param name           the profile / permission set name as assigned
 * @param file           its metadata; null when the metadata source doesn't have it
 * @param group          for a group member, the group's name; else null
 * @param mutings        for a group member, the group's muting sets that were found
 * @param missingMutings for a group member, the group's muting sets the metadata doesn't have
 * @param fit            whether the user holds the license the set is bound to
 */
record Contributor(Kind kind, String name, PermissionFile file, String group, List<PermissionFile> mutings,
                   List<String> missingMutings, LicenseFit fit) {

    enum Kind { PROFILE, PERMISSION_SET, GROUP_MEMBER }

    Contributor {
        mutings = List.copyOf(mutings);
        missingMutings = List.copyOf(missingMutings);
    }

    static Contributor profile(String name, PermissionFile file) {
        return new Contributor(Kind.PROFILE, name, file, null, List.of(), List.of(), LicenseFit.FITS);
    }

    /** "profile ERP Integration", "permission set ERP_Access", "permission set X in group G". */
    String describe() {
        return switch (kind) {
            case PROFILE -> "profile '" + name + "'";
            case PERMISSION_SET -> "permission set '" + name + "'";
            case GROUP_MEMBER -> "permission set '" + name + "' in group '" + group + "'";
        };
    }
}
