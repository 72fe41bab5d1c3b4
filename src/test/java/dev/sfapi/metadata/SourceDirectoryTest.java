package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDirectoryTest {

    @TempDir
    Path project;

    private Path sfdx;
    private Path mdapi;

    @BeforeEach
    void layOutAProjectWithBothFormats() throws IOException {
        sfdx = project.resolve("force-app/main/default");
        mdapi = project.resolve("src");
        copy("Custom%3A Support Profile.profile-meta.xml", sfdx.resolve("profiles"));
        copy("Modern_Access.permissionset-meta.xml", sfdx.resolve("permissionsets"));
        copy("Estimator_Muted.mutingpermissionset-meta.xml", sfdx.resolve("mutingpermissionsets"));
        copy("Estimator.permissionsetgroup-meta.xml", sfdx.resolve("permissionsetgroups"));
        copy("NPSP_Template.profile", mdapi.resolve("profiles"));
        copy("Legacy_Access.permissionset", mdapi.resolve("permissionsets"));
        write(mdapi.resolve("profiles/Admin.profile"), profile("Salesforce"));
        write(mdapi.resolve("profiles/Force%2Ecom - App Subscription User.profile"),
                profile("Force.com - App Subscription"));
        write(mdapi.resolve("package.xml"), "<Package/>");
    }

    @Test
    void findsComponentsOfBothFormatsAcrossDirectories() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        assertEquals("Salesforce", source.permissionSet("Modern_Access").orElseThrow().license());
        assertEquals("Salesforce", source.permissionSet("Legacy_Access").orElseThrow().license());
        assertEquals(Set.of(Operation.READ, Operation.CREATE, Operation.EDIT),
                source.profile("NPSP_Template").orElseThrow().objects().get("DataImport__c"));
        assertEquals(List.of("Estimator_Muted"),
                source.permissionSetGroup("Estimator").orElseThrow().mutingPermissionSets());
        assertEquals("Estimator Muted", source.mutingPermissionSet("Estimator_Muted").orElseThrow().label());
    }

    @Test
    void profilesAreFoundByTheNameSalesforceShowsOrByFullNameInAnyCase() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        PermissionFile support = source.profile("Custom: Support Profile").orElseThrow();
        assertSame(support, source.profile("Custom%3A Support Profile").orElseThrow());
        assertSame(support, source.profile("custom: SUPPORT profile").orElseThrow());
        assertEquals("Custom%3A Support Profile", support.fullName());

        PermissionFile admin = source.profile("System Administrator").orElseThrow();
        assertSame(admin, source.profile("Admin").orElseThrow());
        assertEquals("Admin", admin.fullName());

        assertEquals("Force.com - App Subscription",
                source.profile("Force.com - App Subscription User").orElseThrow().license());
    }

    @Test
    void otherComponentsAreFoundByApiNameInAnyCase() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        assertTrue(source.permissionSet("modern_access").isPresent());
        assertTrue(source.permissionSetGroup("ESTIMATOR").isPresent());
        assertTrue(source.permissionSet("Modern Access").isEmpty(), "labels are not API names");
        assertEquals(Optional.empty(), source.profile("Nobody"));
        assertEquals(Optional.empty(), source.permissionSetGroup("Nothing"));
    }

    @Test
    void namesAreWhatSalesforceShowsForSuggestions() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        assertEquals(List.of("Custom: Support Profile", "Force.com - App Subscription User", "NPSP_Template",
                "System Administrator"), List.copyOf(source.names(MetadataKind.PROFILE)));
        assertEquals(List.of("Legacy_Access", "Modern_Access"), List.copyOf(source.names(MetadataKind.PERMISSION_SET)));
        assertEquals(Set.of("Estimator"), source.names(MetadataKind.PERMISSION_SET_GROUP));
        assertEquals(Set.of("Estimator_Muted"), source.names(MetadataKind.MUTING_PERMISSION_SET));
    }

    @Test
    void parsesLazilySoABrokenFileOnlyMattersWhenLookedUp() throws Exception {
        write(sfdx.resolve("permissionsets/Broken.permissionset-meta.xml"), "<PermissionSet><label>");
        SourceDirectory source = new SourceDirectory(List.of(sfdx));

        assertTrue(source.names(MetadataKind.PERMISSION_SET).contains("Broken"));
        assertTrue(source.permissionSet("Modern_Access").isPresent());
        MetadataException e = assertThrows(MetadataException.class, () -> source.permissionSet("Broken"));
        assertTrue(e.getMessage().contains("Broken.permissionset-meta.xml:1:"), e.getMessage());
    }

    @Test
    void cachesWhatItParsed() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx));
        PermissionFile first = source.permissionSet("Modern_Access").orElseThrow();

        // Changing the file after the first read doesn't matter: one run sees one state of the tree.
        Files.delete(sfdx.resolve("permissionsets/Modern_Access.permissionset-meta.xml"));

        assertSame(first, source.permissionSet("Modern_Access").orElseThrow());
    }

    @Test
    void indexesOnFirstUseNotOnConstruction() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx));
        copy("Legacy_Access.permissionset", sfdx.resolve("permissionsets"));

        assertTrue(source.permissionSet("Legacy_Access").isPresent());
    }

    @Test
    void theSameComponentInTwoFilesIsAnErrorNamingBoth() throws Exception {
        copy("Modern_Access.permissionset-meta.xml", mdapi.resolve("permissionsets"));
        Files.move(mdapi.resolve("permissionsets/Modern_Access.permissionset-meta.xml"),
                mdapi.resolve("permissionsets/Modern_Access.permissionset"));
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        MetadataException e = assertThrows(MetadataException.class, () -> source.permissionSet("Modern_Access"));

        String m = e.getMessage();
        assertTrue(m.contains(sfdx.resolve("permissionsets/Modern_Access.permissionset-meta.xml").toString()), m);
        assertTrue(m.contains(mdapi.resolve("permissionsets/Modern_Access.permissionset").toString()), m);
        assertTrue(m.contains("Delete or move all but one"), m);
        assertTrue(source.permissionSet("Legacy_Access").isPresent(), "other components are unaffected");
    }

    @Test
    void aProfileSavedUnderItsLabelAndItsFullNameIsADuplicate() throws Exception {
        write(mdapi.resolve("profiles/System Administrator.profile"), profile("Salesforce"));
        SourceDirectory source = new SourceDirectory(List.of(mdapi));

        MetadataException e = assertThrows(MetadataException.class, () -> source.profile("Admin"));

        assertTrue(e.getMessage().contains("Admin.profile"), e.getMessage());
        assertTrue(e.getMessage().contains("System Administrator.profile"), e.getMessage());
    }

    @Test
    void overlappingDirectoriesDoNotMakeDuplicates() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(project.resolve("force-app"), sfdx));

        assertTrue(source.permissionSet("Modern_Access").isPresent());
    }

    @Test
    void hiddenFoldersAndNodeModulesAreNotWalked() throws Exception {
        copy("Modern_Access.permissionset-meta.xml", project.resolve(".sfdx/tools/permissionsets"));
        copy("Modern_Access.permissionset-meta.xml", project.resolve("node_modules/pkg/permissionsets"));
        write(project.resolve(".profile"), "export PATH=$PATH");
        SourceDirectory source = new SourceDirectory(List.of(project));

        assertTrue(source.permissionSet("Modern_Access").isPresent(), "no duplicate from .sfdx or node_modules");
        assertTrue(source.names(MetadataKind.PROFILE).stream().noneMatch(String::isEmpty));
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        Path missing = project.resolve("no-such-dir");
        SourceDirectory source = new SourceDirectory(List.of(missing));

        MetadataException e = assertThrows(MetadataException.class, () -> source.profile("Admin"));

        assertTrue(e.getMessage().startsWith(missing + ": metadata directory not found"), e.getMessage());
    }

    @Test
    void aDecomposedPermissionSetIsRefusedRatherThanReadHalf() throws Exception {
        Path folder = sfdx.resolve("permissionsets/Split_Access");
        write(folder.resolve("Split_Access.permissionset-meta.xml"),
                "<PermissionSet><label>Split</label><license>Salesforce</license></PermissionSet>");
        write(folder.resolve("objectSettings/Account.objectSettings-meta.xml"), "<PermissionSet/>");
        SourceDirectory source = new SourceDirectory(List.of(sfdx));

        MetadataException e = assertThrows(MetadataException.class, () -> source.permissionSet("Split_Access"));

        assertTrue(e.getMessage().contains("stored decomposed"), e.getMessage());
    }

    @Test
    void theFilterIsAppliedToEveryFileRead() throws Exception {
        SourceDirectory source = new SourceDirectory(List.of(sfdx),
                PermissionFilter.only(List.of("Opportunity"), List.of()));

        PermissionFile p = source.profile("Custom: Support Profile").orElseThrow();

        assertEquals(Set.of("Opportunity"), p.objects().keySet());
        assertTrue(p.fields().isEmpty());
        assertEquals(2, p.userPermissions().size());
    }

    @Test
    void describeNamesTheDirectories() {
        SourceDirectory source = new SourceDirectory(List.of(sfdx, mdapi));

        assertEquals("metadata in " + sfdx + ", " + mdapi, source.describe());
    }

    private static String profile(String license) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                + "    <custom>false</custom>\n    <userLicense>" + license + "</userLicense>\n</Profile>\n";
    }

    private static void copy(String fixture, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        Files.copy(Fixtures.reader(fixture), toDir.resolve(fixture));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
