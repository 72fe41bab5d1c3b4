package dev.sfapi.check;

import static dev.sfapi.access.InMemoryMetadata.file;
import static dev.sfapi.declaration.Operation.EDIT;
import static dev.sfapi.declaration.Operation.READ;
import static dev.sfapi.metadata.MetadataKind.PERMISSION_SET;
import static dev.sfapi.metadata.MetadataKind.PROFILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.access.InMemoryMetadata;
import dev.sfapi.access.UserSetup;
import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclarationReader;
import dev.sfapi.license.LicenseCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static final LicenseCatalogue CATALOGUE = LicenseCatalogue.builtIn();

    private static Declaration declare(String yaml) throws Exception {
        return new DeclarationReader(CATALOGUE).read("sfapi-users.yml", yaml);
    }

    private static UserSetup setup(String user, String profile, List<String> sets, List<String> psls) {
        return new UserSetup(user, UserSetup.Status.ACTIVE, profile, null, sets, List.of(), psls, "test");
    }

    private static List<Finding> findings(ValidationReport r, CheckId id) {
        return r.findings().stream().filter(f -> f.check() == id).toList();
    }

    @Test
    void platformUserWritingOpportunityFailsOnTheLicenseEvenWhenAPermissionSetGrantsIt() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: crm-sync
                    user: sync@acme.example
                    objects:
                      Opportunity: [read, edit]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "Platform Sync").license("Salesforce Platform").permission("ApiEnabled", true).build())
                .add(file(PERMISSION_SET, "Opp").object("Opportunity", READ, EDIT).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("sync@acme.example", setup("sync@acme.example", "Platform Sync", List.of("Opp"), List.of())),
                md, "test");

        List<Finding> denied = findings(r, CheckId.LICENSE_DENIES_OBJECT);
        assertEquals(2, denied.size(), r.findings().toString());
        Finding edit = denied.get(1);
        assertEquals("crm-sync", edit.integration());
        assertEquals("Opportunity", edit.subject());
        assertEquals("edit", edit.operation());
        assertTrue(edit.reason().contains("Salesforce Platform"), edit.reason());
        assertTrue(edit.reason().contains("Permission set 'Opp' grants it"), "says the grant doesn't help: " + edit.reason());
        assertTrue(edit.fix().contains("Salesforce"), edit.fix());
        assertEquals(5, edit.location().line());
        assertTrue(findings(r, CheckId.PERMISSION_MISSING).isEmpty(), "the license, not the permissions, is the cause");
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void integrationLicenseWithoutItsPslIsToldToAssignIt() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: legacy
                    user: legacy@acme.example
                    objects:
                      Account: [read]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "Minimum Access - API Only Integrations").license("Salesforce Integration")
                        .permission("ApiEnabled", true).build())
                .add(file(PERMISSION_SET, "AccountRead").object("Account", READ).build());
        Validator v = new Validator(CATALOGUE);

        ValidationReport without = v.validate(d, Map.of("legacy@acme.example", setup("legacy@acme.example",
                "Minimum Access - API Only Integrations", List.of("AccountRead"), List.of())), md, "test");
        Finding f = findings(without, CheckId.LICENSE_DENIES_OBJECT).get(0);
        assertTrue(f.fix().contains("SalesforceAPIIntegrationPsl"), f.fix());

        ValidationReport with = v.validate(d, Map.of("legacy@acme.example", setup("legacy@acme.example",
                "Minimum Access - API Only Integrations", List.of("AccountRead"),
                List.of("SalesforceAPIIntegrationPsl"))), md, "test");
        assertTrue(findings(with, CheckId.LICENSE_DENIES_OBJECT).isEmpty(), with.findings().toString());
        RequirementResult account = with.integrations().get(0).results().stream()
                .filter(x -> x.requirement().kind() == Requirement.Kind.OBJECT).findFirst().orElseThrow();
        assertEquals(Verdict.PASS, account.verdict(), account.findings().toString());
        assertEquals("permission set 'AccountRead'", account.grantedBy());
    }

    @Test
    void everyIntegrationNeedsApiEnabled() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: etl
                    user: etl@acme.example
                    objects:
                      Account: [read]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "ETL").license("Salesforce").object("Account", READ)
                        .permission("ViewSetup", true).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("etl@acme.example", setup("etl@acme.example", "ETL", List.of(), List.of())), md, "test");
        Finding f = findings(r, CheckId.API_DISABLED).get(0);
        assertEquals("ApiEnabled", f.subject());
        assertTrue(f.fix().contains("API Enabled"), f.fix());
    }

    @Test
    void unknownUserIsAFindingAndNothingElseIsPretendedChecked() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: ghost
                    user: ghost@acme.example
                    objects:
                      Account: [read, edit]
                """);
        UserSetup missing = new UserSetup("ghost@acme.example", UserSetup.Status.NOT_FOUND, null, null,
                List.of(), List.of(), List.of(), "org");
        ValidationReport r = new Validator(CATALOGUE).validate(d, Map.of("ghost@acme.example", missing),
                new InMemoryMetadata(), "org");
        IntegrationResult ir = r.integrations().get(0);
        assertEquals(1, ir.results().size());
        Finding f = ir.findings().get(0);
        assertEquals(CheckId.UNKNOWN_USER, f.check());
        assertTrue(f.reason().contains("3 requirements"), f.reason());
    }

    @Test
    void twoIntegrationsOnOneUserAreWarned() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: a
                    user: shared@acme.example
                    objects: {Account: [read]}
                  - name: b
                    user: SHARED@acme.example
                    objects: {Account: [read]}
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").object("Account", READ)
                        .permission("ApiEnabled", true).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("shared@acme.example", setup("shared@acme.example", "P", List.of(), List.of())), md, "t");
        List<Finding> shared = findings(r, CheckId.SHARED_USER);
        assertEquals(1, shared.size(), "one warning per shared user, not per integration");
        assertEquals(shared, r.general(), "it belongs to no single integration");
        assertTrue(shared.get(0).reason().contains("2 integrations ('a', 'b')"), shared.get(0).reason());
        assertEquals(Verdict.WARN, r.verdict(), r.findings().toString());
    }

    @Test
    void aFieldRequirementImpliesAccessToItsObject() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: amount
                    user: u@acme.example
                    fields:
                      Invoice__c.Amount__c: [edit]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").permission("ApiEnabled", true)
                        .object("Invoice__c", READ).field("Invoice__c.Amount__c", dev.sfapi.declaration.FieldOperation.READ,
                                dev.sfapi.declaration.FieldOperation.EDIT).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("u@acme.example", setup("u@acme.example", "P", List.of(), List.of())), md, "t");
        RequirementResult implied = r.integrations().get(0).results().stream()
                .filter(x -> x.requirement().kind() == Requirement.Kind.OBJECT).findFirst().orElseThrow();
        assertTrue(implied.requirement().implied());
        assertEquals("edit", implied.requirement().operation());
        Finding f = implied.findings().stream().filter(x -> x.check() == CheckId.PERMISSION_MISSING).findFirst()
                .orElse(null);
        assertNotNull(f, implied.findings().toString());
    }

    @Test
    void theFixForAMutedDeleteSaysToRemoveTheMutedEdit() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: cleanup
                    user: u@acme.example
                    objects:
                      Opportunity: [delete]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").permission("ApiEnabled", true).object("Opportunity").build())
                .add(file(PERMISSION_SET, "Member").object("Opportunity", READ, EDIT,
                        dev.sfapi.declaration.Operation.DELETE).build())
                .add(file(dev.sfapi.metadata.MetadataKind.MUTING_PERMISSION_SET, "Mute").object("Opportunity", EDIT).build())
                .group("G", List.of("Member"), List.of("Mute"));
        UserSetup user = new UserSetup("u@acme.example", UserSetup.Status.ACTIVE, "P", null, List.of(), List.of("G"),
                List.of(), "test");
        ValidationReport r = new Validator(CATALOGUE).validate(d, Map.of("u@acme.example", user), md, "t");
        Finding f = findings(r, CheckId.PERMISSION_MISSING).get(0);
        assertEquals("Remove Edit on Opportunity from muting permission set 'Mute' (muting Edit also mutes Delete),"
                + " or grant Delete on Opportunity through a permission set assigned outside group 'G'.", f.fix());
    }

    @Test
    void aSetThatDoesNotCountIsNeverProposedAsTheFix() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: accounts
                    user: u@acme.example
                    objects:
                      Account: [create]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce Platform").permission("ApiEnabled", true)
                        .object("Account", READ).build())
                .add(file(PERMISSION_SET, "Full_Seat").license("Salesforce").object("Account", READ).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("u@acme.example", setup("u@acme.example", "P", List.of("Full_Seat"), List.of())), md, "t");
        Finding missing = findings(r, CheckId.PERMISSION_MISSING).get(0);
        assertTrue(missing.reason().contains("'Full_Seat' (which doesn't count"), missing.reason());
        assertTrue(missing.fix().startsWith("Grant Create on Account in a new permission set"), missing.fix());
        assertEquals(1, findings(r, CheckId.PERMSET_LICENSE_MISMATCH).size());
    }

    /** A set bound to a PSL the catalogue doesn't know, and a user holding it by its other name. */
    private static ValidationReport boundToAnUnknownPsl(String licensesSection, List<String> held) throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: wealth
                    user: u@acme.example
                    objects:
                      Account: [read]
                """ + licensesSection);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").permission("ApiEnabled", true).build())
                .add(file(PERMISSION_SET, "Fsc").license("FinancialServicesCloudStandardPsl").object("Account", READ)
                        .build());
        LicenseCatalogue catalogue = CATALOGUE.withAdditions(d.licenses());
        return new Validator(catalogue).validate(d,
                Map.of("u@acme.example", setup("u@acme.example", "P", List.of("Fsc"), held)), md, "t");
    }

    @Test
    void aSetBoundToAnUnknownPslTheUserMayHoldUnderItsLabelCannotBeTold() throws Exception {
        ValidationReport r = boundToAnUnknownPsl("", List.of("Financial Services Cloud Standard"));

        assertTrue(findings(r, CheckId.PERMSET_LICENSE_MISMATCH).isEmpty(), "no false mismatch: " + r.findings());
        Finding doubt = findings(r, CheckId.METADATA_INCOMPLETE).stream()
                .filter(f -> "Fsc".equals(f.subject())).findFirst().orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals(Severity.WARNING, doubt.severity());
        assertTrue(doubt.reason().contains("'FinancialServicesCloudStandardPsl'")
                && doubt.reason().contains("'Financial Services Cloud Standard'"), doubt.reason());
        assertTrue(doubt.fix().contains("aliases: [Financial Services Cloud Standard]"), doubt.fix());
        assertEquals(Verdict.WARN, r.verdict(), "never a pass on a grant that may not count");
    }

    @Test
    void aSetBoundToAnUnknownPslIsAMismatchWhenEveryHeldLicenseIsKnown() throws Exception {
        ValidationReport r = boundToAnUnknownPsl("", List.of());

        assertEquals(1, findings(r, CheckId.PERMSET_LICENSE_MISMATCH).size(), r.findings().toString());
        assertEquals(Verdict.FAIL, r.verdict());
    }

    @Test
    void theLicensesSectionTiesAPslsTwoNamesTogether() throws Exception {
        ValidationReport r = boundToAnUnknownPsl("""
                licenses:
                  - name: FinancialServicesCloudStandardPsl
                    kind: permission-set-license
                    aliases: [Financial Services Cloud Standard]
                """, List.of("Financial Services Cloud Standard"));

        assertTrue(findings(r, CheckId.PERMSET_LICENSE_MISMATCH).isEmpty(), r.findings().toString());
        assertTrue(findings(r, CheckId.METADATA_INCOMPLETE).stream().noneMatch(f -> "Fsc".equals(f.subject())),
                r.findings().toString());
    }

    @Test
    void aUsersEntryNoIntegrationLogsInAsIsAWarningNotSilence() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: crm-sync
                    user: sync@acme.example
                users:
                  sync@acme.example:
                    profile: P
                  synk@acme.example:
                    profile: No Such Profile
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").permission("ApiEnabled", true).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("sync@acme.example", setup("sync@acme.example", "P", List.of(), List.of())), md, "t");

        List<Finding> unused = findings(r, CheckId.UNUSED_USER);
        assertEquals(1, unused.size(), r.findings().toString());
        Finding f = unused.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("synk@acme.example", f.user());
        assertEquals(7, f.location().line());
        assertTrue(f.reason().contains("no integration logs in as it"), f.reason());
        assertTrue(f.fix().contains("'sync@acme.example'"), "suggests the near username: " + f.fix());
        assertEquals(Verdict.WARN, r.verdict());
    }

    @Test
    void aMisspeltObjectIsCannotTellWithTheNearestName() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: crm-sync
                    user: sync@acme.example
                    objects:
                      Acount: [read]
                      Invoce__c: [read]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce").permission("ApiEnabled", true).build())
                .add(file(PERMISSION_SET, "Billing").object("Invoice__c", READ).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("sync@acme.example", setup("sync@acme.example", "P", List.of("Billing"), List.of())), md, "t");

        List<Finding> doubts = findings(r, CheckId.METADATA_INCOMPLETE);
        assertEquals(2, doubts.size(), r.findings().toString());
        assertTrue(doubts.get(0).reason().contains("check the API name (did you mean 'Account'?)"),
                doubts.get(0).reason());
        assertTrue(doubts.get(1).reason().contains("check the API name (did you mean 'Invoice__c'?)"),
                doubts.get(1).reason());
    }

    @Test
    void aPassThatATeamsLicensesRowAllowsNamesThatRow() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: marketing
                    user: mkt@acme.example
                    objects:
                      Campaign: [read]
                      Account: [read]
                licenses:
                  - name: Salesforce Platform
                    objects:
                      - objects: [Campaign]
                        allow: [read]
                        confidence: high
                        source: checked in our org on 2026-11-30
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                .add(file(PROFILE, "P").license("Salesforce Platform").permission("ApiEnabled", true).build())
                .add(file(PERMISSION_SET, "Mkt").object("Campaign", READ).object("Account", READ).build());
        ValidationReport r = new Validator(CATALOGUE.withAdditions(d.licenses())).validate(d,
                Map.of("mkt@acme.example", setup("mkt@acme.example", "P", List.of("Mkt"), List.of())), md, "t");

        assertEquals(Verdict.PASS, r.verdict(), r.findings().toString());
        List<RequirementResult> results = r.integrations().get(0).results();
        String campaign = results.stream().filter(x -> x.requirement().title().startsWith("Campaign"))
                .findFirst().orElseThrow().grantedBy();
        assertTrue(campaign.contains("the license allows it by the licenses section of the declaration"
                + " (sfapi-users.yml:10:9, checked in our org on 2026-11-30)"), campaign);
        String account = results.stream().filter(x -> x.requirement().title().startsWith("Account"))
                .findFirst().orElseThrow().grantedBy();
        assertFalse(account.contains("licenses section"), "built-in rows decided Account: " + account);
    }

    @Test
    void anObjectListedOnlyInASetThatDoesNotCountIsNotGrantedNotAMisspeltName() throws Exception {
        Declaration d = declare("""
                integrations:
                  - name: billing
                    user: u@acme.example
                    objects:
                      Invoice__c: [read]
                """);
        InMemoryMetadata md = new InMemoryMetadata()
                // A profile read from the org: its silence on Invoice__c is proof, not a sparse retrieve.
                .add(file(PROFILE, "P").license("Salesforce Platform").permission("ApiEnabled", true).complete().build())
                .add(file(PERMISSION_SET, "Full_Seat").license("Salesforce").object("Invoice__c", READ).build());
        ValidationReport r = new Validator(CATALOGUE).validate(d,
                Map.of("u@acme.example", setup("u@acme.example", "P", List.of("Full_Seat"), List.of())), md, "t");

        assertEquals(1, findings(r, CheckId.PERMSET_LICENSE_MISMATCH).size(), r.findings().toString());
        Finding missing = findings(r, CheckId.PERMISSION_MISSING).stream()
                .filter(f -> "Invoice__c".equals(f.subject())).findFirst()
                .orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals(Severity.ERROR, missing.severity());
        assertTrue(findings(r, CheckId.METADATA_INCOMPLETE).stream().noneMatch(f -> "Invoice__c".equals(f.subject())),
                "not 'check the API name': " + r.findings());
    }
}
