package dev.sfapi.org;

/**
 * A snapshot file can't be read (missing, not JSON, not a snapshot, written by a newer plugin, damaged)
 * or written. The message names the file and says what to do.
 */
public class SnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    private boolean toFix;

    /**
     * A snapshot the build points at wrongly: missing, not a snapshot, written by a newer plugin, or
     * taken for other users. The user must fix the build, unlike a damaged or unreadable file (a fault).
     */
    public static SnapshotException toFix(String message) {
        SnapshotException e = new SnapshotException(message);
        e.toFix = true;
        return e;
    }

    /** True for what {@link #toFix} made; false when the file is unreadable or damaged. */
    public boolean isForTheBuildToFix() {
        return toFix;
    }
}
