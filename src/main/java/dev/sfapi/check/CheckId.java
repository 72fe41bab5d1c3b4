package dev.sfapi.check;

/**
 * The checks, with ids that stay stable across releases (reports, suppressions and CI filters use them).
 */
public enum CheckId {
    /** The user's license (with its PSLs) can never grant the operation on the object. */
    LICENSE_DENIES_OBJECT("license-denies-object", Severity.ERROR),
    /** The user's license can never grant a system permission the integration relies on. */
    LICENSE_DENIES_PERMISSION("license-denies-permission", Severity.ERROR),
    /** The license could, but the profile, permission sets and groups (less muting) don't grant it. */
    PERMISSION_MISSING("permission-missing", Severity.ERROR),
    /** No API Enabled in the effective permissions: the integration cannot call any API. */
    API_DISABLED("api-disabled", Severity.ERROR),
    /** An assigned permission set is bound to a license the user doesn't hold; none of its grants count. */
    PERMSET_LICENSE_MISMATCH("permset-license-mismatch", Severity.ERROR),
    /** The declared user doesn't exist (in the org) or has no entry saying who holds what. */
    UNKNOWN_USER("unknown-user", Severity.ERROR),
    /** The user is deactivated. */
    INACTIVE_USER("inactive-user", Severity.ERROR),
    /** The user is frozen. */
    FROZEN_USER("frozen-user", Severity.ERROR),
    /** The metadata doesn't say enough to decide (sparse profile, missing member set): cannot tell. */
    METADATA_INCOMPLETE("metadata-incomplete", Severity.WARNING),
    /** The license catalogue has no confident answer for this license and object or permission. */
    LICENSE_UNVERIFIED("license-unverified", Severity.WARNING),
    /** Several integrations log in as one user. */
    SHARED_USER("shared-user", Severity.WARNING),
    /** A users-section entry that no integration logs in as: nothing checks it. */
    UNUSED_USER("unused-user", Severity.WARNING),
    /** The org says something else than the declaration's users section. */
    DECLARATION_DRIFT("declaration-drift", Severity.WARNING);

    private final String id;
    private final Severity defaultSeverity;

    CheckId(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    /** The stable id: license-denies-object, permission-missing, … */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public String toString() {
        return id;
    }
}
