package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetadataReaderTest {

    private final MetadataReader reader = new MetadataReader();

    @Test
    void readsAProfileInSourceFormatIntoTheModel() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Custom%3A Support Profile.profile-meta.xml"));

        assertEquals(MetadataKind.PROFILE, p.kind());
        assertEquals("Custom%3A Support Profile", p.fullName());
        assertNull(p.label(), "profiles have no <label> element");
        assertEquals("Salesforce", p.license());
        assertEquals(PermissionFile.Completeness.SOURCE_PROFILE, p.completeness());
        assertEquals(EnumSet.of(Operation.READ, Operation.CREATE, Operation.EDIT), p.objects().get("Account"));
        assertEquals(Set.of(FieldOperation.READ, FieldOperation.EDIT), p.fields().get("Account.Industry"));
        assertEquals(Set.of(FieldOperation.READ), p.fields().get("Case.Reason"));
        assertEquals(Set.of(), p.fields().get("Contact.Birthdate"), "listed with both flags false");
        assertEquals(Map.of("ApiEnabled", true, "ModifyAllData", false), p.userPermissions());
        assertTrue(p.origin().endsWith("Custom%3A Support Profile.profile-meta.xml"), p.origin());
    }

    @Test
    void anObjectListedWithEveryFlagFalseIsPresentWithNoOperations() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Custom%3A Support Profile.profile-meta.xml"));

        assertTrue(p.objects().containsKey("Opportunity"));
        assertTrue(p.objects().get("Opportunity").isEmpty());
        assertFalse(p.objects().containsKey("Lead"), "not listed means absent");
    }

    @Test
    void permissionDependenciesAreNotAppliedByTheReader() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Custom%3A Support Profile.profile-meta.xml"));

        // Case lists allowDelete without allowRead/allowEdit: recorded as written, the access layer decides.
        assertEquals(Set.of(Operation.DELETE), p.objects().get("Case"));
    }

    @Test
    void lookupsInTheModelAreCaseInsensitive() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Custom%3A Support Profile.profile-meta.xml"));

        assertEquals(p.objects().get("Account"), p.objects().get("ACCOUNT"));
        assertEquals(p.fields().get("Account.Industry"), p.fields().get("account.industry"));
        assertEquals(Boolean.TRUE, p.userPermissions().get("apienabled"));
    }

    @Test
    void permissionSetWithLicenseElementIsBoundToThatLicense() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Modern_Access.permissionset-meta.xml"));

        assertEquals(MetadataKind.PERMISSION_SET, p.kind());
        assertEquals("Modern_Access", p.fullName());
        assertEquals("Modern Access", p.label());
        assertEquals("Salesforce", p.license());
        assertEquals(PermissionFile.Completeness.FULL, p.completeness());
    }

    @Test
    void legacyUserLicenseElementBindsAPermissionSetExactlyAsLicenseDoes() throws Exception {
        PermissionFile legacy = reader.readPermissions(Fixtures.reader("Legacy_Access.permissionset"));
        PermissionFile modern = reader.readPermissions(Fixtures.reader("Modern_Access.permissionset-meta.xml"));

        assertEquals("Salesforce", legacy.license());
        assertEquals(modern.license(), legacy.license());
        assertEquals(modern.objects(), legacy.objects());
        assertEquals(modern.completeness(), legacy.completeness());
    }

    @Test
    void utf8ByteOrderMarkLowercaseEncodingAndASingleLineAreRead() throws Exception {
        Path file = Fixtures.reader("Run_Lottery.permissionset");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0], "fixture must start with a BOM");

        PermissionFile p = reader.readPermissions(file);

        assertEquals("Run Lottery", p.label());
        assertNull(p.license());
        assertEquals(Set.of(Operation.READ, Operation.EDIT), p.objects().get("Lottery__c"));
        assertEquals(Set.of(FieldOperation.READ), p.fields().get("Lottery__c.Rank__c"));
        assertEquals(Map.of("RunFlow", true), p.userPermissions());
    }

    @Test
    void crlfAndMixedLineEndsReadLikeLf() throws Exception {
        Path crlf = Fixtures.reader("Crlf_Access.permissionset");
        Path mixed = Fixtures.reader("Mixed_Endings.permissionset-meta.xml");
        String crlfText = Files.readString(crlf);
        String mixedText = Files.readString(mixed);
        assertEquals(crlfText.split("\n").length, crlfText.split("\r\n").length, "every line CRLF");
        assertTrue(mixedText.contains("\r\n") && mixedText.replace("\r\n", "").contains("\n"), "both endings");

        PermissionFile a = reader.readPermissions(crlf);
        PermissionFile b = reader.readPermissions(mixed);
        PermissionFile lf = reader.readPermissions(Fixtures.reader("Modern_Access.permissionset-meta.xml"));

        assertEquals("Crlf Access", a.label());
        assertEquals("Mixed Endings", b.label());
        assertEquals(lf.objects(), a.objects());
        assertEquals(lf.objects(), b.objects());
        assertEquals("Salesforce", a.license());
        assertEquals("Salesforce", b.license());
    }

    @Test
    void crlfLineNumbersInMessagesMatchTheFile() {
        byte[] xml = ("<?xml version=\"1.0\"?>\r\n<PermissionSet>\r\n<objectPermissions>\r\n"
                + "<allowRead>maybe</allowRead>\r\n<object>A</object>\r\n</objectPermissions>\r\n</PermissionSet>")
                .getBytes(StandardCharsets.UTF_8);

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(
                new ByteArrayInputStream(xml), MetadataKind.PERMISSION_SET, "X", "X.permissionset"));

        assertTrue(e.getMessage().startsWith("X.permissionset:4:"), e.getMessage());
    }

    @Test
    void commentedOutPermissionsDoNotCountAndNamespaceTokensAreRemoved() throws Exception {
        MetadataReader.Result r;
        Path file = Fixtures.reader("NPSP_Template.profile");
        try (var in = Files.newInputStream(file)) {
            r = reader.readCounted(in, MetadataKind.PROFILE, "NPSP_Template", file.toString());
        }
        PermissionFile p = r.file();

        assertEquals(2, r.fieldEntries(), "the commented-out block is not an entry");
        assertEquals(2, r.objectEntries());
        assertFalse(p.objects().containsKey("Opportunity"), "commented-out object");
        assertFalse(p.fields().containsKey("npe03__Recurring_Donation__c.Status__c"), "commented-out field");
        assertEquals(Set.of(FieldOperation.READ, FieldOperation.EDIT),
                p.fields().get("npe03__Recurring_Donation__c.Day_of_Month__c"));
        assertEquals(Set.of(FieldOperation.READ), p.fields().get("DataImport__c.Status__c"));
        assertEquals(Set.of(Operation.READ, Operation.CREATE, Operation.EDIT), p.objects().get("DataImport__c"));
        assertTrue(p.objects().keySet().stream().noneMatch(k -> k.contains("%")), p.objects().keySet().toString());
        assertNull(p.license(), "this partial profile has no userLicense");
    }

    @Test
    void managedNamespacePrefixesAreKept() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("NPSP_Template.profile"));

        assertEquals(Set.of(Operation.READ), p.objects().get("npe01__OppPayment__c"));
    }

    @Test
    void unknownElementsAreSkippedWithEverythingInside() throws Exception {
        Path file = Fixtures.reader("Unknown_Elements.permissionset-meta.xml");
        MetadataReader.Result r;
        try (var in = Files.newInputStream(file)) {
            r = reader.readCounted(in, MetadataKind.PERMISSION_SET, "Unknown_Elements", file.toString());
        }
        PermissionFile p = r.file();

        assertEquals(Map.of("ApiEnabled", true), p.userPermissions(),
                "a <name>/<enabled> pair inside customMetadataTypeAccesses or a nested block is not a user permission");
        assertEquals(Set.of("Account"), p.objects().keySet(), "nested objectPermissions don't count");
        assertEquals(1, r.objectEntries());
        assertEquals(1, r.userPermissionEntries());
        assertEquals(0, r.fieldEntries(), "CDATA text is not markup");
        // viewAllFields (API 60+) and other unknown children are ignored, not mistaken for operations.
        assertEquals(Set.of(Operation.EDIT), p.objects().get("Account"));
        assertEquals("Unknown Elements", p.label());
    }

    @Test
    void mutingPermissionSetRecordsWhatItMutes() throws Exception {
        PermissionFile p = reader.readPermissions(Fixtures.reader("Estimator_Muted.mutingpermissionset-meta.xml"));

        assertEquals(MetadataKind.MUTING_PERMISSION_SET, p.kind());
        assertEquals(PermissionFile.Completeness.FULL, p.completeness());
        assertEquals(Set.of(FieldOperation.EDIT), p.fields().get("Estimate__c.Discount__c"));
        assertEquals(Set.of(Operation.DELETE), p.objects().get("Estimate__c"));
        assertEquals("Estimator Muted", p.label());
    }

    @Test
    void permissionSetGroupListsMembersAndMutingSet() throws Exception {
        PermissionSetGroup g = reader.readGroup(Fixtures.reader("Estimator.permissionsetgroup-meta.xml"));

        assertEquals("Estimator", g.fullName());
        assertEquals("Estimator & Friends", g.label(), "entities are decoded");
        assertEquals(List.of("Modern_Access", "Estimates", "ffscpq__EditEstimates"), g.permissionSets());
        assertEquals(List.of("Estimator_Muted"), g.mutingPermissionSets());
    }

    @Test
    void duplicateEntriesAreCountedAndGrantTheUnionOfTheirFlags() throws Exception {
        Path file = Fixtures.reader("Duplicates.profile");
        MetadataReader.Result r;
        try (var in = Files.newInputStream(file)) {
            r = reader.readCounted(in, MetadataKind.PROFILE, "Duplicates", file.toString());
        }

        assertEquals(2, r.objectEntries());
        assertEquals(2, r.fieldEntries());
        assertEquals(2, r.userPermissionEntries());
        assertEquals(1, r.file().objects().size(), "Account and account are one object");
        assertEquals(Set.of(Operation.READ, Operation.EDIT), r.file().objects().get("Account"));
        assertEquals(Set.of(FieldOperation.READ, FieldOperation.EDIT), r.file().fields().get("Account.Industry"));
        assertEquals(Map.of("ConvertLeads", true), r.file().userPermissions());
    }

    @Test
    void filterKeepsOnlyTheListedObjectsAndFieldsButEveryUserPermission() throws Exception {
        MetadataReader filtered = new MetadataReader(
                PermissionFilter.only(List.of("opportunity"), List.of("Case.Reason")));
        Path file = Fixtures.reader("Custom%3A Support Profile.profile-meta.xml");
        MetadataReader.Result r;
        try (var in = Files.newInputStream(file)) {
            r = filtered.readCounted(in, MetadataKind.PROFILE, "x", file.toString());
        }

        assertEquals(Set.of("Case", "Opportunity"), r.file().objects().keySet(),
                "Case is kept because a Case field is declared");
        assertEquals(Set.of("Case.Reason"), r.file().fields().keySet());
        assertEquals(2, r.file().userPermissions().size());
        assertEquals(3, r.objectEntries(), "counts are of entries in the file, before filtering");
        assertEquals(3, r.fieldEntries());
    }

    @Test
    void filterMatchesNamesAfterNamespaceTokensAreRemoved() throws Exception {
        MetadataReader filtered = new MetadataReader(
                PermissionFilter.only(List.of("%%%NAMESPACE%%%DataImport__c"), List.of()));

        PermissionFile p = filtered.readPermissions(Fixtures.reader("NPSP_Template.profile"));

        assertEquals(Set.of("DataImport__c"), p.objects().keySet());
        assertTrue(p.fields().isEmpty());
    }

    // ---- bad input --------------------------------------------------------------------------------

    @Test
    void malformedXmlNamesFileLineColumnAndSaysWhatToDo() {
        Path file = Fixtures.broken("Unclosed.profile-meta.xml");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        String m = e.getMessage();
        assertTrue(m.startsWith(file + ":6:"), m);
        assertTrue(m.contains("not well-formed XML"), m);
        assertTrue(m.contains("objectPermissions"), "the parser's reason is kept: " + m);
        assertTrue(m.contains("Fix the XML"), m);
        assertFalse(m.contains("ParseError at"), "the JDK's location prefix is replaced by ours: " + m);
    }

    @Test
    void emptyFileIsAClearError() {
        Path file = Fixtures.broken("Empty.profile");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void rootElementOfAnotherKindIsAClearError() {
        Path file = Fixtures.broken("Wrong_Root.profile-meta.xml");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        String m = e.getMessage();
        assertTrue(m.startsWith(file + ":2:"), m);
        assertTrue(m.contains("the file name says Profile, but the file holds a PermissionSet"), m);
        assertTrue(m.contains("Rename the file to end in .permissionset-meta.xml"), m);
    }

    @Test
    void rootElementThatIsNoPermissionMetadataIsAClearError() {
        Path file = Fixtures.broken("Not_Metadata.permissionset");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().contains("its root element is <CustomObject>, not <PermissionSet>"), e.getMessage());
    }

    @Test
    void groupFileWithAnotherRootIsAClearError() {
        byte[] xml = "<PermissionSet><label>x</label></PermissionSet>".getBytes(StandardCharsets.UTF_8);

        MetadataException e = assertThrows(MetadataException.class,
                () -> reader.readGroup(new ByteArrayInputStream(xml), "G", "G.permissionsetgroup-meta.xml"));

        assertTrue(e.getMessage().startsWith("G.permissionsetgroup-meta.xml:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("says PermissionSetGroup"), e.getMessage());
    }

    @Test
    void aFlagThatIsNotABooleanIsAnErrorNotFalse() {
        Path file = Fixtures.broken("Bad_Boolean.permissionset-meta.xml");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().startsWith(file + ":6:"), e.getMessage());
        assertTrue(e.getMessage().contains("<allowRead> holds 'yes', not true or false"), e.getMessage());
    }

    @Test
    void anEntryWithoutItsNameIsAnError() {
        Path file = Fixtures.broken("No_Object.permissionset");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().startsWith(file + ":6:"), "where the block ends: " + e.getMessage());
        assertTrue(e.getMessage().contains("this <objectPermissions> block has no <object>"), e.getMessage());
    }

    @Test
    void twoDifferentLicensesAreAnErrorNotAGuess() {
        Path file = Fixtures.broken("Two_Licenses.permissionset");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().contains("names two licenses"), e.getMessage());
        assertTrue(e.getMessage().contains("Salesforce Platform"), e.getMessage());
    }

    @Test
    void contentAfterTheRootElementIsReported() {
        Path file = Fixtures.broken("Trailing_Garbage.permissionset");

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().startsWith(file + ":5:"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path file = Fixtures.broken("External_Entity.permissionset");
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).trim()
                : "no-such-content";

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(!hostname.isEmpty() && e.getMessage().contains(hostname), e.getMessage());
    }

    @Test
    void aValueHoldingAnElementIsAnError() {
        byte[] xml = "<Profile><userPermissions><name>A<b/></name></userPermissions></Profile>"
                .getBytes(StandardCharsets.UTF_8);

        MetadataException e = assertThrows(MetadataException.class, () -> reader.readPermissions(
                new ByteArrayInputStream(xml), MetadataKind.PROFILE, "P", "P.profile"));

        assertTrue(e.getMessage().startsWith("P.profile:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("<name> contains an element <b>"), e.getMessage());
    }
}
