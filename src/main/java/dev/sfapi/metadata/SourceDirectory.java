package dev.sfapi.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The metadata in a project's own source tree: one or more directories (package directories, or a
 * Metadata API {@code src} folder) holding {@code *.profile-meta.xml}, {@code *.permissionset}, … in
 * either format, mixed freely.
 *
 * <p>On first use the directories are walked once and files are indexed by kind and name, without
 * opening them; a file is parsed only when it is looked up, and the result is cached. Hidden
 * directories ({@code .git}, {@code .sfdx}, …) and {@code node_modules} are not walked.
 *
 * <p>Lookups are case-insensitive. Profiles are found by the name Salesforce shows ("System
 * Administrator", "Custom: Support Profile") or by full name ({@code Admin},
 * {@code Custom%3A Support Profile}), see {@link ProfileNames}; permission sets, groups and muting
 * sets by API name. Two files defining the same component make its lookup fail with both paths.
 */
public final class SourceDirectory implements MetadataSource {

    private final List<Path> roots;
    private final MetadataReader reader;
    private final Path displayBase;

    private Map<MetadataKind, Map<String, List<Path>>> index;
    private final Map<Path, PermissionFile> parsedFiles = new HashMap<>();
    private final Map<Path, PermissionSetGroup> parsedGroups = new HashMap<>();

    /** All entries of every file are kept. */
    public SourceDirectory(List<Path> roots) {
        this(roots, PermissionFilter.ALL);
    }

    /** Only the object and field entries {@code filter} accepts are kept (memory stays small). */
    public SourceDirectory(List<Path> roots, PermissionFilter filter) {
        this(roots, filter, null);
    }

