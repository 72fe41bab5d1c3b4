package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.org.ConnectionSettings;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.OrgClient;
import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.SalesforceStandIn;
import dev.sfapi.standin.org.MetadataDocument;
import dev.sfapi.standin.org.OrgModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-api-users against an org, without Maven: the declaration, the org as the truth about who
 * holds what (the stand-in serving real corpus files), the checks, the drift and gap warnings.
 */
class OrgValidationTest {

    static final String DECLARATION = """
            integrations:
              - name: payroll-opportunities
                user: platform.integration@acme.example
                objects:
                  Opportunity: [read, edit]
              - name: api-sync
                user: api.integration@acme.example
                permissions: [ApiEnabled]
              - name: old-job
                user: inactive.user@acme.example
                objects:
                  Account: [read]
              - name: frozen-job
                user: frozen.user@acme.example
                objects:
                  Account: [read]
              - name: ghost-job
                user: nobody@acme.example
                objects:
                  Account: [read]
            users:
              platform.integration@acme.example:
                profile: Standard User
                permissionSets: [Payroll_Extra]
              api.integration@acme.example:
                profile: Minimum Access - API Only Integrations
                permissionSets: [TwoCloudNineIntegrationUser]
                permissionSetLicenses: [Salesforce API Integration]
            """;

