package dev.sfapi.access;

/** Whether a user holds the license a permission set is bound to. */
public enum LicenseFit {
    /** Not bound to a license, or the user holds it (as user license or PSL). */
    FITS,
    /** Bound to a license the user doesn't hold: Salesforce refuses the assignment; nothing counts. */
    MISMATCH,
    /** Bound to a license, but the user's own license is not known. */
    UNKNOWN,
    /**
     * Bound to a license the catalogue doesn't know by that name, and the user holds a PSL the catalogue
     * doesn't know either: it may be the same PSL under its label or developer name.
     */
    UNKNOWN_NAME
}
