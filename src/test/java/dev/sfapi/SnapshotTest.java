package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfapi.check.Finding;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.SnapshotException;
import dev.sfapi.org.SnapshotFile;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.SalesforceStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Org → snapshot file → validation with no org: the same verdicts, anonymized on request, bad files named. */
class SnapshotTest {

    private static SalesforceStandIn org;

    @TempDir
    Path project;

    private ApiUserValidation validation;
    private ApiUserValidation.Inputs inputs;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        org.control().reset();
        org.log().clear();
        Files.writeString(project.resolve("sfapi-users.yml"), OrgValidationTest.DECLARATION);
        validation = new ApiUserValidation(project);
        inputs = validation.readDeclaration(Path.of("sfapi-users.yml"));
    }

    private OrgAccess live() throws Exception {
        return validation.readOrg(inputs, OrgValidationTest.connect(org));
    }

    /** Every finding as one comparable line (check, severity, integration, user, target, reason, fix). */
    private static List<String> lines(ValidationReport report) {
        return report.findings().stream().map(f -> f.check() + "|" + f.severity() + "|" + f.integration() + "|"
                + f.user() + "|" + f.target() + "|" + f.reason() + "|" + f.fix()).sorted().toList();
    }

    @Test
    void validatingFromASnapshotGivesTheSameFindingsAsTheOrg() throws Exception {
        OrgAccess access = live();
        ValidationReport fromOrg = validation.validateFromOrg(inputs, access, ApiUserValidation.describeOrg(access));
        validation.writeSnapshot(inputs, access, Path.of("target/sfapi-snapshot.json"), false);
        int requestsBefore = org.log().count();

        OrgAccess loaded = validation.readSnapshot(inputs, Path.of("target/sfapi-snapshot.json"));
        ValidationReport fromFile = validation.validateFromOrg(inputs, loaded,
                validation.describeSnapshot(Path.of("target/sfapi-snapshot.json"), loaded));

        assertEquals(requestsBefore, org.log().count(), "no request to the org");
        assertFalse(lines(fromOrg).isEmpty());
        assertEquals(lines(fromOrg), lines(fromFile));
        assertEquals(fromOrg.verdict(), fromFile.verdict());
        assertTrue(fromFile.source().startsWith("snapshot target/sfapi-snapshot.json of org Acme (stand-in)"),
                fromFile.source());
        assertEquals(access.userLicenses(), loaded.userLicenses());
        assertEquals(access.permissionSetLicenses(), loaded.permissionSetLicenses());
        assertEquals(access.org(), loaded.org());
        assertEquals(access.users(), loaded.users());
    }

    @Test
    void theFileSaysWhatItIsAndHoldsNoSecret() throws Exception {
        validation.writeSnapshot(inputs, live(), Path.of("snap.json"), false);
        String json = Files.readString(project.resolve("snap.json"));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
        assertEquals(SnapshotFile.FORMAT, root.get("format").asText());
        assertEquals(2, root.get("formatVersion").asInt());
        assertEquals(org.org().orgId(), root.at("/org/id").asText());
        assertEquals("62.0", root.at("/org/apiVersion").asText());
        assertNotNull(root.at("/org/retrievedAt").asText());
        assertFalse(json.contains(CorpusOrg.CLIENT_SECRET));
        assertFalse(json.contains(CorpusOrg.PLATFORM_PASSWORD));
        assertFalse(json.contains("!"), "no session id (org id + '!' + token) anywhere");
    }

    @Test
    void anAnonymizedSnapshotHasNoUsernameNoIdsNoOrgNameAndStillReproducesTheCase() throws Exception {
        OrgAccess access = live();
        ValidationReport fromOrg = validation.validateFromOrg(inputs, access, "org");
        SnapshotFile.Written written = validation.writeSnapshot(inputs, access, Path.of("target/shared.json"), true);
        String json = Files.readString(written.file());

        for (OrgAccess.OrgUser u : access.users()) {
            assertFalse(json.toLowerCase().contains(u.username().toLowerCase()), "username #" + u.username().length());
            if (u.id() != null) {
                assertFalse(json.contains(u.id().substring(0, 15)), "user id");
            }
        }
        assertFalse(json.contains(org.org().orgId().substring(0, 15)), "org id");
        assertFalse(json.contains("Acme (stand-in)"), "org name");
        assertFalse(json.contains("127.0.0.1"), "instance host");
        assertTrue(json.contains("user-1@example.invalid"));

        // Same input, same placeholders: a second snapshot of the same users is identical but for the time.
        SnapshotFile.Written again = validation.writeSnapshot(inputs, live(), Path.of("target/again.json"), true);
        assertEquals(written.usernames(), again.usernames());

        // The declaration copy written next to it validates the snapshot to the same findings.
        assertEquals(project.resolve("target/shared.sfapi-users.yml"), written.declarationCopy());
        String copy = Files.readString(written.declarationCopy());
        assertFalse(copy.contains("@acme.example"), copy);
        Path other = Files.createDirectories(project.resolve("elsewhere"));
        Files.copy(written.file(), other.resolve("shared.json"));
        Files.copy(written.declarationCopy(), other.resolve("sfapi-users.yml"));
        ApiUserValidation there = new ApiUserValidation(other);
        ApiUserValidation.Inputs anonymousInputs = there.readDeclaration(Path.of("sfapi-users.yml"));
        OrgAccess loaded = there.readSnapshot(anonymousInputs, Path.of("shared.json"));
        assertTrue(loaded.org().anonymized());
        ValidationReport fromShared = there.validateFromOrg(anonymousInputs, loaded, "snapshot");
        List<String> expected = lines(fromOrg).stream().map(l -> replaceUsers(l, written)).toList();
        assertEquals(expected.stream().map(SnapshotTest::withoutSource).toList(),
                lines(fromShared).stream().map(SnapshotTest::withoutSource).toList());
    }

    private static String replaceUsers(String line, SnapshotFile.Written written) {
        String out = line;
        for (var e : written.usernames().entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The declaration's file name appears in drift reasons; the anonymous copy has another name. */
    private static String withoutSource(String line) {
        return line.replace("sfapi-users.yml", "DECLARATION");
    }

    @Test
    void aSnapshotTakenForOtherUsersIsRefusedNamingThem() throws Exception {
        validation.writeSnapshot(inputs, live(), Path.of("snap.json"), false);
        Files.writeString(project.resolve("sfapi-users.yml"), OrgValidationTest.DECLARATION.replace(
                "integrations:\n", "integrations:\n  - name: newcomer\n    user: new.user@acme.example\n"
                        + "    objects:\n      Account: [read]\n"));
        ApiUserValidation.Inputs changed = validation.readDeclaration(Path.of("sfapi-users.yml"));
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> validation.readSnapshot(changed, Path.of("snap.json")));
        assertTrue(e.getMessage().contains("snap.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'new.user@acme.example'"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn sfapi:snapshot"), e.getMessage());
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndWhatToDo() throws Exception {
        validation.writeSnapshot(inputs, live(), Path.of("good.json"), false);
        String good = Files.readString(project.resolve("good.json"));

        assertRefused("missing.json", null, "does not exist", "mvn sfapi:snapshot");
        assertRefused("truncated.json", good.substring(0, good.length() / 2), "not valid JSON (line", "damaged");
        assertRefused("other.json", "{\"hello\": 1}", "is not an sfapi snapshot", "sfapi.snapshot");
        assertRefused("newer.json", good.replace("\"formatVersion\" : 2", "\"formatVersion\" : 7"),
                "format version 7, written by a newer sfapi-maven-plugin", "reads version 2");
        assertRefused("nousers.json", good.replace("\"users\" :", "\"nobodies\" :"), "is damaged", "\"users\" is missing");
        assertRefused("badstatus.json", good.replace("\"status\" : \"FROZEN\"", "\"status\" : \"MELTED\""), "is damaged",
                "MELTED");
    }

    private void assertRefused(String name, String content, String... expected) throws Exception {
        if (content != null) {
            Files.writeString(project.resolve(name), content);
        }
        SnapshotException e = assertThrows(SnapshotException.class, () -> validation.readSnapshot(inputs, Path.of(name)));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        for (String x : expected) {
            assertTrue(e.getMessage().contains(x), "'" + x + "' not in: " + e.getMessage());
        }
    }

    @Test
    void aSnapshotAloneNeedsNoOrg() throws Exception {
        validation.writeSnapshot(inputs, live(), Path.of("snap.json"), false);
        org.control().requestLimitExceeded(1000, Endpoint.REST_QUERY, Endpoint.METADATA_SOAP);
        OrgAccess loaded = validation.readSnapshot(inputs, Path.of("snap.json"));
        ValidationReport report = validation.validateFromOrg(inputs, loaded, "snapshot");
        String all = report.findings().stream().map(Finding::reason).collect(Collectors.joining("\n"));
        assertTrue(all.contains("Salesforce Platform license can never grant Edit on Opportunity"), all);
    }

    static final String GROUP_DECLARATION = """
            integrations:
              - name: estimates
                user: estimator@acme.example
                objects:
                  Account: [read]
              - name: api-sync
                user: api.integration@acme.example
                objects:
                  Foo__c: [read]
            """;

    @Test
    void theGroupsMetadataWithItsStatusTravelsInTheSnapshot() throws Exception {
        Files.writeString(project.resolve("sfapi-users.yml"), GROUP_DECLARATION);
        ApiUserValidation.Inputs groupInputs = validation.readDeclaration(Path.of("sfapi-users.yml"));
        OrgAccess access = validation.readOrg(groupInputs, OrgValidationTest.connect(org));
        validation.writeSnapshot(groupInputs, access, Path.of("groups.json"), false);
        JsonNode root = new ObjectMapper().readTree(Files.readString(project.resolve("groups.json")));
        assertEquals(CorpusOrg.GROUP, root.at("/permissionSetGroupMetadata/0/fullName").asText());
        assertEquals("Updated", root.at("/permissionSetGroupMetadata/0/status").asText());
        OrgAccess loaded = validation.readSnapshot(groupInputs, Path.of("groups.json"));
        assertEquals(access.metadata().groupMetadata().stream().map(g -> g.fullName() + g.status() + g.label()
                + g.permissionSets() + g.mutingPermissionSets()).toList(), loaded.metadata().groupMetadata().stream()
                .map(g -> g.fullName() + g.status() + g.label() + g.permissionSets() + g.mutingPermissionSets()).toList());
        assertEquals(lines(validation.validateFromOrg(groupInputs, access, "x")),
                lines(validation.validateFromOrg(groupInputs, loaded, "x")));
    }

    @Test
    void aVersion1SnapshotIsStillReadWithItsProfilesCompleteAndItsGroupsFlagged() throws Exception {
        Files.writeString(project.resolve("sfapi-users.yml"), GROUP_DECLARATION);
        ApiUserValidation.Inputs groupInputs = validation.readDeclaration(Path.of("sfapi-users.yml"));
        OrgAccess access = validation.readOrg(groupInputs, OrgValidationTest.connect(org));
        validation.writeSnapshot(groupInputs, access, Path.of("v2.json"), false);
        // What version 1 wrote: no group metadata, and the lean integration profile marked partial.
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(project.resolve("v2.json")));
        root.put("formatVersion", 1);
        root.remove("permissionSetGroupMetadata");
        root.withArray("permissionSetGroups").forEach(g -> ((ObjectNode) g).remove("status"));
        for (JsonNode p : root.withArray("profiles")) {
            if (p.get("fullName").asText().equals(CorpusOrg.INTEGRATION_PROFILE)) {
                ((ObjectNode) p).put("completeness", "SOURCE_PROFILE");
            }
        }
        Files.writeString(project.resolve("v1.json"), json.writeValueAsString(root));

        OrgAccess loaded = validation.readSnapshot(groupInputs, Path.of("v1.json"));
        assertEquals(dev.sfapi.metadata.PermissionFile.Completeness.FULL, loaded.metadata()
                .profile(CorpusOrg.INTEGRATION_PROFILE).orElseThrow().completeness(), "read whole by readMetadata");
        assertTrue(loaded.metadata().permissionSetGroup(CorpusOrg.GROUP).isPresent(), "the group is used as it was");
        assertTrue(loaded.gaps().stream().anyMatch(g -> g.subject().equals("permission set group '" + CorpusOrg.GROUP
                + "'") && g.reason().contains("older plugin") && g.fix().contains("new snapshot")), loaded.gaps().toString());
        // Foo__c is listed nowhere for the API user: a profile that is complete makes it "no such object"
        // rather than "the profile was retrieved without it".
        String reasons = validation.validateFromOrg(groupInputs, loaded, "x").findings().stream().map(Finding::reason)
                .collect(Collectors.joining("\n"));
        assertFalse(reasons.contains("source tree or a retrieve"), reasons);
    }
}
