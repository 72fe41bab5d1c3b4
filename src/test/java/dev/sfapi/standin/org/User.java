package dev.sfapi.standin.org;

import java.util.List;

/**
 * A user. {@code password} and {@code securityToken} exist only for SOAP login(); they are left out of
 * {@link #toString()} so that a failing assertion never prints them.
 */
public record User(String id, String username, String firstName, String lastName, String email, boolean active,
                   boolean frozen, String userType, String profileId, List<String> permissionSetIds,
                   List<String> groupIds, List<String> permissionSetLicenseIds, String password,
                   String securityToken, String userLoginId) {

    public User {
        permissionSetIds = List.copyOf(permissionSetIds);
        groupIds = List.copyOf(groupIds);
        permissionSetLicenseIds = List.copyOf(permissionSetLicenseIds);
    }

    public String name() {
        return firstName == null || firstName.isEmpty() ? lastName : firstName + " " + lastName;
    }

    /** Whether this user may log in at all (SOAP login, OAuth): active and not frozen. */
    public boolean canLogIn() {
        return active && !frozen;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + active + ", frozen=" + frozen
                + ", userType=" + userType + ", profileId=" + profileId + "]";
    }
}
