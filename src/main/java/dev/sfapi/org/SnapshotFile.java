package dev.sfapi.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sfapi.access.UserSetup;
import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Saves an {@link OrgAccess} to a JSON file and reads it back, so that validation can run with no org
 * (in a build without credentials, or to share a failing case).
 *
 * <h2>Format</h2>
 * A JSON object with {@code "format": "sfapi-org-snapshot"} and {@code "formatVersion": 2}; then the org
 * (id, name, instance host, API version, time taken, whether anonymized), the requested usernames, each
 * user with status, profile, license, permission sets, groups and permission set licenses, the org's user
 * licenses and permission set licenses with seat counts, and the metadata in the plugin's own model
 * (object → operations as the declaration's keywords, field → read/edit, system permission → enabled,
 * and whether a profile's absences prove "not granted"), and each group's PermissionSetGroup metadata
 * with its recalculation status. Fields a later version adds within the same format version are ignored
 * by older readers; a higher format version is refused with what to do.
 *
 * <h2>Versions</h2>
 * 2 added {@code permissionSetGroupMetadata} (and {@code status} on groups), and every profile in it is
 * complete. Version 1 files are still read: their profiles were all read whole with readMetadata, so a
 * profile version 1 marked partial (a guard since dropped) is read as complete; their groups' status was
 * never checked, which each group's gap says.
 *
 * <p>A snapshot never holds a credential: none is in an {@link OrgAccess}, and the text is checked
 * against the {@link Redactor}'s patterns before it is written.
 */
public final class SnapshotFile {

    public static final String FORMAT = "sfapi-org-snapshot";
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SnapshotFile() {
    }

    /**
     * What was written.
     *
     * @param file              the snapshot
     * @param declarationCopy   with anonymize: the declaration rewritten with the placeholders, else null
     * @param usernames         original username → what the snapshot calls it (itself when not anonymized)
     */
    public record Written(Path file, Path declarationCopy, Map<String, String> usernames) {
    }

    /**
     * Writes the snapshot (replacing the file atomically where the file system allows).
     *
     * @param anonymize       replace usernames, ids, org name and host by placeholders
     * @param declarationText the declaration's text, rewritten next to the snapshot when anonymizing
     *                        ({@code <snapshot name>.sfapi-users.yml}); may be null
     */
    public static Written write(OrgAccess access, Path file, boolean anonymize, String declarationText)
            throws SnapshotException {
        Anonymizer anonymizer = anonymize ? new Anonymizer(access) : null;
        Snapshot snapshot = toSnapshot(access, anonymizer);
        String json;
        try {
            json = JSON.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new SnapshotException("Cannot write the snapshot " + file + ": " + e.getOriginalMessage(), e);
        }
        if (!Redactor.scrub(json).equals(json)) {
            // Belt and braces: nothing in an OrgAccess is a credential, but a file on disk is forever.
            throw new SnapshotException("The snapshot for " + file + " would contain text that looks like a credential"
                    + " (a session id, token or key), so it was not written. Please report this as a bug.");
        }
        Path declarationCopy = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            writeAtomically(file, json);
            if (anonymizer != null && declarationText != null) {
                declarationCopy = dir.resolve(baseName(file) + ".sfapi-users.yml");
                writeAtomically(declarationCopy, "# " + FORMAT + ": " + file.getFileName() + " with usernames replaced"
                        + " by the snapshot's placeholders\n" + anonymizer.declaration(declarationText));
            }
        } catch (IOException e) {
            throw new SnapshotException("Cannot write the snapshot " + file + ": " + e + ". Check that the directory"
                    + " is writable, or set sfapi.snapshotFile to another path.", e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String u : access.requestedUsernames()) {
            names.put(u, anonymizer == null ? u : anonymizer.username(u));
        }
        return new Written(file, declarationCopy, names);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase().endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /**
     * Reads a snapshot.
     *
     * @param shownAs the file as messages name it (relative to the project)
     */
    public static OrgAccess read(Path file, String shownAs) throws SnapshotException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SnapshotException.toFix("The snapshot " + shownAs + " does not exist. Take one with 'mvn sfapi:snapshot'"
                    + " (it writes target/sfapi-snapshot.json), or point sfapi.snapshot at the file.");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw SnapshotException.toFix("The snapshot " + shownAs + " is a directory. Point sfapi.snapshot at"
                        + " the file 'mvn sfapi:snapshot' wrote (target/sfapi-snapshot.json by default).");
            }
            throw new SnapshotException("Cannot read the snapshot " + shownAs + ": " + e + ".", e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SnapshotException("The snapshot " + shownAs + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + parserText(e) + "). It is damaged; take a new one with 'mvn sfapi:snapshot'.", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw SnapshotException.toFix("The file " + shownAs + " is not an sfapi snapshot (it has no \"format\": \""
                    + FORMAT + "\"). Point sfapi.snapshot at a file written by 'mvn sfapi:snapshot'.");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.canConvertToInt() || version.asInt() < 1) {
            throw new SnapshotException("The snapshot " + shownAs + " has no valid formatVersion. It is damaged; take a"
                    + " new one with 'mvn sfapi:snapshot'.");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw SnapshotException.toFix("The snapshot " + shownAs + " has format version " + version.asInt()
                    + ", written by a newer sfapi-maven-plugin; this one reads version " + FORMAT_VERSION + ". Use"
                    + " the plugin version that wrote it, or take the snapshot again with this one.");
        }
        Snapshot s;
        try {
            s = JSON.treeToValue(root, Snapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SnapshotException("The snapshot " + shownAs + " is damaged: " + message(e) + ". Take a new one"
                    + " with 'mvn sfapi:snapshot'.", e);
        }
        try {
            return fromSnapshot(s, shownAs);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new SnapshotException("The snapshot " + shownAs + " is damaged: " + message(e) + ". Take a new one"
                    + " with 'mvn sfapi:snapshot'.", e);
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException j ? parserText(j) : String.valueOf(e.getMessage());
    }

    /** Jackson's text without its "(start marker at [Source: …; line: 1, column: 63])" internals. */
    private static String parserText(JsonProcessingException e) {
        String text = String.valueOf(e.getOriginalMessage());
        return text.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").strip();
    }

    // ------------------------------------------------------------------ the file's shape

    record Snapshot(String format, int formatVersion, String writtenBy, Org org, List<String> requestedUsernames,
                    List<User> users, List<Seats> userLicenses, List<Seats> permissionSetLicenses,
                    Map<String, String> profileLabels, List<Permissions> profiles, List<Permissions> permissionSets,
                    List<Group> permissionSetGroups, List<Permissions> mutingPermissionSets, List<GapEntry> gaps,
                    List<Group> permissionSetGroupMetadata) {
    }

    record Org(String id, String name, String instanceHost, String apiVersion, String retrievedAt,
               boolean anonymized) {
    }

    record User(String username, String id, String status, String userType, String profile, String profileFullName,
                String userLicense, String userLicenseKey, List<String> permissionSets,
                List<String> permissionSetGroups, List<String> permissionSetLicenses) {
    }

    record Seats(String name, String key, String label, int total, int used) {
    }

    record Permissions(String fullName, String label, String license, String completeness, String origin,
                       Map<String, List<String>> objects, Map<String, List<String>> fields,
                       Map<String, Boolean> userPermissions, Boolean activationRequired) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(String fullName, String label, List<String> permissionSets, List<String> mutingPermissionSets,
                 String origin, String status) {
    }

    record GapEntry(String username, String subject, String reason, String fix) {
    }

    private static Snapshot toSnapshot(OrgAccess a, Anonymizer anon) {
        OrgAccess.OrgInfo o = a.org();
        Org org = new Org(anon == null ? o.orgId() : Anonymizer.ORG_ID,
                anon == null ? o.orgName() : Anonymizer.ORG_NAME,
                anon == null ? o.instanceHost() : Anonymizer.HOST, o.apiVersion(), o.retrievedAt().toString(),
                o.anonymized() || anon != null);
        List<String> requested = a.requestedUsernames().stream().map(u -> anon == null ? u : anon.username(u)).toList();
        List<User> users = new ArrayList<>();
        for (OrgAccess.OrgUser u : a.users()) {
            users.add(new User(anon == null ? u.username() : anon.username(u.username()),
                    anon == null ? u.id() : anon.id(u.id()), u.status().name(), u.userType(), u.profile(),
                    u.profileFullName(), u.userLicense(), u.userLicenseKey(), u.permissionSets(),
                    u.permissionSetGroups(), u.permissionSetLicenses()));
        }
        OrgMetadata m = a.metadata();
        List<GapEntry> gaps = a.gaps().stream().map(g -> new GapEntry(anon == null ? g.username()
                : anon.username(g.username()), g.subject(), anon == null ? g.reason() : anon.text(g.reason()),
                g.fix())).toList();
        return new Snapshot(FORMAT, FORMAT_VERSION, "sfapi-maven-plugin", org, requested, users,
                seats(a.userLicenses()), seats(a.permissionSetLicenses()), new TreeMap<>(m.profileLabels()),
                permissions(m.profiles(), anon), permissions(m.permissionSets(), anon), groups(m.groups(), anon),
                permissions(m.mutingPermissionSets(), anon), gaps, groups(m.groupMetadata(), anon));
    }

    private static List<Seats> seats(List<OrgAccess.LicenseSeats> seats) {
        return seats.stream().map(s -> new Seats(s.name(), s.key(), s.label(), s.total(), s.used())).toList();
    }

    private static List<Permissions> permissions(List<PermissionFile> files, Anonymizer anon) {
        List<Permissions> out = new ArrayList<>();
        for (PermissionFile f : files) {
            Map<String, List<String>> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            f.objects().forEach((k, v) -> objects.put(k, v.stream().map(Operation::keyword).toList()));
            Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            f.fields().forEach((k, v) -> fields.put(k, v.stream().map(FieldOperation::keyword).toList()));
            out.add(new Permissions(f.fullName(), f.label(), f.license(), f.completeness().name(),
                    anon == null ? f.origin() : anon.text(f.origin()), objects, fields,
                    new TreeMap<>(f.userPermissions()), f.activationRequired() ? Boolean.TRUE : null));
        }
        return out;
    }

    private static List<Group> groups(List<PermissionSetGroup> groups, Anonymizer anon) {
        return groups.stream().map(g -> new Group(g.fullName(), g.label(), g.permissionSets(),
                g.mutingPermissionSets(), anon == null ? g.origin() : anon.text(g.origin()), g.status())).toList();
    }

    private static OrgAccess fromSnapshot(Snapshot s, String shownAs) {
        boolean version1 = s.formatVersion() < 2;
        Org o = required(s.org(), "org");
        OrgAccess.OrgInfo info = new OrgAccess.OrgInfo(o.id(), o.name(), o.instanceHost(), o.apiVersion(),
                Instant.parse(required(o.retrievedAt(), "org.retrievedAt")), o.anonymized());
        List<OrgAccess.OrgUser> users = new ArrayList<>();
        for (User u : list(s.users(), "users")) {
            UserSetup.Status status = UserSetup.Status.valueOf(required(u.status(), "users[].status"));
            users.add(new OrgAccess.OrgUser(required(u.username(), "users[].username"), u.id(), status, u.userType(),
                    u.profile(), u.profileFullName(), u.userLicense(), u.userLicenseKey(), orEmpty(u.permissionSets()),
                    orEmpty(u.permissionSetGroups()), orEmpty(u.permissionSetLicenses())));
        }
        String origin = "snapshot " + shownAs;
        List<PermissionFile> profiles = files(s.profiles(), MetadataKind.PROFILE, origin, "profiles");
        if (version1) {
            profiles = profiles.stream().map(SnapshotFile::complete).toList();
        }
        List<PermissionSetGroup> groups = groupsOf(s.permissionSetGroups(), "permissionSetGroups", origin);
        OrgMetadata metadata = new OrgMetadata("metadata in snapshot " + shownAs + " of " + info.describe(),
                profiles, s.profileLabels() == null ? Map.of() : s.profileLabels(),
                files(s.permissionSets(), MetadataKind.PERMISSION_SET, origin, "permissionSets"), groups,
                files(s.mutingPermissionSets(), MetadataKind.MUTING_PERMISSION_SET, origin, "mutingPermissionSets"),
                version1 ? List.of() : groupsOf(s.permissionSetGroupMetadata(), "permissionSetGroupMetadata", origin));
        List<OrgAccess.Gap> gaps = new ArrayList<>(s.gaps() == null ? List.of() : s.gaps().stream()
                .map(g -> new OrgAccess.Gap(g.username(), g.subject(), g.reason(), g.fix())).toList());
        if (version1) {
            for (PermissionSetGroup g : groups) {
                gaps.add(new OrgAccess.Gap(null, "permission set group '" + g.fullName() + "'", "the snapshot "
                        + shownAs + " was written by an older plugin, which did not check whether Salesforce had"
                        + " finished recalculating permission set group '" + g.fullName() + "'; its components are"
                        + " used as they were.", "Take a new snapshot with 'mvn sfapi:snapshot'."));
            }
        }
        return new OrgAccess(info, list(s.requestedUsernames(), "requestedUsernames"), users,
                seatsOf(s.userLicenses()), seatsOf(s.permissionSetLicenses()), metadata, gaps);
    }

    private static List<PermissionSetGroup> groupsOf(List<Group> entries, String what, String origin) {
        return list(entries, what).stream().map(g -> new PermissionSetGroup(required(g.fullName(), what
                + "[].fullName"), g.label(), orEmpty(g.permissionSets()), orEmpty(g.mutingPermissionSets()),
                originOf(g.origin(), origin), g.status())).toList();
    }

    /** A version 1 profile: read whole with readMetadata, so complete whatever the old guard marked it. */
    private static PermissionFile complete(PermissionFile p) {
        return p.completeness() == PermissionFile.Completeness.FULL ? p : new PermissionFile(p.kind(), p.fullName(),
                p.label(), p.license(), p.objects(), p.fields(), p.userPermissions(), PermissionFile.Completeness.FULL,
                p.origin(), p.activationRequired());
    }

    private static List<OrgAccess.LicenseSeats> seatsOf(List<Seats> seats) {
        return seats == null ? List.of() : seats.stream()
                .map(x -> new OrgAccess.LicenseSeats(x.name(), x.key(), x.label(), x.total(), x.used())).toList();
    }

    private static List<PermissionFile> files(List<Permissions> entries, MetadataKind kind, String origin,
                                              String what) {
        List<PermissionFile> out = new ArrayList<>();
        for (Permissions p : list(entries, what)) {
            Map<String, Set<Operation>> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (p.objects() != null) {
                p.objects().forEach((k, v) -> objects.put(k, operations(v, what)));
            }
            Map<String, Set<FieldOperation>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (p.fields() != null) {
                p.fields().forEach((k, v) -> fields.put(k, fieldOperations(v, what)));
            }
            out.add(new PermissionFile(kind, required(p.fullName(), what + "[].fullName"), p.label(), p.license(),
                    objects, fields, p.userPermissions() == null ? Map.of() : p.userPermissions(),
                    PermissionFile.Completeness.valueOf(required(p.completeness(), what + "[].completeness")),
                    originOf(p.origin(), origin), Boolean.TRUE.equals(p.activationRequired())));
        }
        return out;
    }

    private static String originOf(String recorded, String snapshot) {
        return recorded == null ? snapshot : recorded + " (" + snapshot + ")";
    }

    private static Set<Operation> operations(List<String> keywords, String what) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        for (String k : orEmpty(keywords)) {
            ops.add(Operation.fromKeyword(k).orElseThrow(() -> new IllegalArgumentException(
                    "unknown object operation '" + k + "' in " + what)));
        }
        return ops;
    }

    private static Set<FieldOperation> fieldOperations(List<String> keywords, String what) {
        Set<FieldOperation> ops = EnumSet.noneOf(FieldOperation.class);
        for (String k : orEmpty(keywords)) {
            ops.add(FieldOperation.fromKeyword(k).orElseThrow(() -> new IllegalArgumentException(
                    "unknown field operation '" + k + "' in " + what)));
        }
        return ops;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + what + "\" is missing");
        }
        return value;
    }

    private static <T> List<T> list(List<T> value, String what) {
        return required(value, what);
    }

    private static <T> List<T> orEmpty(List<T> value) {
        return value == null ? List.of() : value;
    }
}
