package dev.sfapi.standin.org;

import java.time.Instant;

/**
 * How one of a user's assignments (a permission set, a group or a permission set license) stands, as
 * the PermissionSetAssignment / PermissionSetLicenseAssign row shows it.
 *
 * @param expirationDate PermissionSetAssignment.ExpirationDate; null: it never expires
 * @param revoked        IsRevoked: a user access policy revoked it (the row stays, it grants nothing)
 * @param active         PermissionSetAssignment.IsActive; null: as the user is active (what the row
 *                       shows for an ordinary assignment [?: the reference says only "whether the
 *                       assignment is active"])
 */
public record AssignmentState(Instant expirationDate, boolean revoked, Boolean active) {

    /** An ordinary assignment: no expiry, not revoked, active as its user. */
    public static final AssignmentState PLAIN = new AssignmentState(null, false, null);

    public AssignmentState expires(Instant at) {
        return new AssignmentState(at, revoked, active);
    }

    public AssignmentState revoke() {
        return new AssignmentState(expirationDate, true, active);
    }

    public AssignmentState active(boolean isActive) {
        return new AssignmentState(expirationDate, revoked, isActive);
    }
}
