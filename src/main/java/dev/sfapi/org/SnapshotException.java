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

    private boolean otherUsers;

    /** A sound snapshot that doesn't cover the declaration's users: the user must take a new one. */
    public static SnapshotException forOtherUsers(String message) {
        SnapshotException e = new SnapshotException(message);
        e.otherUsers = true;
        return e;
    }

    /**
     * True when the snapshot is readable but was taken for other users (something to fix in the
     * build); false when the file is missing, unreadable or damaged.
     */
    public boolean isForOtherUsers() {
        return otherUsers;
    }
}
