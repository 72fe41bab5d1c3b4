package dev.sfapi.standin.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.metadata.FileProperties;
import dev.sfapi.standin.org.MetadataDocument;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order read from the jar equals what the wire reference verified against wsc 62.0 (§2.2, §2.3,
 * §2.5), and the record writer applies it.
 */
class MetadataSchemaTest {

    private static List<String> names(MetadataSchema s) {
        return s.children().stream().map(MetadataSchema.Child::name).toList();
    }

    @Test
    void profileOrderIsTheOneTheWireReferenceVerified() {
        assertEquals(List.of("fullName", "applicationVisibilities", "categoryGroupVisibilities", "classAccesses", "custom",
                "customMetadataTypeAccesses", "customPermissions", "customSettingAccesses", "description",
                "externalDataSourceAccesses", "fieldPermissions", "flowAccesses", "layoutAssignments", "loginFlows",
                "loginHours", "loginIpRanges", "objectPermissions", "pageAccesses", "profileActionOverrides",
                "recordTypeVisibilities", "tabVisibilities", "userLicense", "userPermissions"),
                names(MetadataSchema.forType("Profile").orElseThrow()));
    }

    @Test
    void permissionSetOrderIsTheOneTheWireReferenceVerified() {
        assertEquals(List.of("fullName", "applicationVisibilities", "classAccesses", "customMetadataTypeAccesses",
                "customPermissions", "customSettingAccesses", "description", "emailRoutingAddressAccesses",
                "externalCredentialPrincipalAccesses", "externalDataSourceAccesses", "fieldPermissions", "flowAccesses",
                "hasActivationRequired", "label", "license", "objectPermissions", "pageAccesses", "recordTypeVisibilities",
                "tabSettings", "userPermissions"), names(MetadataSchema.forType("PermissionSet").orElseThrow()));
    }

    @Test
    void permissionSetGroupOrderIsTheGeneratedClasss() {
        // status is a plain string in 62.0 (Updated, Outdated, Updating, Failed), not an enum.
        assertEquals(List.of("fullName", "description", "hasActivationRequired", "label", "mutingPermissionSets",
                "permissionSets", "status"), names(MetadataSchema.forType("PermissionSetGroup").orElseThrow()));
        assertEquals(MetadataSchema.Kind.TEXT,
                MetadataSchema.forType("PermissionSetGroup").orElseThrow().child("status").orElseThrow().kind());
    }

    @Test
    void aGroupDocumentComesOutInSchemaOrder() {
        String xml = "<PermissionSetGroup xmlns=\"http://soap.sforce.com/2006/04/metadata\"><status>Outdated</status>"
                + "<permissionSets>B</permissionSets><label>G</label><mutingPermissionSets>M</mutingPermissionSets>"
                + "<permissionSets>A</permissionSets></PermissionSetGroup>";
        assertEquals("<records xsi:type=\"PermissionSetGroup\"><fullName>G1</fullName><label>G</label>"
                + "<mutingPermissionSets>M</mutingPermissionSets><permissionSets>B</permissionSets>"
                + "<permissionSets>A</permissionSets><status>Outdated</status></records>",
                new MetadataRecordWriter().record("PermissionSetGroup", "G1", MetadataDocument.xml("test", xml)));
    }

    @Test
    void nestedTypesAndEnumsAreKnown() {
        MetadataSchema profile = MetadataSchema.forType("Profile").orElseThrow();
        MetadataSchema.Child objects = profile.child("objectPermissions").orElseThrow();
        assertEquals(MetadataSchema.Kind.COMPLEX, objects.kind());
        assertEquals(List.of("allowCreate", "allowDelete", "allowEdit", "allowRead", "modifyAllRecords", "object",
                "viewAllRecords"), names(MetadataSchema.of(objects.complexType())));
        MetadataSchema.Child tabs = profile.child("tabVisibilities").orElseThrow();
        MetadataSchema.Child visibility = MetadataSchema.of(tabs.complexType()).child("visibility").orElseThrow();
        assertEquals(Set.of("DefaultOff", "DefaultOn", "Hidden"), visibility.enumValues());
    }

    @Test
    void filePropertiesOrderMatchesWhatListMetadataSends() {
        assertEquals(List.of("createdById", "createdByName", "createdDate", "fileName", "fullName", "id", "lastModifiedById",
                "lastModifiedByName", "lastModifiedDate", "manageableState", "namespacePrefix", "type"),
                names(MetadataSchema.of(FileProperties.class)));
    }

    @Test
    void unknownTypesAreNotMetadata() {
        assertFalse(MetadataSchema.forType("NoSuchType").isPresent());
        assertFalse(MetadataSchema.forType("FileProperties").isPresent(), "a type, but not a Metadata subtype");
        assertFalse(MetadataSchema.forType("../Profile").isPresent());
    }

    @Test
    void theWriterReordersDropsUnknownElementsAndEntriesWith62UnknownEnumValues() {
        String xml = "<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
                + "<userPermissions><name>ApiEnabled</name><enabled>true</enabled></userPermissions>"
                + "<fullName>OldName</fullName>"
                + "<tabVisibilities><tab>A</tab><visibility>DefaultOn</visibility></tabVisibilities>"
                + "<tabVisibilities><tab>B</tab><visibility>SomeFutureValue</visibility></tabVisibilities>"
                + "<objectPermissions><object>Account</object><viewAllFields>true</viewAllFields><allowRead>true</allowRead></objectPermissions>"
                + "<futureTopLevelThing>x</futureTopLevelThing>"
                + "<custom>true</custom></Profile>";
        String record = new MetadataRecordWriter().record("Profile", "P & Q", MetadataDocument.xml("test", xml));
        assertEquals("<records xsi:type=\"Profile\"><fullName>P &amp; Q</fullName><custom>true</custom>"
                + "<objectPermissions><allowRead>true</allowRead><object>Account</object></objectPermissions>"
                + "<tabVisibilities><tab>A</tab><visibility>DefaultOn</visibility></tabVisibilities>"
                + "<userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions></records>", record);
    }

    @Test
    void aDocumentOfAnotherTypeIsAFixtureMistake() {
        String xml = "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>x</label></PermissionSet>";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MetadataRecordWriter().record("Profile", "P", MetadataDocument.xml("test doc", xml)));
        assertTrue(e.getMessage().contains("test doc is a <PermissionSet>"), e.getMessage());
    }
}
