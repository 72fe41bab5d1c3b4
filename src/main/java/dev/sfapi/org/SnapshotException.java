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
}
