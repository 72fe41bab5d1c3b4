package dev.sfapi.standin.org;

import java.util.List;
import java.util.Map;

/**
 * A user. {@code password} and {@code securityToken} exist only for SOAP login(); they are left out of
 * {@link #toString()} so that a failing assertion never prints them. {@code assignmentStates}: the
 * assignments (by the id of the set, group or permission set license) that expire, were revoked or show
 * inactive; every other assignment is {@link AssignmentState#PLAIN}.
 */
public record User(String id, String username, String firstName, String lastName, String email, boolean active,
                   boolean frozen, String userType, String profileId, List<String> permissionSetIds,
                   List<String> groupIds, List<String> permissionSetLicenseIds, String password,
                   String securityToken, String userLoginId, Map<String, AssignmentState> assignmentStates) {

    public User {
        permissionSetIds = List.copyOf(permissionSetIds);
        groupIds = List.copyOf(groupIds);
        permissionSetLicenseIds = List.copyOf(permissionSetLicenseIds);
        assignmentStates = Map.copyOf(assignmentStates);
    }

    /** How the assignment of this permission set, group or permission set license (by id) stands. */
    public AssignmentState assignment(String targetId) {
        return assignmentStates.getOrDefault(targetId, AssignmentState.PLAIN);
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