    private static SalesforceStandIn org;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.control().reset();
        org.log().clear();
    }

    static OrgClient connect(SalesforceStandIn standIn) throws Exception {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.INSTANCE_URL, standIn.baseUrl());
        v.put(SettingKey.CLIENT_ID, CorpusOrg.CLIENT_ID);
        v.put(SettingKey.CLIENT_SECRET, CorpusOrg.CLIENT_SECRET);
        return OrgClient.connect(ConnectionSettings.resolve(SettingLayer.of("test", v)));
    }

    private ApiUserValidation.Inputs inputs(String yaml) throws Exception {
        Files.writeString(project.resolve("sfapi-users.yml"), yaml);
        return new ApiUserValidation(project).readDeclaration(Path.of("sfapi-users.yml"));
    }

    static ValidationReport validate(Path project, ApiUserValidation.Inputs inputs, SalesforceStandIn standIn)
            throws Exception {
        ApiUserValidation validation = new ApiUserValidation(project);
        OrgAccess access = validation.readOrg(inputs, connect(standIn));
        return validation.validateFromOrg(inputs, access, ApiUserValidation.describeOrg(access));
    }

    static IntegrationResult integration(ValidationReport report, String name) {
        return report.integrations().stream().filter(i -> i.integration().equals(name)).findFirst().orElseThrow();
    }

    static List<CheckId> checks(IntegrationResult result) {
        return result.findings().stream().map(Finding::check).distinct().toList();
    }

    @Test
    void aPlatformUserWhoseIntegrationEditsOpportunityFails() throws Exception {
        ValidationReport report = validate(project, inputs(DECLARATION), org);
        IntegrationResult payroll = integration(report, "payroll-opportunities");
        assertEquals("Salesforce Platform", payroll.license(), "the license comes from the org");
        assertEquals(CorpusOrg.PLATFORM_PROFILE, payroll.profile());
        Finding edit = payroll.findings().stream().filter(f -> f.check() == CheckId.LICENSE_DENIES_OBJECT
                && "edit".equals(f.operation())).findFirst().orElseThrow(() -> new AssertionError(payroll.findings()));
        assertEquals("Opportunity", edit.subject());
        assertEquals(Severity.ERROR, edit.severity());
        assertTrue(edit.reason().contains("Salesforce Platform license can never grant Edit on Opportunity"),
                edit.reason());
        assertTrue(report.source().startsWith("org Acme (stand-in) (" + org.org().orgId()), report.source());
    }

    @Test
    void anIntegrationLicenseUserWithThePslHasItsLicenseBoundSetCounted() throws Exception {
        IntegrationResult api = integration(validate(project, inputs(DECLARATION), org), "api-sync");
        assertEquals("Salesforce Integration + SalesforceAPIIntegrationPsl", api.license());
        assertTrue(api.findings().stream().noneMatch(f -> f.check() == CheckId.PERMSET_LICENSE_MISMATCH),
                api.findings().toString());
        assertTrue(api.findings().stream().noneMatch(f -> f.check() == CheckId.API_DISABLED),
                "the profile read from the org enables ApiEnabled: " + api.findings());
    }

    @Test
    void inactiveFrozenAndUnknownUsersAreFindingsNotCrashes() throws Exception {
        ValidationReport report = validate(project, inputs(DECLARATION), org);
        assertTrue(checks(integration(report, "old-job")).contains(CheckId.INACTIVE_USER));
        assertTrue(checks(integration(report, "frozen-job")).contains(CheckId.FROZEN_USER));
        IntegrationResult ghost = integration(report, "ghost-job");
        assertEquals(List.of(CheckId.UNKNOWN_USER), checks(ghost));
        assertTrue(ghost.findings().get(0).reason().contains("in the org"), ghost.findings().get(0).reason());
    }

    @Test
    void whereTheUsersSectionDiffersFromTheOrgADriftWarningNamesEachDifference() throws Exception {
        ValidationReport report = validate(project, inputs(DECLARATION), org);
        List<Finding> drift = report.general().stream().filter(f -> f.check() == CheckId.DECLARATION_DRIFT).toList();
        assertEquals(1, drift.size(), "api.integration matches the org (its PSL given by label): " + drift);
        Finding f = drift.get(0);
        assertEquals(CorpusOrg.PLATFORM_USER, f.user());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.reason().contains("profile 'Standard User' is declared, the org has '2cloudnine Payroll User'"),
                f.reason());
        assertTrue(f.reason().contains("permission sets 'Payroll_Extra' declared but not assigned in the org"),
                f.reason());
        assertEquals(22, f.location().line(), "points at the entry in the users section");
    }

    @Test
    void aGroupMembersGrantIsTakenAwayByTheGroupsMutingSet() throws Exception {
        // The corpus group ffscpq__SCPQEstimator with its real muting set; the managed member set that grants
        // edit on the discount field and a profile stating the field come from the scenario fixtures.
        OrgModelBuilder b = CorpusOrg.builder();
        b.profile("Estimator Integration", p -> p.metadata(fixture("Estimator Integration.profile-meta.xml")));
        b.permissionSet("ffscpq__EditEstimates", s -> s.metadata(fixture("ffscpq__EditEstimates.permissionset-meta.xml")));
        b.user("estimates.sync@acme.example", u -> u.profile("Estimator Integration")
                .permissionSetGroups(CorpusOrg.GROUP));
        try (SalesforceStandIn estimates = SalesforceStandIn.start(b.build())) {
            ValidationReport report = validate(project, inputs("""
                    integrations:
                      - name: estimates-sync
                        user: estimates.sync@acme.example
                        fields:
                          ffscpq__Estimate_Role_Request__c.ffscpq__Percent_Discount__c: [read, edit]
                    """), estimates);
            IntegrationResult result = integration(report, "estimates-sync");
            Finding muted = result.findings().stream().filter(f -> f.check() == CheckId.PERMISSION_MISSING)
                    .findFirst().orElseThrow(() -> new AssertionError(result.findings()));
            assertEquals("edit", muted.operation());
            assertTrue(muted.reason().contains("muting permission set 'SCPQEstimator_Muted'"), muted.reason());
            assertTrue(muted.reason().contains("ffscpq__EditEstimates"), muted.reason());
            assertEquals(1, result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count(),
                    "read is granted by the profile: " + result.findings());
        }
    }

    @Test
    void aComponentTheMetadataApiWontReturnIsAWarningAndItsGrantsCantBeTold() throws Exception {
        org.control().hideMetadata("PermissionSet", "TwoCloudNineIntegrationUser");
        ValidationReport report = validate(project, inputs("""
                integrations:
                  - name: api-sync
                    user: api.integration@acme.example
                    objects:
                      Account: [read]
                """), org);
        List<Finding> gaps = report.general().stream().filter(f -> f.check() == CheckId.METADATA_INCOMPLETE).toList();
        assertEquals(1, gaps.size(), report.general().toString());
        assertEquals("permission set 'TwoCloudNineIntegrationUser'", gaps.get(0).subject());
        assertEquals(Severity.WARNING, gaps.get(0).severity());
        // Nothing that set might grant is passed or failed on a guess.
        IntegrationResult api = integration(report, "api-sync");
        String text = api.findings().stream().map(Finding::reason).collect(Collectors.joining("\n"));
        assertTrue(api.findings().stream().anyMatch(f -> f.check() == CheckId.METADATA_INCOMPLETE), text);
    }

    static final String FOO_READER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
                <hasActivationRequired>false</hasActivationRequired>
                <label>Foo Reader</label>
                <objectPermissions>
                    <allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>
                    <allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Foo__c</object>
                    <viewAllRecords>false</viewAllRecords>
                </objectPermissions>
            </PermissionSet>
            """;

    /** A custom profile as readMetadata returns it: Foo__c listed with nothing granted. */
    static final String FOO_PROFILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
                <custom>true</custom>
                <objectPermissions>
                    <allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>
                    <allowRead>false</allowRead><modifyAllRecords>false</modifyAllRecords><object>Foo__c</object>
                    <viewAllRecords>false</viewAllRecords>
                </objectPermissions>
                <userLicense>Salesforce</userLicense>
                <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
            </Profile>
            """;

    @Test
    void aRevokedOrExpiredAssignmentGrantsNothing() throws Exception {
        OrgModelBuilder b = CorpusOrg.builder();
        b.profile("Foo Integration", p -> p.metadata(MetadataDocument.xml("Foo Integration", FOO_PROFILE)));
        b.permissionSet("Foo_Reader", s -> s.metadata(MetadataDocument.xml("Foo_Reader", FOO_READER)));
        for (String who : List.of("plain", "revoked", "expired")) {
            b.user(who + "@acme.example", u -> {
                u.profile("Foo Integration").permissionSets("Foo_Reader");
                if (who.equals("revoked")) {
                    u.assignment("Foo_Reader", a -> a.revoke());
                } else if (who.equals("expired")) {
                    u.assignment("Foo_Reader", a -> a.expires(java.time.Instant.parse("2024-01-01T00:00:00Z")));
                }
            });
        }
        try (SalesforceStandIn states = SalesforceStandIn.start(b.build())) {
            ValidationReport report = validate(project, inputs("""
                    integrations:
                      - {name: plain-job, user: plain@acme.example, objects: {Foo__c: [read]}}
                      - {name: revoked-job, user: revoked@acme.example, objects: {Foo__c: [read]}}
                      - {name: expired-job, user: expired@acme.example, objects: {Foo__c: [read]}}
                    """), states);
            assertEquals(List.of(), integration(report, "plain-job").findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList(), "the set grants it");
            for (String job : List.of("revoked-job", "expired-job")) {
                IntegrationResult r = integration(report, job);
                Finding missing = r.findings().stream().filter(f -> f.check() == CheckId.PERMISSION_MISSING)
                        .findFirst().orElseThrow(() -> new AssertionError(job + ": " + r.findings()));
                assertEquals(Severity.ERROR, missing.severity());
                assertEquals("Foo__c", missing.subject());
            }
        }
    }

    @Test
    void onALeanProfileFromTheOrgAMissingGrantIsAnErrorNotAWarning() throws Exception {
        // "Minimum Access - API Only Integrations" grants no object at all; a set grants only Foo__c read.
        OrgModelBuilder b = CorpusOrg.builder();
        b.permissionSet("Foo_Reader", s -> s.metadata(MetadataDocument.xml("Foo_Reader", FOO_READER)));
        b.user("lean@acme.example", u -> u.profile(CorpusOrg.INTEGRATION_PROFILE).permissionSets("Foo_Reader"));
        try (SalesforceStandIn lean = SalesforceStandIn.start(b.build())) {
            IntegrationResult r = integration(validate(project, inputs("""
                    integrations:
                      - {name: foo-sync, user: lean@acme.example, objects: {Foo__c: [read, edit]}}
                    """), lean), "foo-sync");
            Finding edit = r.findings().stream().filter(f -> "edit".equals(f.operation())).findFirst()
                    .orElseThrow(() -> new AssertionError(r.findings()));
            assertEquals(CheckId.PERMISSION_MISSING, edit.check(), edit.reason());
            assertEquals(Severity.ERROR, edit.severity());
            assertTrue(r.findings().stream().noneMatch(f -> f.check() == CheckId.METADATA_INCOMPLETE),
                    "nothing is 'cannot tell': " + r.findings());
            assertTrue(r.findings().stream().noneMatch(f -> f.reason().contains("retrieve")), r.findings().toString());
        }
    }

    @Test
    void aGroupNotYetRecalculatedDecidesNothing() throws Exception {
        OrgModelBuilder b = CorpusOrg.builder();
        b.profile("Foo Integration", p -> p.metadata(MetadataDocument.xml("Foo Integration", FOO_PROFILE)));
        b.permissionSet("Foo_Reader", s -> s.metadata(MetadataDocument.xml("Foo_Reader", FOO_READER)));
        b.permissionSetGroup("Foo_Group", g -> g.permissionSets("Foo_Reader"));
        b.permissionSetGroup("Foo_Group_Outdated", g -> g.permissionSets("Foo_Reader").status("Outdated"));
        b.user("current@acme.example", u -> u.profile("Foo Integration").permissionSetGroups("Foo_Group"));
        b.user("outdated@acme.example", u -> u.profile("Foo Integration").permissionSetGroups("Foo_Group_Outdated"));
        try (SalesforceStandIn groups = SalesforceStandIn.start(b.build())) {
            ValidationReport report = validate(project, inputs("""
                    integrations:
                      - {name: current-job, user: current@acme.example, objects: {Foo__c: [read]}}
                      - {name: outdated-job, user: outdated@acme.example, objects: {Foo__c: [read]}}
                    """), groups);
            assertEquals(List.of(), integration(report, "current-job").findings(), "granted through the group");
            IntegrationResult outdated = integration(report, "outdated-job");
            assertTrue(outdated.findings().stream().anyMatch(f -> f.check() == CheckId.METADATA_INCOMPLETE
                    && "Foo__c".equals(f.subject())), "never a pass: " + outdated.findings());
            assertTrue(outdated.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR),
                    "nor a failure: " + outdated.findings());
            Finding gap = report.general().stream().filter(f -> f.check() == CheckId.METADATA_INCOMPLETE)
                    .findFirst().orElseThrow(() -> new AssertionError(report.general()));
            assertEquals("permission set group 'Foo_Group_Outdated'", gap.subject());
            assertTrue(gap.reason().contains("has status Outdated"), gap.reason());
        }
    }

    private static MetadataDocument fixture(String name) {
        try {
            return MetadataDocument.file(Path.of(OrgValidationTest.class.getResource("/dev/sfapi/scenarios/estimator/"
                    + name).toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
