package dev.sfapi.check;

import dev.sfapi.metadata.MetadataKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A throw-away metadata folder assembled from real files in ../shared/corpus/metadata (copied byte for
 * byte under their original file names) plus test fixtures, so scenarios can mix what real orgs keep.
 */
final class CorpusProject {

    static final Path CORPUS = Path.of(System.getProperty("sfapi.corpus", "../shared/corpus/metadata"));

    private final Path root;

    CorpusProject(Path root) {
        this.root = root;
    }

    /** Copies a corpus file ("Owner__repo/path__with__profiles__Name.profile-meta.xml") into its folder. */
    CorpusProject corpus(String savedFile) throws IOException {
        Path source = CORPUS.resolve(savedFile);
        String flat = source.getFileName().toString();
        // The original name follows the folder marker; managed names keep their namespace prefix.
        for (MetadataKind kind : MetadataKind.values()) {
            String marker = "__" + kind.folder() + "__";
            int at = flat.lastIndexOf(marker);
            if (at >= 0) {
                return copy(source, kind, flat.substring(at + marker.length()));
            }
        }
        throw new IllegalArgumentException("no metadata folder in " + savedFile);
    }

    /** Copies a test resource from dev/sfapi/scenarios. */
    CorpusProject fixture(String resource) throws IOException {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        MetadataKind kind = MetadataKind.ofFileName(name).orElseThrow();
        Path dir = Files.createDirectories(root.resolve(kind.folder()));
        try (InputStream in = CorpusProject.class.getResourceAsStream("/dev/sfapi/scenarios/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return this;
    }

    private CorpusProject copy(Path source, MetadataKind kind, String fileName) throws IOException {
        Path dir = Files.createDirectories(root.resolve(kind.folder()));
        Files.copy(source, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    Path root() {
        return root;
    }
}
