package dev.sfapi.metadata;

/**
 * Metadata could not be read: a file is not well-formed XML, not the type its name says, or the org
 * refused. The message names the file (and line) and says what to do.
 */
public class MetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }

    private boolean setting;

    /** The metadata directories are set to something that isn't one (missing, a file): the build's to fix. */
    public static MetadataException setting(String message) {
        MetadataException e = new MetadataException(message);
        e.setting = true;
        return e;
    }

    /** True for {@link #setting}; false when files exist but can't be read or understood. */
    public boolean isSetting() {
        return setting;
    }
}
