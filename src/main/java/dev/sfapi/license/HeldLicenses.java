package dev.sfapi.license;

import java.util.List;

/**
 * The licenses one user holds: the user license of the profile, plus its permission set licenses.
 *
 * @param userLicense           UserLicense.Name as the profile's {@code <userLicense>} or the org says it;
 *                              null when it could not be found out
 * @param permissionSetLicenses PSL developer names or labels, as assigned
 */
public record HeldLicenses(String userLicense, List<String> permissionSetLicenses) {
    public HeldLicenses {
        permissionSetLicenses = List.copyOf(permissionSetLicenses);
    }
}
