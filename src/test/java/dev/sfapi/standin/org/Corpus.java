package dev.sfapi.standin.org;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the shared corpus of real metadata files ({@code ../shared/corpus/metadata}). Surefire passes
 * its location as the system property {@code sfapi.corpus}; elsewhere (an invoker IT's groovy script,
 * an IDE) the directory is found by walking up from a starting directory.
 */
public final class Corpus {

    public static final String PROPERTY = "sfapi.corpus";

    private Corpus() {
    }

    /** The corpus directory, from the system property or by walking up from the working directory. */
    public static Path directory() {
        return directory(Paths.get("").toAbsolutePath());
    }

    /** The corpus directory, from the system property or by walking up from {@code start}. */
    public static Path directory(Path start) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/metadata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the metadata corpus: set -D" + PROPERTY
                + "=<dir> or run below a directory that has shared/corpus/metadata (searched upwards from " + start + ")");
    }

    /** A corpus file, e.g. {@code file("Epic-ATS__NightlyBackup/force-app__main__default__profiles__Admin.profile-meta.xml")}. */
    public static MetadataDocument file(String relative) {
        return fileIn(directory(), relative);
    }

    static MetadataDocument fileIn(Path corpusDir, String relative) {
        Path p = corpusDir.resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such corpus file: " + relative + " (in " + corpusDir + ")");
        }
        return MetadataDocument.file(p);
    }
}
