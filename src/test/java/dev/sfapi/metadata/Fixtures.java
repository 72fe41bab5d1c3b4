package dev.sfapi.metadata;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates test fixture folders under src/test/resources/dev/sfapi/metadata. */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path reader(String file) {
        return dir("reader").resolve(file);
    }

    static Path broken(String file) {
        return dir("broken").resolve(file);
    }

    /** The real-metadata corpus: system property sfapi.corpus (set by surefire), else ../shared/corpus/metadata. */
    static Path corpus() {
        String configured = System.getProperty("sfapi.corpus");
        return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/corpus/metadata");
    }
}
