package dev.sfapi.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.license.HeldLicenses;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.license.LicenseVerdict;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationReaderTest {

    private static final String FILE = "sfapi-users.yml";
    private static final DeclarationReader READER = new DeclarationReader();

    private static final String GOOD = """
            integrations:
              - name: erp-sync
                user: erp.integration@acme.example
                description: Nightly order sync from the ERP
                objects:
                  Account: [read, create, edit]
                  Invoice__c: [delete, read, create, edit]
                  ns__Shipment__c:
                    - read
                    - view all
                fields:
                  Opportunity.Amount: [read, edit]
                permissions: [ApiEnabled, apiuseronly, BrandNewPermission2031]
              - name: warehouse-export
                user: ERP.Integration@ACME.example
                objects:
                  Product2: [read]
            users:
              erp.integration@acme.example:
                profile: "Custom: Support Profile"
                permissionSets: [ERP_Access]
                permissionSetGroups: []
                permissionSetLicenses: [Salesforce API Integration]
              legacy@acme.example:
            licenses:
              - name: Salesforce Platform
                aliases: [Our Platform]
                objects:
                  - objects: [WorkOrder]
                    allow: [read]
                    confidence: high
                    source: checked in our sandbox, 2024-05
              - name: Acme Special
                kind: permission-set-license
                extends: [Salesforce Platform]
                objects:
                  - objects: [Opportunity]
                    allow: [read]
                    confidence: medium
                    source: https://example.invalid/acme
            """;

    private static List<YamlProblem> problems(String yaml) {
        YamlException e = assertThrows(YamlException.class, () -> READER.read(FILE, yaml));
        return e.problems();
    }

    /** The file has exactly one problem, at this line and column, saying these things. */
    private static YamlProblem onlyProblem(String yaml, int line, int column, String... fragments) {
        List<YamlProblem> all = problems(yaml);
        assertEquals(1, all.size(), () -> "expected one problem, got " + all);
        return assertProblem(all.get(0), line, column, fragments);
    }

    private static YamlProblem assertProblem(YamlProblem p, int line, int column, String... fragments) {
        assertEquals(FILE, p.location().source(), p::toString);
        assertEquals(line, p.location().line(), () -> "line of " + p);
        assertEquals(column, p.location().column(), () -> "column of " + p);
        for (String f : fragments) {
            assertTrue(p.toString().contains(f), () -> "'" + f + "' not in: " + p);
        }
        return p;
    }

    @Nested
    class GoodFiles {

        @Test
        void readsIntegrationsWithTheirOperationsInOrder() throws Exception {
            Declaration d = READER.read(FILE, GOOD);
            assertEquals(FILE, d.source());
            assertEquals(List.of("erp-sync", "warehouse-export"), d.integrations().stream().map(Integration::name).toList());
            Integration erp = d.integrations().get(0);
            assertEquals("erp.integration@acme.example", erp.user());
            assertEquals("Nightly order sync from the ERP", erp.description());
            assertEquals(2, erp.location().line());
            assertEquals(List.of("Account", "Invoice__c", "ns__Shipment__c"),
                    erp.objects().stream().map(ObjectRequirement::object).toList());
            // Reports list operations in Setup's order, whatever order the file used.
            assertEquals(List.of(Operation.READ, Operation.CREATE, Operation.EDIT, Operation.DELETE),
                    List.copyOf(erp.objects().get(1).operations()));
            assertEquals(Set.of(Operation.READ, Operation.VIEW_ALL), erp.objects().get(2).operations());
            assertEquals(7, erp.objects().get(1).location().line());
            assertEquals(7, erp.objects().get(1).location().column());

            FieldRequirement amount = erp.fields().get(0);
            assertEquals("Opportunity", amount.object());
            assertEquals("Amount", amount.field());
            assertEquals(List.of(FieldOperation.READ, FieldOperation.EDIT), List.copyOf(amount.operations()));
            assertEquals(12, amount.location().line());
        }

        @Test
        void permissionsTakeTheKnownSpellingAndNewNamesPass() throws Exception {
            Declaration d = READER.read(FILE, GOOD);
            assertEquals(List.of("ApiEnabled", "ApiUserOnly", "BrandNewPermission2031"),
                    d.integrations().get(0).permissions().stream().map(PermissionRequirement::name).toList());
            assertEquals(13, d.integrations().get(0).permissions().get(1).location().line());
        }

        @Test
        void usersAreFoundIgnoringCaseAndKeepWhereEachNameWasWritten() throws Exception {
            Declaration d = READER.read(FILE, GOOD);
            Integration warehouse = d.integrations().get(1);
            DeclaredUser u = d.user(warehouse.user()).orElseThrow();
            assertEquals("erp.integration@acme.example", u.username());
            assertEquals("Custom: Support Profile", u.profile().value());
            assertEquals(20, u.profile().location().line());
            assertEquals(14, u.profile().location().column());
            assertEquals("ERP_Access", u.permissionSets().get(0).value());
            assertEquals(21, u.permissionSets().get(0).location().line());
            assertTrue(u.permissionSetGroups().isEmpty());
            assertEquals("Salesforce API Integration", u.permissionSetLicenses().get(0).value());
            assertEquals(19, u.location().line());

            assertEquals(List.of("erp-sync", "warehouse-export"),
                    d.integrationsOf("ERP.INTEGRATION@acme.example").stream().map(Integration::name).toList());
            assertTrue(d.user("nobody@acme.example").isEmpty());
        }

        @Test
        void aUserWithNothingStatedIsKeptWithoutAProfile() throws Exception {
            DeclaredUser legacy = READER.read(FILE, GOOD).user("legacy@acme.example").orElseThrow();
            assertNull(legacy.profile());
            assertTrue(legacy.permissionSets().isEmpty());
        }

        @Test
        void licensesSectionAddsToTheCatalogue() throws Exception {
            Declaration d = READER.read(FILE, GOOD);
            assertEquals(List.of("Salesforce Platform", "Acme Special"),
                    d.licenses().stream().map(LicenseDefinition::name).toList());
            assertNull(d.licenses().get(0).kind(), "adding to a built-in license needs no kind");
            LicenseCatalogue c = LicenseCatalogue.builtIn().withAdditions(d.licenses());
            LicenseVerdict workOrder = c.objectAccess(new HeldLicenses("Our Platform", List.of()), "WorkOrder", Operation.READ);
            assertEquals(LicenseVerdict.Outcome.ALLOWED, workOrder.outcome());
            assertEquals(List.of("checked in our sandbox, 2024-05"), workOrder.sources());
            assertEquals(LicenseDefinition.Kind.PERMISSION_SET_LICENSE, c.find("acme special").orElseThrow().kind());
        }

        @Test
        void readsFromAFileAndNamesItInMessages(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("sfapi-users.yml");
            Files.writeString(file, "\uFEFFintegrations:\r\n  - name: a\r\n    user: a@acme.example\r\n    objects:\r\n      Account: [read]\r\n");
            Declaration d = READER.read(file);
            assertEquals(file.toString(), d.source());
            assertEquals(5, d.integrations().get(0).objects().get(0).location().line());

            Files.writeString(file, "integrations:\n  - name: a\n    user: a@acme.example\n    objects:\n      Account: [raed]\n");
            YamlException e = assertThrows(YamlException.class, () -> READER.read(file));
            assertEquals(file + ":5:17", e.problems().get(0).location().toString());
        }

        @Test
        void integrationsWithoutObjectsAreAccepted() throws Exception {
            Declaration d = READER.read(FILE, "integrations:\n  - name: ping\n    user: ping@acme.example\n");
            assertTrue(d.integrations().get(0).objects().isEmpty());
            assertTrue(d.users().isEmpty());
            assertTrue(d.licenses().isEmpty());
        }
    }

    @Nested
    class UnknownKeys {

        @Test
        void atTheTopSuggestsTheNearestSectionAndDoesNotAlsoSayItIsMissing() {
            onlyProblem("integration:\n  - name: a\n    user: a@acme.example\n", 1, 1,
                    "unknown key 'integration' in the declaration", "Did you mean 'integrations'?");
        }

        @Test
        void inAnIntegration() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objetcs:
                          Account: [read]
                    """, 4, 5, "unknown key 'objetcs' in an integration", "Did you mean 'objects'?");
        }

        @Test
        void inAUser() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        permissionSet: [X]
                    """, 6, 5, "unknown key 'permissionSet'", "Did you mean 'permissionSets'?");
        }

        @Test
        void inALicenseRow() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    licenses:
                      - name: Salesforce Platform
                        objects:
                          - objects: [WorkOrder]
                            alow: [read]
                            confidence: high
                            source: our sandbox
                    """, 8, 9, "unknown key 'alow'", "Did you mean 'allow'?");
        }

        @Test
        void farFromAnyKeyListsTheAllowedOnes() {
            onlyProblem("integrations:\n  - name: a\n    user: a@acme.example\n    colour: blue\n", 4, 5,
                    "unknown key 'colour'", "Allowed keys: name, user, description, objects, fields, permissions.");
        }
    }

    @Nested
    class Operations {

        @Test
        void unknownOperationSuggestsTheNearest() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Account: [read, modifyal]
                    """, 5, 23, "unknown operation 'modifyal' for Account in integration 'a'", "Did you mean 'modifyAll'?");
        }

        @Test
        void fieldsTakeOnlyReadAndEdit() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        fields:
                          Opportunity.Amount: [create, reed]
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 5, 28, "unknown operation 'create' for Opportunity.Amount",
                    "Field access has only read and edit", "declare it under 'objects' (Opportunity: [create])");
            assertProblem(all.get(1), 5, 36, "unknown operation 'reed'", "Did you mean 'read'?");
        }

        @Test
        void emptyListAndNothingAtAllAreBothRefused() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Account: []
                          Contact:
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 5, 16, "no operations for Account", "List at least one of read, create");
            assertProblem(all.get(1), 6, 7, "no operations for Contact");
        }

        @Test
        void aSingleOperationWithoutBracketsIsAWrongType() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Account: read
                    """, 5, 16, "the operations for Account must be a list, but this is a text value", "Write Account: [read].");
        }

        @Test
        void theSameOperationTwiceIsReported() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Account: [read, Read]
                    """, 5, 23, "'Read' is listed twice for Account");
        }
    }

    @Nested
    class WrongTypes {

        @Test
        void aNumberWhereANameBelongs() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: 12
                        user: a@acme.example
                    users:
                      a@acme.example:
                        profile: 42
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 2, 11, "the integration's name must be text, but this is a number (12)",
                    "Put it in quotes");
            assertProblem(all.get(1), 6, 14, "the profile of user 'a@acme.example' must be text, but this is a number (42)");
        }

        @Test
        void aScalarWhereAListBelongs() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        permissions: ApiEnabled
                    users:
                      a@acme.example:
                        permissionSets: ERP_Access
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 4, 18, "must be a list", "Write [ApiEnabled] for a list of one.");
            assertProblem(all.get(1), 7, 21, "'permissionSets' of user 'a@acme.example' must be a list",
                    "Write [ERP_Access] for a list of one.");
        }

        @Test
        void integrationsAsAMappingInsteadOfAList() {
            onlyProblem("integrations:\n  erp-sync:\n    user: a@acme.example\n", 2, 3,
                    "'integrations' must be a list, but this is a mapping", "Start each integration with '- name: …'");
        }

        @Test
        void objectsAsAListInsteadOfAMapping() {
            onlyProblem("integrations:\n  - name: a\n    user: a@acme.example\n    objects: [Account]\n", 4, 14,
                    "'objects' of integration 'a' must be a mapping", "Account: [read, edit]");
        }
    }

    @Nested
    class Duplicates {

        @Test
        void integrationNamesAreUniqueIgnoringCase() {
            onlyProblem("""
                    integrations:
                      - name: erp-sync
                        user: a@acme.example
                      - name: ERP-Sync
                        user: b@acme.example
                    """, 4, 11, "the integration name 'ERP-Sync' is already used at line 2");
        }

        @Test
        void usernamesWrittenTwiceExactly() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        profile: P1
                      a@acme.example:
                        profile: P2
                    """, 7, 3, "'a@acme.example' is written twice in the same mapping (first at line 5)");
        }

        @Test
        void usernamesDifferingOnlyInCase() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        profile: P1
                      A@Acme.Example:
                        profile: P2
                    """, 7, 3, "'A@Acme.Example' is the same user as the entry at line 5",
                    "usernames are not case-sensitive");
        }

        @Test
        void objectsDifferingOnlyInCase() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Account: [read]
                          account: [edit]
                    """, 6, 7, "'account' is already listed in integration 'a' at line 5");
        }

        @Test
        void permissionsAndPermissionSetsListedTwice() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        permissions: [ApiEnabled, apienabled]
                    users:
                      a@acme.example:
                        permissionSets: [X, x]
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 4, 31, "'ApiEnabled' is listed twice");
            assertProblem(all.get(1), 7, 25, "'x' is listed twice in 'permissionSets'", "first at line 7");
        }
    }

    @Nested
    class MissingParts {

        @Test
        void integrationWithoutNameOrUser() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - user: a@acme.example
                      - name: b
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 2, 5, "this integration has no 'name'", "Add 'name:'");
            assertProblem(all.get(1), 3, 5, "integration 'b' has no 'user'", "Add 'user:'");
        }

        @Test
        void emptyFile() {
            onlyProblem("", 1, 1, "the declaration is empty", "Start with 'integrations:'");
        }

        @Test
        void fileWithOnlyComments() {
            onlyProblem("# to do\n", 1, 1, "the declaration is empty");
        }

        @Test
        void fileWithoutIntegrations() {
            onlyProblem("users:\n  a@acme.example:\n    profile: P\n", 1, 1,
                    "the declaration has no 'integrations' section", "Add 'integrations:'");
        }

        @Test
        void emptyIntegrationsList() {
            onlyProblem("integrations: []\n", 1, 15, "'integrations' lists no integration");
        }
    }

    @Nested
    class Names {

        @Test
        void fieldKeysMustBeObjectDotField() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        fields:
                          Amount: [read]
                          Account.Owner.Name: [read]
                          Opportunity.Amount c: [read]
                    """);
            assertEquals(3, all.size(), all::toString);
            assertProblem(all.get(0), 5, 7, "'Amount' in integration 'a' is not of the form Object.Field",
                    "Opportunity.Amount");
            assertProblem(all.get(1), 6, 7, "'Account.Owner.Name'", "not of the form Object.Field", "User.Name");
            assertProblem(all.get(2), 7, 7, "'Amount c' in 'Opportunity.Amount c'", "Did you mean 'Amount__c'?");
        }

        @Test
        void objectNamesMustBeApiNames() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        objects:
                          Invoice c: [read]
                          Invoice___c: [read]
                          Sales Order: [read]
                          2Fast: [read]
                    """);
            assertEquals(4, all.size(), all::toString);
            assertProblem(all.get(0), 5, 7, "'Invoice c' in integration 'a' is not an object API name", "Did you mean 'Invoice__c'?");
            assertProblem(all.get(1), 6, 7, "'Invoice___c'", "Did you mean 'Invoice__c'?");
            assertProblem(all.get(2), 7, 7, "'Sales Order'", "Did you mean 'SalesOrder' (standard) or 'Sales_Order__c' (custom)?");
            assertProblem(all.get(3), 8, 7, "'2Fast'", "Did you mean 'Fast'?");
        }

        @Test
        void permissionTyposAndLabelsAreRefusedWithTheKnownName() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                        permissions: [ApiEnabeld, API Enabled, Modify All Data]
                    """);
            assertEquals(3, all.size(), all::toString);
            assertProblem(all.get(0), 4, 19, "unknown system permission 'ApiEnabeld'", "Did you mean 'ApiEnabled'?",
                    "newer than sfapi's list is accepted");
            assertProblem(all.get(1), 4, 31, "'API Enabled' is not a system permission API name", "Did you mean 'ApiEnabled'?");
            assertProblem(all.get(2), 4, 44, "'Modify All Data'", "Did you mean 'ModifyAllData'?");
        }

        @Test
        void usernamesMustLookLikeEmailAddresses() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: erp-integration
                    users:
                      erp user@acme.example: {}
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 3, 11, "'erp-integration' is not a Salesforce username", "form of an email address");
            assertProblem(all.get(1), 5, 3, "'erp user@acme.example' is not a Salesforce username");
        }

        @Test
        void permissionSetLicenseTyposAndUserLicensesAreRefused() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        permissionSetLicenses: [SalesforceAPIIntegrationPs, Salesforce Integration, SomeIndustryPsl]
                    """);
            assertEquals(2, all.size(), all::toString);
            assertProblem(all.get(0), 6, 29, "unknown permission set license 'SalesforceAPIIntegrationPs'",
                    "Did you mean 'SalesforceAPIIntegrationPsl'?");
            assertProblem(all.get(1), 6, 57, "'Salesforce Integration' is a user license, not a permission set license");
        }
    }

    @Nested
    class Licenses {

        @Test
        void aBlockWithoutKindMustNameABuiltInLicense() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    licenses:
                      - name: Salesforce Platfrom
                        objects:
                          - objects: [WorkOrder]
                            allow: [read]
                            confidence: high
                            source: our sandbox
                    """, 5, 5, "license 'Salesforce Platfrom' is not in the built-in catalogue",
                    "Did you mean 'Salesforce Platform'?", "kind: user-license");
        }

        @Test
        void aKindThatContradictsTheBuiltInOne() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    licenses:
                      - name: Salesforce Platform
                        kind: permission-set-license
                    """, 5, 5, "'Salesforce Platform' is a user-license in the built-in catalogue",
                    "Write 'kind: user-license' or leave 'kind' out.");
        }

        @Test
        void anAliasMayNotNameAnotherBuiltInLicense() {
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    licenses:
                      - name: Acme License
                        kind: user-license
                        aliases: [AUL]
                    """, 5, 5, "the alias 'AUL' of license 'Acme License' already names the built-in license 'Salesforce Platform'");
        }

        @Test
        void rowMistakesCarryTheirLines() {
            List<YamlProblem> all = problems("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    licenses:
                      - name: Salesforce Platform
                        objects:
                          - objects: [WorkOrder]
                            allow: [red]
                            confidence: sure
                    """);
            assertEquals(3, all.size(), all::toString);
            assertProblem(all.get(0), 7, 9, "has no 'source'");
            assertProblem(all.get(1), 8, 17, "unknown operation 'red'", "Did you mean 'read'?");
            assertProblem(all.get(2), 9, 21, "unknown confidence 'sure'", "Use high, medium or low.");
        }

        @Test
        void aNewPermissionSetLicenseDeclaredHereIsKnownToTheUsersSection() throws Exception {
            Declaration d = READER.read(FILE, """
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        permissionSetLicenses: [AcmePsl]
                    licenses:
                      - name: AcmePsl
                        kind: permission-set-license
                    """);
            assertEquals("AcmePsl", d.user("a@acme.example").orElseThrow().permissionSetLicenses().get(0).value());
            // ... and a typo of it is caught like a typo of a built-in one.
            onlyProblem("""
                    integrations:
                      - name: a
                        user: a@acme.example
                    users:
                      a@acme.example:
                        permissionSetLicenses: [AcmPsl]
                    licenses:
                      - name: AcmePsl
                        kind: permission-set-license
                    """, 6, 29, "Did you mean 'AcmePsl'?");
        }
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceInLineOrder() {
        YamlException e = assertThrows(YamlException.class, () -> READER.read(FILE, """
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                    objects:
                      Account: [raed]
                    fields:
                      Amount: [read]
                  - name: erp-sync
                    usr: x@acme.example
                users:
                  erp@acme.example:
                    profile: 12
                licenses:
                  - name: Salesforce Platform
                    objects:
                      - objects: [Case]
                        allow: [read]
                        deny: [read]
                        confidence: high
                        source: x
                """));
        List<YamlProblem> all = e.problems();
        List<Integer> lines = all.stream().map(p -> p.location().line()).toList();
        assertEquals(List.of(5, 7, 8, 8, 9, 12, 16), lines, all::toString);
        assertTrue(e.getMessage().startsWith("7 problems:"), e.getMessage());
        assertTrue(all.get(6).message().contains("both allows and denies read"), all.get(6)::toString);
    }

    @Test
    void syntaxErrorsNameTheLineAndTheUsualCause() {
        YamlProblem p = onlyProblem("""
                integrations:
                  - name: a
                    user: a@acme.example
                users:
                  a@acme.example:
                    profile: Custom: Support Profile
                """, 6, 20, "this is not valid YAML: mapping values are not allowed here",
                "must be in quotes, for example profile: \"Custom: Support Profile\"");
        assertFalse(p.message().isBlank());
    }

    @Test
    void aTabIsReportedWhereItIsNotAtTheEndOfTheLineBefore() {
        onlyProblem("integrations:\n  - name: a\n    user: a@acme.example\nusers:\n  a@acme.example:\n\tprofile: P\n",
                6, 1, "TAB", "Indent with spaces, not tabs.");
    }

    @Test
    void aKeyWithoutItsColonIsReportedAtThatKey() {
        onlyProblem("""
                integrations:
                  - name: a
                    user a@acme.example
                    objects:
                      Account: [read]
                """, 3, 5, "could not find expected ':'");
    }

    @Test
    void aKeyIndentedDeeperThanItsNeighbourIsReportedAtThatKeyWithBothLikelyCauses() {
        onlyProblem("""
                integrations:
                  - name: a
                      user: a@acme.example
                """, 3, 11, "mapping values are not allowed here.", "indent this key exactly like the key above it");
    }

    @Test
    void aSecondDocumentIsNotSilentlyDropped() {
        onlyProblem("""
                integrations:
                  - name: a
                    user: a@acme.example
                    permissions: [ApiEnabled]
                ---
                integrations:
                  - name: b
                    user: b@acme.example
                """, 6, 1, "a second YAML document starts here", "merge the two documents");
    }

    @Test
    void anEmptyObjectsFieldsOrPermissionsKeyIsAProblemNotAPass() {
        List<YamlProblem> all = problems("""
                integrations:
                  - name: a
                    user: a@acme.example
                    objects:
                    fields:
                    permissions:
                """);
        assertEquals(3, all.size(), all::toString);
        assertTrue(all.get(0).message().contains("'objects' of integration 'a' is empty"), all.get(0)::toString);
        assertTrue(all.get(0).hint().contains("remove the 'objects:' line"), all.get(0)::toString);
        assertTrue(all.get(1).message().contains("'fields' of integration 'a' is empty"), all.get(1)::toString);
        assertTrue(all.get(2).message().contains("'permissions' of integration 'a' is empty"), all.get(2)::toString);
    }

    @Test
    void aYamlAliasIsAProblemNotTheAnchorsNameReadAsAWord() {
        List<YamlProblem> all = problems("""
                integrations:
                  - name: a
                    user: a@acme.example
                    objects: &crm
                      Account: [read]
                  - name: b
                    user: b@acme.example
                    objects: *crm
                """);
        assertEquals(1, all.size(), all::toString);
        assertProblem(all.get(0), 8, 14, "'*crm' is a YAML alias", "Write the value out in full here.");
    }
}
