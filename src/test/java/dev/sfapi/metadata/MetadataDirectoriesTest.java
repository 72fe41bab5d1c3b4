package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataDirectoriesTest {

    @TempDir
    Path base;

    @Test
    void packageDirectoriesOfSfdxProjectJsonComeFirst() throws Exception {
        Files.createDirectories(base.resolve("force-app/main/default"));
        Files.createDirectories(base.resolve("packages/core"));
        Files.createDirectories(base.resolve("src"));
        write("""
                {
                  "packageDirectories": [
                    { "path": "force-app", "default": true, "package": "App", "versionName": "v1" },
                    { "path": "./packages/core", "dependencies": [ { "package": "X" } ] }
                  ],
                  "name": "demo",
                  "sourceApiVersion": "61.0",
                  "plugins": { "nested": { "packageDirectories": "not this one" } }
                }
                """);

        List<Path> dirs = MetadataDirectories.of(base);

        assertEquals(List.of(base.resolve("force-app").toAbsolutePath().normalize(),
                base.resolve("packages/core").toAbsolutePath().normalize()), dirs);
    }

    @Test
    void withoutAProjectFileForceAppMainDefaultIsUsed() throws Exception {
        Files.createDirectories(base.resolve("force-app/main/default"));
        Files.createDirectories(base.resolve("src"));

        assertEquals(List.of(base.resolve("force-app/main/default")), MetadataDirectories.of(base));
    }

    @Test
    void elseSrcIsUsed() throws Exception {
        Files.createDirectories(base.resolve("src"));
        Files.createDirectories(base.resolve("force-app"));

        assertEquals(List.of(base.resolve("src")), MetadataDirectories.of(base));
    }

    @Test
    void noMetadataAnywhereIsAClearError() {
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));

        assertTrue(e.getMessage().contains("no sfdx-project.json, no force-app/main/default and no src"), e.getMessage());
    }

    @Test
    void invalidJsonNamesFileAndLine() throws Exception {
        Files.createDirectories(base.resolve("force-app"));
        write("""
                {
                  "packageDirectories": [
                    { "path": "force-app" },
                  ]
                }
                """);

        MetadataException e = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));

        String m = e.getMessage();
        assertTrue(m.startsWith(base.resolve("sfdx-project.json") + ":4:"), m);
        assertTrue(m.contains("not valid JSON"), m);
        assertTrue(m.contains("Fix the JSON"), m);
    }

    @Test
    void anEntryWithoutPathNamesItsLine() throws Exception {
        Files.createDirectories(base.resolve("force-app"));
        write("""
                {
                  "packageDirectories": [
                    { "path": "force-app" },
                    { "default": true }
                  ]
                }
                """);

        MetadataException e = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));

        assertTrue(e.getMessage().startsWith(base.resolve("sfdx-project.json") + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("has no \"path\""), e.getMessage());
    }

    @Test
    void aMissingPackageDirectoryNamesItsLine() throws Exception {
        write("""
                {"name": "x",
                 "packageDirectories": [{"path": "gone"}]}
                """);

        MetadataException e = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));

        assertTrue(e.getMessage().startsWith(base.resolve("sfdx-project.json") + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("\"gone\" does not exist"), e.getMessage());
    }

    @Test
    void missingOrMisshapenPackageDirectoriesAreErrors() throws Exception {
        write("{\"name\": \"x\"}");
        assertTrue(assertThrows(MetadataException.class, () -> MetadataDirectories.of(base)).getMessage()
                .contains("no \"packageDirectories\""));

        write("{\n\"packageDirectories\": \"force-app\"}");
        MetadataException notAList = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));
        assertTrue(notAList.getMessage().contains(":2:"), notAList.getMessage());
        assertTrue(notAList.getMessage().contains("must be a list"), notAList.getMessage());

        write("{\"packageDirectories\": []}");
        assertTrue(assertThrows(MetadataException.class, () -> MetadataDirectories.of(base)).getMessage()
                .contains("is empty"));

        write("[]");
        assertTrue(assertThrows(MetadataException.class, () -> MetadataDirectories.of(base)).getMessage()
                .contains("must hold a JSON object"));

        write("{\"packageDirectories\": [{\"path\": 3}]}");
        assertTrue(assertThrows(MetadataException.class, () -> MetadataDirectories.of(base)).getMessage()
                .contains("\"path\" must be a folder name"));
    }

    @Test
    void duplicateKeysAreReportedNotSilentlyOverwritten() throws Exception {
        Files.createDirectories(base.resolve("a"));
        write("{\"packageDirectories\": [{\"path\": \"a\"}],\n \"packageDirectories\": [{\"path\": \"b\"}]}");

        MetadataException e = assertThrows(MetadataException.class, () -> MetadataDirectories.of(base));

        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'packageDirectories'"), e.getMessage());
    }

    private void write(String json) throws IOException {
        Files.writeString(base.resolve("sfdx-project.json"), json);
    }
}
