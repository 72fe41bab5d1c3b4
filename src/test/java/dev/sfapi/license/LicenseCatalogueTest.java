package dev.sfapi.license;

import static dev.sfapi.declaration.Operation.CREATE;
import static dev.sfapi.declaration.Operation.DELETE;
import static dev.sfapi.declaration.Operation.EDIT;
import static dev.sfapi.declaration.Operation.MODIFY_ALL;
import static dev.sfapi.declaration.Operation.READ;
import static dev.sfapi.declaration.Operation.VIEW_ALL;
import static dev.sfapi.license.LicenseVerdict.Outcome.ALLOWED;
import static dev.sfapi.license.LicenseVerdict.Outcome.DENIED;
import static dev.sfapi.license.LicenseVerdict.Outcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlLocation;
import dev.sfapi.yaml.YamlReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LicenseCatalogueTest {

    private static final LicenseCatalogue CATALOGUE = LicenseCatalogue.builtIn();
    private static final YamlLocation HERE = new YamlLocation("test", 1, 1);

    private static HeldLicenses held(String userLicense, String... psls) {
        return new HeldLicenses(userLicense, List.of(psls));
    }

    private static void assertVerdict(LicenseVerdict v, LicenseVerdict.Outcome outcome, Confidence confidence,
                                      String decidedBy) {
        assertEquals(outcome, v.outcome(), v::toString);
        assertEquals(confidence, v.confidence(), v::toString);
        assertEquals(decidedBy, v.decidedBy(), v::toString);
        if (outcome != UNKNOWN) {
            assertFalse(v.sources().isEmpty(), "a decision names its sources: " + v);
            assertNull(v.reason(), v::toString);
        }
    }

    /** Definitions written in the catalogue's own YAML, for semantics tests independent of the shipped data. */
    private static List<LicenseDefinition> definitions(String yaml) throws Exception {
        YamlFields fields = new YamlFields();
        List<LicenseDefinition> defs = CatalogueReader.readDocument(YamlReader.read("test.yml", yaml), fields, false);
        fields.throwIfAny();
        return defs;
    }

    @Nested
    class SalesforcePlatform {

        @Test
        void deniesOpportunityLeadAndCampaignReadAndEditWithHighConfidence() {
            for (String object : List.of("Opportunity", "Lead", "Campaign")) {
                for (Operation op : List.of(READ, EDIT)) {
                    LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Platform"), object, op);
                    assertVerdict(v, DENIED, Confidence.HIGH, "Salesforce Platform");
                    assertTrue(v.isActionable());
                    assertTrue(v.sources().get(0).startsWith("https://help.salesforce.com/"), v::toString);
                }
            }
        }

        @Test
        void allowsAccountAndContactWithEveryOperation() {
            for (Operation op : Operation.values()) {
                assertVerdict(CATALOGUE.objectAccess(held("Salesforce Platform"), "Account", op), ALLOWED, Confidence.HIGH,
                        "Salesforce Platform");
            }
            assertVerdict(CATALOGUE.objectAccess(held("salesforce platform"), "contact", MODIFY_ALL), ALLOWED,
                    Confidence.HIGH, "Salesforce Platform");
        }

        @Test
        void deniesCaseWithoutTheCompanyCommunitiesLicenseAndSaysWhichOneIsMissing() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Platform"), "Case", READ);
            assertVerdict(v, DENIED, Confidence.MEDIUM, "Salesforce Platform");
            assertTrue(v.note().contains("Company Communities"), v::toString);
        }

        @Test
        void withCompanyCommunitiesAllowsCaseButStillDeniesOpportunity() {
            // The label orgs show for the PSL.
            HeldLicenses h = held("Salesforce Platform", "Company Community for Force.com");
            assertVerdict(CATALOGUE.objectAccess(h, "Case", EDIT), ALLOWED, Confidence.MEDIUM, "Company Communities");
            LicenseVerdict opp = CATALOGUE.objectAccess(h, "Opportunity", READ);
            assertVerdict(opp, DENIED, Confidence.MEDIUM, "Salesforce Platform + Company Communities");
            assertTrue(opp.sources().size() >= 2, "both licenses' sources: " + opp);
            // What the user license gives is untouched by the PSL's "adds nothing else".
            assertVerdict(CATALOGUE.objectAccess(h, "Account", EDIT), ALLOWED, Confidence.HIGH, "Salesforce Platform");
        }

        @Test
        void aNamedObjectWinsOverCustomAndExternalObjectsHaveTheirOwnRows() {
            assertVerdict(CATALOGUE.objectAccess(held("Salesforce Platform"), "Invoice__c", DELETE), ALLOWED,
                    Confidence.MEDIUM, "Salesforce Platform");
            assertVerdict(CATALOGUE.objectAccess(held("Salesforce Platform"), "Erp_Order__x", EDIT), ALLOWED,
                    Confidence.HIGH, "Salesforce Platform");
            assertVerdict(CATALOGUE.objectAccess(held("Salesforce Platform"), "Erp_Order__x", DELETE), DENIED,
                    Confidence.MEDIUM, "Salesforce Platform");
            // Nothing says anything about view all on custom objects: unknown, never a pass.
            LicenseVerdict va = CATALOGUE.objectAccess(held("Salesforce Platform"), "Invoice__c", VIEW_ALL);
            assertEquals(UNKNOWN, va.outcome());
            assertEquals(LicenseVerdict.Reason.NO_ENTRY, va.reason());
        }

        @Test
        void systemPermissions() {
            assertVerdict(CATALOGUE.systemPermission(held("Salesforce Platform"), "ApiEnabled"), ALLOWED, Confidence.MEDIUM,
                    "Salesforce Platform");
            assertVerdict(CATALOGUE.systemPermission(held("Salesforce Platform"), "apienabled"), ALLOWED, Confidence.MEDIUM,
                    "Salesforce Platform");
            assertVerdict(CATALOGUE.systemPermission(held("Salesforce Platform"), "CustomizeApplication"), DENIED,
                    Confidence.HIGH, "Salesforce Platform");
            LicenseVerdict mad = CATALOGUE.systemPermission(held("Salesforce Platform"), "ModifyAllData");
            assertEquals(UNKNOWN, mad.outcome());
            assertEquals(LicenseVerdict.Reason.NO_ENTRY, mad.reason());
        }
    }

    @Nested
    class SalesforceIntegration {

        @Test
        void withoutThePslDeniesAccountRead() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Integration"), "Account", READ);
            assertVerdict(v, DENIED, Confidence.HIGH, "Salesforce Integration");
            assertTrue(v.note().contains("SalesforceAPIIntegrationPsl"), v::toString);
            // Any other standard object too, with the class row's confidence.
            assertVerdict(CATALOGUE.objectAccess(held("Salesforce Integration"), "Opportunity", READ), DENIED,
                    Confidence.MEDIUM, "Salesforce Integration");
        }

        @Test
        void withThePslByDeveloperNameOrLabelAllowsAccountRead() {
            for (String psl : List.of("SalesforceAPIIntegrationPsl", "Salesforce API Integration", "salesforceapiintegrationpsl")) {
                LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Integration", psl), "Account", READ);
                assertVerdict(v, ALLOWED, Confidence.MEDIUM, "SalesforceAPIIntegrationPsl");
            }
        }

        @Test
        void withThePslAnObjectNobodyHasCheckedIsUnknownAndSaysHowToSettleIt() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Integration", "SalesforceAPIIntegrationPsl"), "Case", EDIT);
            assertEquals(UNKNOWN, v.outcome());
            assertEquals(LicenseVerdict.Reason.NO_ENTRY, v.reason());
            assertNull(v.decidedBy());
            assertFalse(v.isActionable());
            assertTrue(v.note().contains("no entry for edit on Case under 'SalesforceAPIIntegrationPsl'"), v::toString);
            assertTrue(v.note().contains("'Salesforce Integration' cannot (medium)"), v::toString);
            assertTrue(v.howToSettle().contains("'licenses' section"), v::toString);
        }

        @Test
        void withThePslOnlyWhatWasSeenWorkingIsAllowed() {
            HeldLicenses psl = held("Salesforce Integration", "SalesforceAPIIntegrationPsl");
            assertVerdict(CATALOGUE.objectAccess(psl, "Contact", EDIT), ALLOWED, Confidence.MEDIUM,
                    "SalesforceAPIIntegrationPsl");
            // View All on Contact and Order were never seen with a page to cite: unknown, never a pass.
            assertEquals(UNKNOWN, CATALOGUE.objectAccess(psl, "Contact", VIEW_ALL).outcome());
            LicenseVerdict order = CATALOGUE.objectAccess(psl, "Order", READ);
            assertEquals(UNKNOWN, order.outcome());
            assertEquals(LicenseVerdict.Reason.LOW_CONFIDENCE, order.reason());
        }

        @Test
        void customObjectsNeedNoPsl() {
            assertVerdict(CATALOGUE.objectAccess(held("Salesforce Integration"), "Invoice__c", EDIT), ALLOWED,
                    Confidence.MEDIUM, "Salesforce Integration");
        }

        @Test
        void apiIsEnabledOnTheIntegrationAndSalesforceLicenses() {
            assertVerdict(CATALOGUE.systemPermission(held("Salesforce Integration"), "ApiEnabled"), ALLOWED,
                    Confidence.HIGH, "Salesforce Integration");
            assertVerdict(CATALOGUE.systemPermission(held("Salesforce"), "ApiEnabled"), ALLOWED, Confidence.MEDIUM,
                    "Salesforce");
        }

        @Test
        void aPslThatCantBeAssignedWithTheUserLicenseIsNotCounted() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Platform", "SalesforceAPIIntegrationPsl"),
                    "Opportunity", READ);
            assertVerdict(v, DENIED, Confidence.HIGH, "Salesforce Platform");
            assertTrue(v.note().contains("'SalesforceAPIIntegrationPsl' can only be assigned with Salesforce Integration"),
                    v::toString);
        }
    }

    @Nested
    class Unknowns {

        @Test
        void aLicenseNotInTheCatalogueIsNeverAllowed() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Work.com Only"), "Account", READ);
            assertEquals(UNKNOWN, v.outcome());
            assertEquals(LicenseVerdict.Reason.LICENSE_NOT_IN_CATALOGUE, v.reason());
            assertTrue(v.note().contains("'Work.com Only' is not in the catalogue"), v::toString);
            assertEquals(LicenseVerdict.Reason.LICENSE_NOT_IN_CATALOGUE,
                    CATALOGUE.systemPermission(held("Work.com Only"), "ApiEnabled").reason());
            assertFalse(v.note().contains("did you mean"), "no far-fetched suggestion: " + v);
        }

        @Test
        void aMisspeltLicenseIsUnknownWithTheNearestName() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Salesforce Platfrom"), "Account", READ);
            assertEquals(UNKNOWN, v.outcome());
            assertTrue(v.note().contains("'Salesforce Platfrom' is not in the catalogue (did you mean"
                    + " 'Salesforce Platform'?)"), v::toString);
            assertTrue(v.howToSettle().startsWith("Correct the <userLicense> of the user's profile file"),
                    v.howToSettle());
            assertFalse(CATALOGUE.objectAccess(held("Work.com Only"), "Account", READ).howToSettle()
                    .startsWith("Correct"), "a real license not in the catalogue is settled in the org");
        }

        @Test
        void anUnknownUserLicense() {
            LicenseVerdict v = CATALOGUE.objectAccess(held(null), "Account", READ);
            assertEquals(UNKNOWN, v.outcome());
            assertEquals(LicenseVerdict.Reason.USER_LICENSE_UNKNOWN, v.reason());
            assertTrue(v.note().contains("<userLicense>"), v::toString);
        }

        @Test
        void aPslNotInTheCatalogueMayExtendADenialButNotTakeAwayAnAllowance() {
            HeldLicenses h = held("Salesforce Platform", "SomeIndustryPsl");
            LicenseVerdict opp = CATALOGUE.objectAccess(h, "Opportunity", EDIT);
            assertEquals(UNKNOWN, opp.outcome());
            assertEquals(LicenseVerdict.Reason.PSL_NOT_IN_CATALOGUE, opp.reason());
            assertTrue(opp.note().contains("'SomeIndustryPsl' is not in the catalogue and may extend"), opp::toString);
            assertTrue(opp.note().contains("'Salesforce Platform' cannot (high)"), opp::toString);
            assertVerdict(CATALOGUE.objectAccess(h, "Account", READ), ALLOWED, Confidence.HIGH, "Salesforce Platform");
        }

        @Test
        void lowConfidenceRowsOnlyWarnButNameTheirSource() {
            LicenseVerdict v = CATALOGUE.objectAccess(held("Force.com - App Subscription"), "Account", READ);
            assertEquals(UNKNOWN, v.outcome());
            assertEquals(LicenseVerdict.Reason.LOW_CONFIDENCE, v.reason());
            assertEquals(Confidence.LOW, v.confidence());
            assertFalse(v.isActionable());
            assertFalse(v.sources().isEmpty());
            assertTrue(v.note().contains("only a low-confidence entry says 'Force.com - App Subscription' allows read on Account"),
                    v::toString);
        }

        @Test
        void rowsOfEqualStandingThatDisagreeAreAConflict() {
            CatalogueEntry allow = new CatalogueEntry("X", new ObjectScope.Named(Set.of("Account")), EnumSet.of(READ),
                    Set.of(), Confidence.HIGH, "a", null, HERE);
            CatalogueEntry deny = new CatalogueEntry("X", new ObjectScope.Named(Set.of("Account")), Set.of(),
                    EnumSet.of(READ), Confidence.HIGH, "b", null, HERE);
            LicenseCatalogue c = LicenseCatalogue.of(List.of(new LicenseDefinition("X",
                    LicenseDefinition.Kind.USER_LICENSE, List.of(), List.of(), null, List.of(allow, deny), List.of(), HERE)));
            LicenseVerdict v = c.objectAccess(held("X"), "Account", READ);
            assertEquals(UNKNOWN, v.outcome());
            assertEquals(LicenseVerdict.Reason.CONFLICT, v.reason());
            assertEquals(List.of("a", "b"), v.sources());
        }
    }

    @Nested
    class Semantics {

        private final LicenseCatalogue c;

        Semantics() throws Exception {
            c = LicenseCatalogue.of(definitions("""
                    licenses:
                      - name: L
                        kind: user-license
                        objects:
                          - objects: [Secret__c]
                            deny: [read]
                            confidence: high
                            source: s1
                          - objects: [Admin__c]
                            allow: [modifyAll]
                            confidence: high
                            source: s2
                          - objects: [Account]
                            allow: [read]
                            confidence: medium
                            source: s3
                          - objects: standard
                            deny: all
                            confidence: high
                            source: s4
                          - objects: all
                            allow: [read]
                            confidence: high
                            source: s5
                    """));
        }

        @Test
        void denyingReadDeniesEveryOperation() {
            for (Operation op : Operation.values()) {
                LicenseVerdict v = c.objectAccess(held("L"), "Secret__c", op);
                assertEquals(DENIED, v.outcome(), op + ": " + v);
                assertEquals(List.of("s1"), v.sources());
            }
        }

        @Test
        void allowingModifyAllAllowsWhatItNeeds() {
            for (Operation op : List.of(READ, EDIT, DELETE, VIEW_ALL, MODIFY_ALL)) {
                assertEquals(ALLOWED, c.objectAccess(held("L"), "Admin__c", op).outcome(), op::toString);
            }
            // Modify All does not need Create (Setup doesn't tick it), so the row says nothing about it.
            assertEquals(UNKNOWN, c.objectAccess(held("L"), "Admin__c", CREATE).outcome());
        }

        @Test
        void theMostSpecificRowThatSpeaksForTheOperationDecides() {
            assertEquals(List.of("s3"), c.objectAccess(held("L"), "Account", READ).sources());
            // The named row says nothing about edit, so the standard row decides.
            LicenseVerdict edit = c.objectAccess(held("L"), "Account", EDIT);
            assertEquals(DENIED, edit.outcome());
            assertEquals(List.of("s4"), edit.sources());
            // Standard beats all.
            assertEquals(DENIED, c.objectAccess(held("L"), "Lead", READ).outcome());
            assertEquals(List.of("s5"), c.objectAccess(held("L"), "Other__c", READ).sources());
            assertEquals(LicenseVerdict.Reason.NO_ENTRY, c.objectAccess(held("L"), "Other__c", CREATE).reason());
        }
    }

    @Nested
    class Additions {

        @Test
        void aDeclarationRowOverridesTheBuiltInRowOfTheSameSpecificity() throws Exception {
            LicenseCatalogue c = CATALOGUE.withAdditions(definitions("""
                    licenses:
                      - name: Lightning Platform Starter
                        objects:
                          - objects: [Opportunity]
                            allow: [read]
                            confidence: high
                            source: verified by check-only deploy, 2024-05
                    """));
            LicenseVerdict read = c.objectAccess(held("Salesforce Platform"), "Opportunity", READ);
            assertVerdict(read, ALLOWED, Confidence.HIGH, "Salesforce Platform");
            assertEquals(List.of("verified by check-only deploy, 2024-05"), read.sources());
            // Edit is not mentioned by the team's row: the built-in denial stands.
            assertVerdict(c.objectAccess(held("Salesforce Platform"), "Opportunity", EDIT), DENIED, Confidence.HIGH,
                    "Salesforce Platform");
            // The built-in catalogue itself is unchanged.
            assertEquals(DENIED, CATALOGUE.objectAccess(held("Salesforce Platform"), "Opportunity", READ).outcome());
            // The rows were re-labelled with the canonical name.
            assertTrue(c.find("Salesforce Platform").orElseThrow().objects().stream()
                    .allMatch(e -> e.license().equals("Salesforce Platform")));
        }

        @Test
        void aBroaderDeclarationRowDoesNotOverrideANamedBuiltInRow() throws Exception {
            LicenseCatalogue c = CATALOGUE.withAdditions(definitions("""
                    licenses:
                      - name: Salesforce Platform
                        objects:
                          - objects: standard
                            allow: all
                            confidence: high
                            source: wishful thinking
                    """));
            assertEquals(DENIED, c.objectAccess(held("Salesforce Platform"), "Opportunity", READ).outcome());
            assertEquals(ALLOWED, c.objectAccess(held("Salesforce Platform"), "WorkOrder", READ).outcome());
        }

        @Test
        void aNewLicenseAndNewAliasesBecomeKnown() throws Exception {
            LicenseCatalogue c = CATALOGUE.withAdditions(definitions("""
                    licenses:
                      - name: SalesforceAPIIntegrationPsl
                        aliases: [Our API PSL]
                        objects:
                          - objects: [Case]
                            allow: [read, edit]
                            confidence: high
                            source: our sandbox
                      - name: Work.com Only
                        kind: user-license
                        permissions:
                          - allow: [ApiEnabled]
                            confidence: medium
                            source: our sandbox
                    """));
            assertEquals(ALLOWED, c.objectAccess(held("Salesforce Integration", "Our API PSL"), "Case", EDIT).outcome());
            assertTrue(c.sameLicense("Our API PSL", "Salesforce API Integration"));
            assertEquals(ALLOWED, c.systemPermission(held("Work.com Only"), "ApiEnabled").outcome());
            assertEquals(CATALOGUE.definitions().size() + 1, c.definitions().size());
        }

        @Test
        void misfitsAreRefused() throws Exception {
            assertThrows(IllegalArgumentException.class, () -> CATALOGUE.withAdditions(definitions(
                    "licenses:\n  - name: Nobody Knows Me\n")));
            assertThrows(IllegalArgumentException.class, () -> CATALOGUE.withAdditions(definitions(
                    "licenses:\n  - name: Salesforce\n    kind: permission-set-license\n")));
            assertThrows(IllegalArgumentException.class, () -> CATALOGUE.withAdditions(definitions(
                    "licenses:\n  - name: Salesforce\n    aliases: [AUL]\n")));
        }
    }

    @Nested
    class Names {

        @Test
        void findsByNameLabelKeyOrMarketingNameIgnoringCase() {
            assertEquals("SalesforceAPIIntegrationPsl", CATALOGUE.find("salesforce api integration").orElseThrow().name());
            assertEquals("Salesforce Platform", CATALOGUE.find(" AUL ").orElseThrow().name());
            assertEquals("Salesforce Platform", CATALOGUE.find("Lightning Platform Starter").orElseThrow().name());
            assertEquals("Company Communities", CATALOGUE.find("Company Community for Force.com").orElseThrow().name());
            assertTrue(CATALOGUE.find("Sales Cloud Integration User").isEmpty(), "not modelled until seen in an org");
            assertTrue(CATALOGUE.find(null).isEmpty());
        }

        @Test
        void sameLicense() {
            assertTrue(CATALOGUE.sameLicense("Salesforce API Integration", "SalesforceAPIIntegrationPsl"));
            assertTrue(CATALOGUE.sameLicense("SALESFORCE", "Salesforce"));
            assertTrue(CATALOGUE.sameLicense("Something New", "something new"));
            assertFalse(CATALOGUE.sameLicense("Salesforce", "Salesforce Platform"));
            assertFalse(CATALOGUE.sameLicense("Salesforce", null));
        }
    }
}
