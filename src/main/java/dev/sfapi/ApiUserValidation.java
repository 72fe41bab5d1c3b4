package dev.sfapi;

import dev.sfapi.access.DeclaredSetups;
import dev.sfapi.access.UserSetup;
import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Validator;
import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclarationReader;
import dev.sfapi.declaration.Integration;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.metadata.MetadataDirectories;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.metadata.SourceDirectory;
import dev.sfapi.org.DeclarationDrift;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.OrgAccessReader;
import dev.sfapi.org.OrgClient;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.SnapshotException;
import dev.sfapi.org.SnapshotFile;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlLocation;
import dev.sfapi.yaml.YamlProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    /**
     * The declaration file, with the catalogue additions of its {@code licenses} section applied.
     *
     * @param text the file's text (an anonymized snapshot writes a copy with the usernames replaced); may be null
     */
    public record Inputs(Declaration declaration, LicenseCatalogue catalogue, String text) {

        public Inputs(Declaration declaration, LicenseCatalogue catalogue) {
            this(declaration, catalogue, null);
        }
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
        String text = utf8(file, displayName(file));
        Declaration declaration = new DeclarationReader(builtIn).read(displayName(file), text);
        return new Inputs(declaration, builtIn.withAdditions(declaration.licenses()), text);
    }

    /** The file's text; bytes that aren't UTF-8 are a problem at their line, not a bare decoder message. */
    private static String utf8(Path file, String shown) throws IOException, YamlException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new YamlException(new YamlProblem(new YamlLocation(shown, line, column),
                    "this is not UTF-8 text (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + ").",
                    "Save the file as UTF-8; other encodings (Windows-1252, Latin-1) write accented letters"
                            + " differently."));
        }
    }

    /** Offset of the first byte that doesn't start or continue a valid UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
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
                // "-Dsfapi.metadataDirectories=a, b" arrives with the space: trim each entry.
                : directories.stream().map(p -> baseDirectory.resolve(p.toString().strip())).toList();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                throw MetadataException.setting("The metadata directory " + displayName(root) + " is a file, not a"
                        + " folder. Set sfapi.metadataDirectories to the folder holding profiles/ and permissionsets/"
                        + " (e.g. force-app/main/default or src).");
            }
            if (!Files.isDirectory(root)) {
                throw MetadataException.setting("The metadata directory " + displayName(root) + " does not exist."
                        + nearestFolder(root) + " Set sfapi.metadataDirectories to the folder holding profiles/ and"
                        + " permissionsets/ (e.g. force-app/main/default or src).");
            }
        }
        return new SourceDirectory(roots, filter, baseDirectory);
    }

    /** " Did you mean 'force-app'?" for a folder misspelt beside an existing one, else "". */
    private String nearestFolder(Path missing) {
        Path parent = missing.getParent();
        if (parent == null || !Files.isDirectory(parent) || missing.getFileName() == null) {
            return "";
        }
        List<String> siblings = new ArrayList<>();
        try (Stream<Path> list = Files.list(parent)) {
            list.filter(Files::isDirectory).forEach(p -> siblings.add(p.getFileName().toString()));
        } catch (IOException e) {
            return "";
        }
        return Suggestions.nearest(missing.getFileName().toString(), siblings)
                .map(s -> " Did you mean '" + displayName(parent.resolve(s)) + "'?").orElse("");
    }

    /** Validation from the project's metadata: who holds what comes from the declaration's users section. */
    public ValidationReport validateFromMetadata(Inputs inputs, MetadataSource metadata)
            throws YamlException, MetadataException {
        Map<String, UserSetup> users = DeclaredSetups.resolve(inputs.declaration(), metadata, inputs.catalogue());
        return new Validator(inputs.catalogue()).validate(inputs.declaration(), users, metadata, metadata.describe());
    }

    // ------------------------------------------------------------------ org and snapshot

    /**
     * The users to read from an org: every integration's user, then every entry of the users section
     * (so that drift can be told for all of them), each once, ignoring case.
     */
    public static List<String> usernames(Declaration declaration) {
        List<String> all = new ArrayList<>();
        for (Integration i : declaration.integrations()) {
            all.add(i.user());
        }
        all.addAll(declaration.users().keySet());
        List<String> out = new ArrayList<>();
        for (String u : all) {
            if (out.stream().noneMatch(x -> x.equalsIgnoreCase(u.trim()))) {
                out.add(u.trim());
            }
        }
        return out;
    }

    /** Reads who holds what and their metadata from a connected org. */
    public OrgAccess readOrg(Inputs inputs, OrgClient client) throws OrgException {
        return new OrgAccessReader(client).read(usernames(inputs.declaration()));
    }

    /**
     * Validation from org data (live or a snapshot): the org is the truth about who holds what; where the
     * users section says otherwise, a declaration-drift warning; whatever the org listed but couldn't be
     * read, a metadata-incomplete warning.
     *
     * @param source words for the report ("org Acme (00D…, acme.my.salesforce.com)")
     */
    public ValidationReport validateFromOrg(Inputs inputs, OrgAccess access, String source) throws MetadataException {
        Map<String, UserSetup> users = access.userSetups();
        LicenseCatalogue catalogue = withOrgLicenseNames(inputs.catalogue(), access);
        ValidationReport checked = new Validator(catalogue).validate(inputs.declaration(), users,
                access.metadata(), source);
        List<Finding> general = new ArrayList<>(checked.general());
        general.addAll(DeclarationDrift.compare(inputs.declaration(), access, catalogue));
        for (OrgAccess.Gap gap : access.gaps()) {
            general.add(new Finding(CheckId.METADATA_INCOMPLETE, CheckId.METADATA_INCOMPLETE.defaultSeverity(), null,
                    gap.username(), gap.subject(), null, gap.reason(), gap.fix(),
                    YamlLocation.nowhere(access.org().anonymized() ? "org (anonymized)" : "org " + access.org().orgId())));
        }
        return new ValidationReport(checked.declaration(), checked.source(), checked.integrations(), general);
    }

    /**
     * The catalogue, taught every name the org gives its permission set licenses: a permission set's
     * {@code <license>} may name a PSL by label where the user's assignment names it by developer name,
     * and the org knows both even when the catalogue has no rows for that PSL (its answers stay unknown).
     */
    static LicenseCatalogue withOrgLicenseNames(LicenseCatalogue catalogue, OrgAccess access) {
        LicenseCatalogue out = catalogue;
        for (OrgAccess.LicenseSeats psl : access.permissionSetLicenses()) {
            if (psl.name() == null || psl.name().isBlank()) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            for (String alias : new String[] {psl.label(), psl.key()}) {
                if (alias != null && !alias.isBlank()) {
                    aliases.add(alias);
                }
            }
            LicenseDefinition names = new LicenseDefinition(psl.name(), LicenseDefinition.Kind.PERMISSION_SET_LICENSE,
                    aliases, List.of(), null, List.of(), List.of(), YamlLocation.nowhere("org"));
            try {
                out = out.withAdditions(List.of(names));
            } catch (IllegalArgumentException e) {
                // The org's names match two catalogue licenses, or one that is a user license: the
                // catalogue's own names still hold, so matching stays as it was for this PSL.
            }
        }
        return out;
    }

    /** "org Acme (00D…, acme.my.salesforce.com)", for the report. */
    public static String describeOrg(OrgAccess access) {
        return "org " + access.org().describe();
    }

    /**
     * Reads a snapshot and checks that it covers every user the declaration names.
     *
     * @throws SnapshotException naming the file: missing, damaged, newer format, or taken for other users
     */
    public OrgAccess readSnapshot(Inputs inputs, Path snapshotFile) throws SnapshotException {
        Path file = baseDirectory.resolve(snapshotFile);
        String shown = displayName(file);
        OrgAccess access = SnapshotFile.read(file, shown);
        List<String> missing = access.notCovered(usernames(inputs.declaration()));
        if (!missing.isEmpty()) {
            throw SnapshotException.toFix("The snapshot " + shown + " was taken for other users: it has nothing about '"
                    + String.join("', '", missing) + "', which " + inputs.declaration().source() + " names."
                    + (access.org().anonymized() ? " It is anonymized: validate it with the declaration copy written"
                    + " next to it (" + shown.replaceFirst("\\.json$", "") + ".sfapi-users.yml)." : " Take a new"
                    + " snapshot with 'mvn sfapi:snapshot' after changing the declaration."));
        }
        return access;
    }

    /** "snapshot target/x.json of org Acme (00D…), taken 2026-…", for the report. */
    public String describeSnapshot(Path snapshotFile, OrgAccess access) {
        return "snapshot " + displayName(baseDirectory.resolve(snapshotFile)) + " of org " + access.org().describe()
                + ", taken " + access.org().retrievedAt();
    }

    /** Writes a snapshot of the org data; with {@code anonymize}, also a copy of the declaration to match it. */
    public SnapshotFile.Written writeSnapshot(Inputs inputs, OrgAccess access, Path snapshotFile, boolean anonymize)
            throws SnapshotException {
        return SnapshotFile.write(access, baseDirectory.resolve(snapshotFile), anonymize, inputs.text());
    }

    // ------------------------------------------------------------------ where access data comes from

    /** Where validate-api-users takes who holds what and the metadata from. */
    public enum Source {
        /** The project's metadata source and the declaration's users section. */
        METADATA,
        /** A live org. */
        ORG,
        /** A snapshot file written by the snapshot goal. */
        SNAPSHOT
    }

    /** The source and why, for the log. */
    public record SourceChoice(Source source, String reason) {
    }

    /** The values of {@code sfapi.source}. */
    public static final List<String> SOURCE_VALUES = List.of("auto", "metadata", "org", "snapshot");

    /**
     * Chooses the source. {@code auto} (or nothing): a snapshot when one is named, else the org when one is
     * configured (a settings.xml server or a credential), else the project's metadata. An explicit value
     * is obeyed, and contradictions are refused rather than guessed around.
     *
     * @param requested      the value of sfapi.source, may be null
     * @param snapshotGiven  whether sfapi.snapshot names a file
     * @param orgConfigured  whether sfapi.serverId or a credential is set
     * @throws IllegalArgumentException for an unknown value, or "snapshot" without a snapshot file
     */
    public static SourceChoice chooseSource(String requested, boolean snapshotGiven, boolean orgConfigured) {
        String value = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(java.util.Locale.ROOT);
        switch (value) {
            case "metadata":
                return new SourceChoice(Source.METADATA, "sfapi.source=metadata");
            case "org":
                return new SourceChoice(Source.ORG, "sfapi.source=org" + (snapshotGiven ? "; sfapi.snapshot is ignored"
                        : ""));
            case "snapshot":
                if (!snapshotGiven) {
                    throw new IllegalArgumentException("sfapi.source is 'snapshot', but sfapi.snapshot names no file."
                            + " Set -Dsfapi.snapshot=target/sfapi-snapshot.json (written by mvn sfapi:snapshot).");
                }
                return new SourceChoice(Source.SNAPSHOT, "sfapi.source=snapshot");
            case "auto":
                if (snapshotGiven) {
                    return new SourceChoice(Source.SNAPSHOT, "sfapi.snapshot is set"
                            + (orgConfigured ? "; the org settings are not used" : ""));
                }
                if (orgConfigured) {
                    return new SourceChoice(Source.ORG, "org credentials are configured");
                }
                return new SourceChoice(Source.METADATA, "no org is configured and no snapshot is named");
            default:
                throw new IllegalArgumentException("sfapi.source is '" + requested + "', which is not a source. "
                        + dev.sfapi.yaml.Suggestions.didYouMean(requested, SOURCE_VALUES, "Expected one of: "
                        + String.join(", ", SOURCE_VALUES) + "."));
        }
    }
}
