package dev.sfapi;

import dev.sfapi.access.DeclaredSetups;
import dev.sfapi.access.UserSetup;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Validator;
import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclarationReader;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.metadata.MetadataDirectories;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.metadata.SourceDirectory;
import dev.sfapi.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole job of {@code validate-api-users} without Maven: read the declaration, find out who holds
 * what and their metadata, run the checks. The mojo adds parameters, logging and the build verdict.
 */
public final class ApiUserValidation {

    private final Path baseDirectory;

    /** @param baseDirectory the project directory; relative paths are resolved against it */
    public ApiUserValidation(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /** The declaration file, with the catalogue additions of its {@code licenses} section applied. */
    public record Inputs(Declaration declaration, LicenseCatalogue catalogue) {
    }

    /**
     * Reads and checks the declaration's shape.
     *
     * @throws NoSuchFileException when the file doesn't exist (the caller tells the user how to create it)
     * @throws YamlException       for every mistake in it, with line and column
     */
    public Inputs readDeclaration(Path declarationFile) throws IOException, YamlException {
        Path file = baseDirectory.resolve(declarationFile);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        LicenseCatalogue builtIn = LicenseCatalogue.builtIn();
        // Messages name the file as the user wrote it, relative to the project, so CI logs stay short.
        Declaration declaration = new DeclarationReader(builtIn).read(displayName(file),
                Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        return new Inputs(declaration, builtIn.withAdditions(declaration.licenses()));
    }

    /** A path as shown in messages: relative to the project directory when inside it. */
    public String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    /**
     * The project's own metadata: the given directories, or the package directories of
     * {@code sfdx-project.json}, else {@code force-app/main/default}, else {@code src}.
     */
    public SourceDirectory metadataSource(List<Path> directories) throws MetadataException {
        return metadataSource(directories, dev.sfapi.metadata.PermissionFilter.ALL);
    }

    /**
     * As {@link #metadataSource(List)}, keeping only what {@code declaration} asks about: big orgs'
     * profiles list thousands of fields, and memory then stays flat in their size.
     */
    public SourceDirectory metadataSource(List<Path> directories, Declaration declaration) throws MetadataException {
        return metadataSource(directories, filterFor(declaration));
    }

    /** The objects and fields the declaration's integrations touch. */
    public static dev.sfapi.metadata.PermissionFilter filterFor(Declaration declaration) {
        java.util.Set<String> objects = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        java.util.Set<String> fields = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (dev.sfapi.declaration.Integration i : declaration.integrations()) {
            i.objects().forEach(o -> objects.add(o.object()));
            i.fields().forEach(f -> fields.add(f.qualifiedName()));
        }
        return dev.sfapi.metadata.PermissionFilter.only(objects, fields);
    }

    private SourceDirectory metadataSource(List<Path> directories, dev.sfapi.metadata.PermissionFilter filter)
            throws MetadataException {
        List<Path> roots = directories == null || directories.isEmpty()
                ? MetadataDirectories.of(baseDirectory)
                : directories.stream().map(baseDirectory::resolve).toList();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new MetadataException("The metadata directory " + root + " does not exist. Set sfapi.metadataDirectories"
                        + " to the folder holding profiles/ and permissionsets/ (e.g. force-app/main/default or src).");
            }
        }
        return new SourceDirectory(roots, filter, baseDirectory);
    }

    /** Validation from the project's metadata: who holds what comes from the declaration's users section. */
    public ValidationReport validateFromMetadata(Inputs inputs, MetadataSource metadata)
            throws YamlException, MetadataException {
        Map<String, UserSetup> users = DeclaredSetups.resolve(inputs.declaration(), metadata, inputs.catalogue());
        return new Validator(inputs.catalogue()).validate(inputs.declaration(), users, metadata, metadata.describe());
    }
}
