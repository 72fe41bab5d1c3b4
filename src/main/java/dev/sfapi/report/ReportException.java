package dev.sfapi.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A report could not be written. The message names the file and says what went wrong in words taken
 * from the kind of failure, never from an exception's message as is (reports must not leak anything
 * they were not meant to print); the original exception stays attached as the cause for debugging.
 */
public class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public ReportException(String message, Path path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file or directory that could not be written. */
    public Path path() {
        return path;
    }

    /** "Cannot write the JUnit XML report to /x/TEST-….xml: access denied. Check that …" */
    static ReportException cannotWrite(String what, Path path, IOException cause) {
        return new ReportException("Cannot write " + what + " to " + path + ": " + describe(cause)
                + ". Check that the directory exists or can be created and is writable.", path, cause);
    }

    /** Plain words for the usual file-system failures; the class name otherwise. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way (it exists and is not a directory)";
        }
        if (e instanceof NotDirectoryException) {
            return "a parent is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            // The OS's own reason ("Is a directory", "No space left on device"), without the path part.
            return fse.getReason();
        }
        return e.getClass().getSimpleName();
    }
}
