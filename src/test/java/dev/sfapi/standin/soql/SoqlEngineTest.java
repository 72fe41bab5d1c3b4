package dev.sfapi.standin.soql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.org.MetadataDocument;
import dev.sfapi.standin.org.OrgModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SOQL subset on a small hand-built org: what it accepts, what it refuses and how it says so. */
class SoqlEngineTest {

    private static final OrgModel ORG = OrgModel.builder()
            .userLicense("Salesforce", "SFDC")
            .userLicense("Salesforce Platform", "AUL")
            .permissionSetLicense("SalesforceAPIIntegrationPsl", "Salesforce API Integration")
            .profile("Admin", p -> p.userLicense("Salesforce"))
            .profile("Custom%3A Platform", p -> p.userLicense("Salesforce Platform"))
            .permissionSet("Reader", p -> p.license("Salesforce"))
            .permissionSet("acme__Writer", p -> p.license("SalesforceAPIIntegrationPsl"))
            .mutingPermissionSet("Quiet", m -> m.label("Quiet label"))
            .permissionSetGroup("Sales", g -> g.permissionSets("Reader", "acme__Writer").mutingPermissionSets("Quiet"))
            .user("a@x", u -> u.profile("Admin").permissionSets("Reader").permissionSetGroups("Sales")
                    .assignment("Reader", a -> a.expires(java.time.Instant.parse("2030-06-01T12:00:00Z")))
                    .assignment("Sales", a -> a.revoke()))
            .user("b@x", u -> u.profile("Custom%3A Platform").active(false).permissionSetLicenses("SalesforceAPIIntegrationPsl"))
            .user("o'brien@x", u -> u.profile("Admin").frozen(true))
            .build();
    private static final SoqlEngine ENGINE = new SoqlEngine(new OrgRecords(ORG));

