package dev.sfapi.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a project keeps its metadata when nobody says otherwise, in the order Salesforce tooling uses:
 * <ol>
 *   <li>the {@code packageDirectories[].path} entries of {@code sfdx-project.json};</li>
 *   <li>else {@code force-app/main/default} (an SFDX layout without a project file);</li>
 *   <li>else {@code src} (a Metadata API / Ant migration tool project).</li>
 * </ol>
 */
public final class MetadataDirectories {

    public static final String SFDX_PROJECT_FILE = "sfdx-project.json";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MetadataDirectories() {
    }

    /**
     * The default metadata directories of the project in {@code baseDir}.
     *
     * @throws MetadataException if sfdx-project.json is invalid or names a missing directory, or if
     *                           none of the three places exists
     */
    public static List<Path> of(Path baseDir) throws MetadataException {
        Path projectFile = baseDir.resolve(SFDX_PROJECT_FILE);
        if (Files.isRegularFile(projectFile)) {
            return packageDirectories(projectFile);
        }
        Path sfdx = baseDir.resolve("force-app").resolve("main").resolve("default");
        if (Files.isDirectory(sfdx)) {
            return List.of(sfdx);
        }
        Path src = baseDir.resolve("src");
        if (Files.isDirectory(src)) {
            return List.of(src);
        }
        throw MetadataException.setting(baseDir + ": no metadata found: there is no " + SFDX_PROJECT_FILE
                + ", no force-app/main/default and no src directory. Set sfapi.metadataDirectories (or the"
                + " plugin's <metadataDirectories>) to the folder that holds your profiles/ and permissionsets/.");
    }

    /** The package directories listed in an sfdx-project.json, resolved against its folder. */
    public static List<Path> packageDirectories(Path projectFile) throws MetadataException {
        Path base = projectFile.toAbsolutePath().getParent();
        try (JsonParser p = JSON.createParser(projectFile.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem(projectFile, p.currentTokenLocation(), "the file must hold a JSON object ({ … }).",
                        "See the Salesforce DX project configuration docs for its shape.");
            }
            List<Path> dirs = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("packageDirectories")) {
                    dirs = readPackageDirectories(p, projectFile, base);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw problem(projectFile, p.currentTokenLocation(), "unexpected content after the closing }.",
                        "Remove it.");
            }
            if (dirs == null) {
                throw problem(projectFile, null, "there is no \"packageDirectories\" entry.",
                        "Add \"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}].");
            }
            return List.copyOf(dirs);
        } catch (JsonProcessingException e) {
            throw problem(projectFile, e.getLocation(), "not valid JSON: " + e.getOriginalMessage() + ".",
                    "Fix the JSON there.");
        } catch (IOException e) {
            throw new MetadataException(projectFile + ": cannot read the file (" + e + ").", e);
        }
    }

    private static List<Path> readPackageDirectories(JsonParser p, Path projectFile, Path base)
            throws IOException, MetadataException {
        JsonLocation listAt = p.currentTokenLocation();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw problem(projectFile, listAt, "\"packageDirectories\" must be a list.",
                    "Write it as [{\"path\": \"force-app\", \"default\": true}].");
        }
        List<Path> dirs = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation entryAt = p.currentTokenLocation();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw problem(projectFile, entryAt, "each packageDirectories entry must be an object with a \"path\".",
                        "Write it as {\"path\": \"force-app\"}.");
            }
            String path = null;
            JsonLocation pathAt = entryAt;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("path")) {
                    pathAt = p.currentTokenLocation();
                    if (value != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                        throw problem(projectFile, pathAt, "\"path\" must be a folder name in quotes.",
                                "Write e.g. \"path\": \"force-app\".");
                    }
                    path = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (path == null) {
                throw problem(projectFile, entryAt, "this packageDirectories entry has no \"path\".",
                        "Add \"path\": \"<folder>\".");
            }
            Path dir = base.resolve(path).normalize();
            if (!Files.isDirectory(dir)) {
                throw problem(projectFile, pathAt, "the package directory \"" + path + "\" does not exist ("
                        + dir + ").", "Create it, fix the path, or remove the entry.");
            }
            dirs.add(dir);
        }
        if (dirs.isEmpty()) {
            throw problem(projectFile, listAt, "\"packageDirectories\" is empty.",
                    "List at least one, e.g. [{\"path\": \"force-app\", \"default\": true}].");
        }
        return dirs;
    }

    private static MetadataException problem(Path file, JsonLocation at, String what, String fix) {
        String where = file.toString();
        if (at != null && at.getLineNr() > 0) {
            where += ":" + at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
        }
        // sfdx-project.json is the project's configuration: a mistake in it is the build's to fix.
        return MetadataException.setting(where + ": " + what + " " + fix);
    }
}