    /**
     * As above; {@link #describe()} shows the roots relative to {@code displayBase} (the project
     * directory) so that messages in a CI log stay short.
     */
    public SourceDirectory(List<Path> roots, PermissionFilter filter, Path displayBase) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one metadata directory is needed");
        }
        this.roots = List.copyOf(roots);
        this.reader = new MetadataReader(filter);
        this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
    }

    public static SourceDirectory of(Path... roots) {
        return new SourceDirectory(List.of(roots));
    }

    public List<Path> roots() {
        return roots;
    }

    @Override
    public String describe() {
        return "metadata in " + roots.stream().map(this::display).collect(Collectors.joining(", "));
    }

    private String display(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (displayBase != null && abs.startsWith(displayBase) && !abs.equals(displayBase)) {
            return displayBase.relativize(abs).toString();
        }
        return root.toString();
    }

    @Override
    public synchronized Optional<PermissionFile> profile(String name) throws MetadataException {
        return permissionFile(MetadataKind.PROFILE, name);
    }

    @Override
    public synchronized Optional<PermissionFile> permissionSet(String name) throws MetadataException {
        return permissionFile(MetadataKind.PERMISSION_SET, name);
    }

    @Override
    public synchronized Optional<PermissionFile> mutingPermissionSet(String name) throws MetadataException {
        return permissionFile(MetadataKind.MUTING_PERMISSION_SET, name);
    }

    @Override
    public synchronized Optional<PermissionSetGroup> permissionSetGroup(String name) throws MetadataException {
        Optional<Path> file = fileOf(MetadataKind.PERMISSION_SET_GROUP, name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        PermissionSetGroup group = parsedGroups.get(file.get());
        if (group == null) {
            group = reader.readGroup(file.get());
            parsedGroups.put(file.get(), group);
        }
        return Optional.of(group);
    }

    /**
     * Names of every component of {@code kind}, as Salesforce shows them (profile labels such as
     * "System Administrator"; API names for the others), sorted case-insensitively.
     */
    @Override
    public synchronized Set<String> names(MetadataKind kind) throws MetadataException {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (List<Path> files : index().get(kind).values()) {
            for (Path file : files) {
                String fullName = kind.fullNameOf(file.getFileName().toString());
                names.add(kind == MetadataKind.PROFILE ? ProfileNames.label(fullName) : fullName);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * The file that defines a component, found as the lookups find it.
     *
     * @throws MetadataException if two files define it, or the directories cannot be walked
     */
    public synchronized Optional<Path> fileOf(MetadataKind kind, String name) throws MetadataException {
        List<Path> files = index().get(kind).get(key(kind, name));
        if (files == null) {
            return Optional.empty();
        }
        if (files.size() > 1) {
            throw new MetadataException("The " + kind.label() + " '" + name + "' is defined by " + files.size()
                    + " files: " + files.stream().map(Path::toString).sorted().collect(Collectors.joining(" and "))
                    + ". Salesforce keeps one " + kind.label() + " per name, so sfapi cannot tell which one is"
                    + " meant. Delete or move all but one (a project holds either the source-format"
                    + " *-meta.xml file or the Metadata API-format file, not both).");
        }
        Path file = files.get(0);
        if (kind == MetadataKind.PERMISSION_SET) {
            rejectDecomposed(file);
        }
        return Optional.of(file);
    }

    private Optional<PermissionFile> permissionFile(MetadataKind kind, String name) throws MetadataException {
        Optional<Path> file = fileOf(kind, name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        PermissionFile parsed = parsedFiles.get(file.get());
        if (parsed == null) {
            parsed = reader.readPermissions(file.get());
            parsedFiles.put(file.get(), parsed);
        }
        return Optional.of(parsed);
    }

    private static String key(MetadataKind kind, String name) {
        if (kind == MetadataKind.PROFILE) {
            return ProfileNames.key(name);
        }
        return MetadataReader.withoutNamespaceToken(name.trim()).toLowerCase(Locale.ROOT);
    }

    /**
     * A permission set stored "decomposed" (sfdx-project.json sourceBehaviorOptions
     * decomposePermissionSetBeta / Beta2) keeps only simple fields in its main file and its object,
     * field and user permissions in sibling files. Judging it from the main file alone would report
     * permissions as missing that the set grants, so it is refused instead.
     */
    private static void rejectDecomposed(Path file) throws MetadataException {
        Path folder = file.getParent();
        String fullName = MetadataKind.PERMISSION_SET.fullNameOf(file.getFileName().toString());
        if (folder == null || folder.getFileName() == null || !folder.getFileName().toString().equals(fullName)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().equals(file.getFileName())) {
                    throw new MetadataException(file + ": the permission set " + fullName + " is stored decomposed"
                            + " into several files in " + folder + " (sourceBehaviorOptions"
                            + " decomposePermissionSetBeta). sfapi reads whole permission set files only, and the"
                            + " main file alone lacks the set's permissions. Validate against the org instead, or"
                            + " point the metadata directory at a copy retrieved without decomposition.");
                }
            }
        } catch (IOException e) {
            throw new MetadataException(folder + ": cannot list the folder (" + e + ").", e);
        }
    }

    private Map<MetadataKind, Map<String, List<Path>>> index() throws MetadataException {
        if (index == null) {
            index = buildIndex();
        }
        return index;
    }

    private Map<MetadataKind, Map<String, List<Path>>> buildIndex() throws MetadataException {
        Map<MetadataKind, Map<String, List<Path>>> byKind = new EnumMap<>(MetadataKind.class);
        for (MetadataKind kind : MetadataKind.values()) {
            byKind.put(kind, new HashMap<>());
        }
        // Overlapping directories (force-app and force-app/main) must not make one file look like two.
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new MetadataException(root + ": metadata directory not found. Check the metadata directory"
                        + " setting (or sfdx-project.json packageDirectories) and that the path exists.");
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
                        return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(".") || !attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        MetadataKind.ofFileName(name).ifPresent(kind -> {
                            String fullName = kind.fullNameOf(name);
                            if (!fullName.isEmpty() && seen.add(file.toAbsolutePath().normalize())) {
                                byKind.get(kind).computeIfAbsent(key(kind, fullName), k -> new ArrayList<>(1))
                                        .add(file);
                            }
                        });
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new MetadataException(root + ": cannot read the metadata directory (" + cause
                        + "). Check that it and the folders in it are readable.", cause);
            }
        }
        return byKind;
    }
}