    private static List<Map<String, Object>> run(String soql) throws SoqlException {
        return ENGINE.run(soql, "62.0", true).rows();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void dottedPathsNestWithAttributesAndLabelsDecoded() throws SoqlException {
        List<Map<String, Object>> rows = run("SELECT Id, Username, IsActive, Profile.Name, Profile.UserLicense.Name,"
                + " Profile.UserLicense.LicenseDefinitionKey FROM User WHERE Username = 'b@x'");
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(List.of("attributes", "Id", "Username", "IsActive", "Profile"), List.copyOf(row.keySet()));
        assertEquals(false, row.get("IsActive"));
        Map<String, Object> profile = map(row.get("Profile"));
        assertEquals("Custom: Platform", profile.get("Name"));
        assertEquals("Profile", map(profile.get("attributes")).get("type"));
        assertEquals("/services/data/v62.0/sobjects/Profile/" + ORG.user("b@x").orElseThrow().profileId(),
                map(profile.get("attributes")).get("url"));
        Map<String, Object> license = map(profile.get("UserLicense"));
        assertEquals("AUL", license.get("LicenseDefinitionKey"));
        assertEquals("Salesforce Platform", license.get("Name"));
    }

    @Test
    void keywordsFieldsAndStringComparisonsIgnoreCase() throws SoqlException {
        assertEquals(1, run("select username from USER where USERNAME = 'A@X'").size());
        assertEquals("a@x", run("select username from user where username = 'a@x'").get(0).get("Username"));
    }

    @Test
    void escapedQuotesInLiterals() throws SoqlException {
        assertEquals(1, run("SELECT Id FROM User WHERE Username IN ('o\\'brien@x', 'zzz')").size());
    }

    @Test
    void everyUserHasAProfileOwnedAssignmentAndGroupsGoThroughTheAggregateSet() throws SoqlException {
        List<Map<String, Object>> rows = run("SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.Type,"
                + " PermissionSetGroupId, PermissionSetGroup.DeveloperName FROM PermissionSetAssignment"
                + " WHERE Assignee.Username = 'a@x'");
        Map<String, Map<String, Object>> byType = rows.stream()
                .collect(Collectors.toMap(r -> (String) map(r.get("PermissionSet")).get("Type"), r -> r));
        assertEquals(3, rows.size());
        assertEquals(true, map(byType.get("Profile").get("PermissionSet")).get("IsOwnedByProfile"));
        assertTrue(((String) map(byType.get("Profile").get("PermissionSet")).get("Name")).startsWith("X00e"));
        assertNull(byType.get("Regular").get("PermissionSetGroup"));
        assertTrue(byType.get("Regular").containsKey("PermissionSetGroup"), "a null lookup is present as null");
        assertEquals("Sales", map(byType.get("Group").get("PermissionSetGroup")).get("DeveloperName"));
        assertEquals(ORG.permissionSetGroups().get(0).id(), byType.get("Group").get("PermissionSetGroupId"));
    }

    @Test
    void managedNamesAreSplitIntoNameAndNamespace() throws SoqlException {
        Map<String, Object> row = run("SELECT Name, NamespacePrefix FROM PermissionSet WHERE NamespacePrefix = 'acme'").get(0);
        assertEquals("Writer", row.get("Name"));
        assertEquals("acme", row.get("NamespacePrefix"));
    }

    @Test
    void typeofPicksFieldsByTheTypeItFinds() throws SoqlException {
        List<Map<String, Object>> rows = run("SELECT PermissionSetGroup.DeveloperName, TYPEOF PermissionSet"
                + " WHEN PermissionSet THEN Name, Label WHEN MutingPermissionSet THEN DeveloperName END"
                + " FROM PermissionSetGroupComponent WHERE PermissionSetGroupId IN"
                + " (SELECT PermissionSetGroupId FROM PermissionSetAssignment WHERE Assignee.Username IN ('a@x'))");
        assertEquals(3, rows.size());
        Map<String, Map<String, Object>> byType = rows.stream().map(r -> map(r.get("PermissionSet")))
                .collect(Collectors.toMap(p -> (String) map(p.get("attributes")).get("type"), p -> p, (a, b) -> a));
        assertEquals("Quiet", byType.get("MutingPermissionSet").get("DeveloperName"));
        assertEquals(List.of("attributes", "DeveloperName"), List.copyOf(byType.get("MutingPermissionSet").keySet()));
        assertTrue(byType.get("PermissionSet").containsKey("Label"));
    }

    @Test
    void aPolymorphicLookupWithoutTypeofIsReadThroughTheNameObject() throws SoqlException {
        Map<String, Object> row = run("SELECT License.Name FROM PermissionSet WHERE Name = 'Writer'").get(0);
        Map<String, Object> license = map(row.get("License"));
        assertEquals("Name", map(license.get("attributes")).get("type"));
        assertTrue(((String) map(license.get("attributes")).get("url")).contains("/sobjects/PermissionSetLicense/"));
        assertEquals("Salesforce API Integration", license.get("Name"));
    }

    @Test
    void semiJoinsNotInAndOrWithParentheses() throws SoqlException {
        assertEquals(1, run("SELECT UserId, IsFrozen FROM UserLogin WHERE UserId IN"
                + " (SELECT Id FROM User WHERE Username IN ('o\\'brien@x')) AND IsFrozen = true").size());
        assertEquals(2, run("SELECT Id FROM User WHERE Username NOT IN ('b@x')").size());
        assertEquals(2, run("SELECT Id FROM User WHERE (Username = 'a@x' OR Username = 'b@x') AND Id != null").size());
        assertEquals(3, run("SELECT Id FROM User WHERE NOT Username LIKE 'zz%'").size());
    }

    @Test
    void orderByAndLimit() throws SoqlException {
        List<Map<String, Object>> rows = run("SELECT Username FROM User ORDER BY Username DESC LIMIT 2");
        assertEquals(List.of("o'brien@x", "b@x"), rows.stream().map(r -> r.get("Username")).toList());
    }

    @Test
    void anUnknownObjectIsInvalidTypeWithTheCaretUnderIt() {
        SoqlException e = assertThrows(SoqlException.class, () -> run("SELECT Id FROM Foo"));
        assertEquals("INVALID_TYPE", e.errorCode());
        assertEquals("\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported."
                + " If you are attempting to use a custom object, be sure to append the '__c' after the entity name."
                + " Please reference your WSDL or the describe call for the appropriate names.", e.getMessage());
    }

    @Test
    void unknownFieldsAndRelationshipsAreInvalidField() {
        SoqlException field = assertThrows(SoqlException.class, () -> run("SELECT Id, Nope FROM User"));
        assertEquals("INVALID_FIELD", field.errorCode());
        assertTrue(field.getMessage().contains("No such column 'Nope' on entity 'User'"), field.getMessage());
        SoqlException rel = assertThrows(SoqlException.class, () -> run("SELECT Profil.Name FROM User"));
        assertEquals("INVALID_FIELD", rel.errorCode());
        assertTrue(rel.getMessage().contains("Didn't understand relationship 'Profil'"), rel.getMessage());
        SoqlException deep = assertThrows(SoqlException.class, () -> run("SELECT Profile.UserLicense.Nope FROM User"));
        assertTrue(deep.getMessage().contains("No such column 'Nope' on entity 'UserLicense'"), deep.getMessage());
    }

    @Test
    void badSyntaxIsMalformedQuery() {
        SoqlException e = assertThrows(SoqlException.class, () -> run("SELECT Id FORM User"));
        assertEquals("MALFORMED_QUERY", e.errorCode());
        assertTrue(e.getMessage().endsWith("ERROR at Row:1:Column:11\nunexpected token: FORM"), e.getMessage());
        assertEquals("MALFORMED_QUERY", assertThrows(SoqlException.class,
                () -> run("SELECT Id FROM User WHERE Username = 'a' AND IsActive = true OR IsActive = false")).errorCode());
        assertEquals("MALFORMED_QUERY", assertThrows(SoqlException.class, () -> run("SELECT Id FROM User WHERE")).errorCode());
        assertEquals("MALFORMED_QUERY", assertThrows(SoqlException.class, () -> run("SELECT Id FROM User WHERE Username = 'x")).errorCode());
    }

    @Test
    void filterValuesMustFitTheFieldType() {
        SoqlException quotedBoolean = assertThrows(SoqlException.class, () -> run("SELECT Id FROM User WHERE IsActive = 'true'"));
        assertEquals("INVALID_FIELD", quotedBoolean.errorCode());
        assertTrue(quotedBoolean.getMessage().contains("must be of type boolean"), quotedBoolean.getMessage());
        SoqlException badId = assertThrows(SoqlException.class, () -> run("SELECT Id FROM User WHERE ProfileId = 'nope'"));
        assertEquals("INVALID_QUERY_FILTER_OPERATOR", badId.errorCode());
    }

    @Test
    void setupObjectsAreHiddenFromAUserWithoutViewSetup() throws SoqlException {
        SoqlException e = assertThrows(SoqlException.class,
                () -> ENGINE.run("SELECT Id FROM PermissionSetAssignment", "62.0", false));
        assertEquals("INVALID_TYPE", e.errorCode());
        assertTrue(e.getMessage().contains("sObject type 'PermissionSetAssignment' is not supported"), e.getMessage());
        assertEquals(3, ENGINE.run("SELECT Id FROM User", "62.0", false).rows().size());
    }

    @Test
    void fifteenCharacterIdsMatchTheirEighteenCharacterForm() throws SoqlException {
        String id18 = ORG.user("a@x").orElseThrow().id();
        assertEquals(1, run("SELECT Id FROM User WHERE Id = '" + id18.substring(0, 15) + "'").size());
    }

    @Test
    void unusedMetadataDocumentsDoNotMatter() {
        // The engine works from the model alone: a document that does not exist is never opened.
        OrgModel org = OrgModel.builder().userLicense("Salesforce", "SFDC")
                .profile("P", p -> p.userLicense("Salesforce").metadata(MetadataDocument.file(java.nio.file.Path.of("/nonexistent"))))
                .user("u@x", u -> u.profile("P")).build();
        assertEquals(1, new OrgRecords(org).of("User").size());
    }

    @Test
    void dateTimeLiteralsCompareWithDateTimeFields() throws SoqlException {
        String base = "SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE Assignee.Username = 'a@x'"
                + " AND PermissionSet.Type = 'Regular' AND ";
        assertEquals(1, run(base + "ExpirationDate > 2030-06-01T11:59:59Z").size());
        assertEquals(0, run(base + "ExpirationDate > 2030-06-01T12:00:00Z").size(), "not after itself");
        assertEquals(1, run(base + "ExpirationDate <= 2030-06-01T14:00:00+02:00").size(), "offsets count");
        assertEquals(0, run(base + "ExpirationDate = null").size());
        SoqlException quoted = assertThrows(SoqlException.class, () -> run(base + "ExpirationDate > '2030-01-01T00:00:00Z'"));
        assertEquals("INVALID_FIELD", quoted.errorCode());
        assertTrue(quoted.getMessage().contains("must be of type dateTime"), quoted.getMessage());
        SoqlException wrongField = assertThrows(SoqlException.class, () -> run(base + "IsActive = 2030-01-01T00:00:00Z"));
        assertEquals("INVALID_FIELD", wrongField.errorCode());
    }

    @Test
    void isRevokedExistsOnlyWithUserAccessPoliciesAndFromItsApiVersion() throws SoqlException {
        String soql = "SELECT PermissionSetGroupId FROM PermissionSetAssignment WHERE IsRevoked = true";
        assertEquals(1, run(soql).size(), "the revoked group assignment");
        SoqlException off = assertThrows(SoqlException.class, () -> ENGINE.run(soql, "62.0", true, false));
        assertEquals("INVALID_FIELD", off.errorCode());
        assertTrue(off.getMessage().contains("No such column 'IsRevoked' on entity 'PermissionSetAssignment'"),
                off.getMessage());
        assertThrows(SoqlException.class, () -> ENGINE.run(soql, "56.0", true));
        assertThrows(SoqlException.class, () -> ENGINE.run("SELECT ExpirationDate FROM PermissionSetAssignment",
                "51.0", true));
        assertEquals(1, ENGINE.run("SELECT Id FROM PermissionSetLicenseAssign WHERE IsRevoked = false", "62.0", true,
                false).rows().size(), "PermissionSetLicenseAssign.IsRevoked doesn't depend on user access policies");
    }
}
