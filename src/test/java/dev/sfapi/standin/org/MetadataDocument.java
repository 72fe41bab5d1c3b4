package dev.sfapi.standin.org;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the XML of one metadata component comes from: a file (usually one of the real files in
 * {@code ../shared/corpus/metadata}) or XML text. The content is a source-format document
 * ({@code <Profile xmlns="http://soap.sforce.com/2006/04/metadata">…</Profile>}); the stand-in
 * re-emits it the way the Metadata API would.
 */
public sealed interface MetadataDocument permits MetadataDocument.File, MetadataDocument.Text {

    InputStream open() throws IOException;

    /** What error messages call it. */
    String describe();

    static MetadataDocument file(Path path) {
        return new File(path);
    }

    static MetadataDocument xml(String description, String xml) {
        return new Text(description, xml);
    }

    record File(Path path) implements MetadataDocument {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    record Text(String description, String xml) implements MetadataDocument {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
