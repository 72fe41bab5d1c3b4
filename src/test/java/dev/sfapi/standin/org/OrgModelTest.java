package dev.sfapi.standin.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.soql.OrgRecords;
import dev.sfapi.standin.soql.SRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgModelTest {

    @Test
    void idsCarryTheRealCaseSafetySuffix() {
        // The example of Salesforce's documentation.
        assertEquals("001A0000006Vm9rIAC", Ids.to18("001A0000006Vm9r"));
        String id = new Ids().next("005");
        assertEquals(18, id.length());
        assertEquals(id, Ids.to18(id.substring(0, 15)));
        assertTrue(Ids.same(id, id.substring(0, 15)));
    }

    @Test
    void profileLabelsFollowTheOrgsRules() {
        assertEquals("System Administrator", Names.profileLabel("Admin"));
        assertEquals("Standard Platform User", Names.profileLabel("StandardAul"));
        assertEquals("Custom: Sales Profile", Names.profileLabel("Custom%3A Sales Profile"));
        assertEquals("ISS Portal (Partner)", Names.profileLabel("ISS Portal %28Partner%29"));
        assertEquals("A+B", Names.profileLabel("A+B"));
    }

    @Test
    void namespacesAreSplitOffManagedNames() {
        assertEquals("ffscpq", Names.namespace("ffscpq__SCPQEstimator"));
        assertEquals("SCPQEstimator", Names.withoutNamespace("ffscpq__SCPQEstimator"));
        assertNull(Names.namespace("Local_Set"));
    }

    @Test
    void valuesComeFromTheMetadataUnlessGiven() {
        OrgModel org = CorpusOrg.model();
        Profile platform = org.profiles().stream().filter(p -> p.fullName().equals(CorpusOrg.PLATFORM_PROFILE)).findFirst().orElseThrow();
        assertEquals("Salesforce Platform", platform.userLicense().name(), "from <userLicense> in the corpus file");
        PermissionSet integration = org.permissionSets().stream().filter(p -> p.fullName().equals("TwoCloudNineIntegrationUser"))
                .findFirst().orElseThrow();
        PermissionSetLicense psl = org.get(integration.licenseId(), PermissionSetLicense.class);
        assertEquals("SalesforceAPIIntegrationPsl", psl.developerName(), "from <license> in the corpus file");
        PermissionSetGroup group = org.permissionSetGroups().get(0);
        assertEquals("Certinia - SCPQ - Estimator", group.label());
        assertEquals(13, group.permissionSetIds().size());
        assertEquals(1, group.mutingPermissionSetIds().size());
        // Members nobody defined exist as permission sets, without a document of their own.
        PermissionSet managed = org.permissionSets().stream().filter(p -> p.fullName().equals("ffscpq__CreateEstimates"))
                .findFirst().orElseThrow();
        assertNull(managed.metadata());
        assertTrue(org.metadata("PermissionSet", "ffscpq__CreateEstimates").isPresent(), "readMetadata still serves it");
        // Every profile owns a permission set; every group has an aggregate one.
        assertEquals(PermissionSet.Type.PROFILE, org.get(platform.ownedPermissionSetId(), PermissionSet.class).type());
        assertEquals(PermissionSet.Type.GROUP, org.get(group.aggregatePermissionSetId(), PermissionSet.class).type());
    }

    @Test
    void everyDanglingNameIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgModel.builder()
                .userLicense("Salesforce", "SFDC")
                .profile("P", p -> p.userLicense("Salesforce"))
                .profile("Q", p -> p.userLicense("Salesforce Platform"))
                .permissionSet("S", p -> p.license("NoSuchPsl"))
                .user("a@x", u -> u.profile("System Administrator").permissionSets("Missing"))
                .user("b@x", u -> u.profile("P").permissionSetGroups("G").permissionSetLicenses("L"))
                .connectedApp("c", a -> a.runAs("nobody@x"))
                .build());
        String m = e.getMessage();
        for (String expected : List.of("profile 'Q': user license 'Salesforce Platform' is not defined",
                "permission set 'S': license 'NoSuchPsl'", "user 'a@x': profile 'System Administrator' is not defined",
                "permission set 'Missing'", "permission set group 'G'", "permission set license 'L'",
                "run-as user 'nobody@x'")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
        }
    }

    @Test
    void aLabelWhereAFullNameBelongsGetsAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgModel.builder()
                .userLicense("Salesforce", "SFDC").profile("Admin", p -> p.userLicense("Salesforce"))
                .user("a@x", u -> u.profile("System Administrator")).build());
        assertTrue(e.getMessage().contains("that is the label of 'Admin'"), e.getMessage());
    }

    @Test
    void secretsStayOutOfToString() {
        OrgModel org = CorpusOrg.model();
        String printed = org.users().toString() + org.connectedApps();
        assertTrue(!printed.contains(CorpusOrg.PLATFORM_PASSWORD) && !printed.contains(CorpusOrg.CLIENT_SECRET)
                && !printed.contains(CorpusOrg.REFRESH_TOKEN), printed);
    }

    @Test
    void aFixtureAssignmentCanExpireBeRevokedOrShowInactive(@TempDir Path dir) throws Exception {
        Path fixture = dir.resolve("org.yml");
        Files.writeString(fixture, """
                userLicenses: [{name: Salesforce, key: SFDC}]
                permissionSetLicenses: [{developerName: SomePsl, label: Some PSL}]
                profiles: [{fullName: P, userLicense: Salesforce}]
                permissionSets: [{name: Plain}, {name: Expired}, {name: Revoked}, {name: Idle}]
                users:
                  - username: u@acme.example
                    profile: P
                    permissionSets:
                      - Plain
                      - {name: Expired, expirationDate: "2020-01-01T00:00:00Z"}
                      - {name: Revoked, revoked: true}
                      - {name: Idle, active: false}
                    permissionSetLicenses: [{name: SomePsl, revoked: true}]
                """);
        OrgModel org = OrgFixture.load(fixture).build();
        User u = org.user("u@acme.example").orElseThrow();
        assertEquals(4, u.permissionSetIds().size(), "every assignment still exists as a row");
        OrgRecords records = new OrgRecords(org);
        java.util.Map<String, SRecord> bySet = new java.util.HashMap<>();
        for (SRecord r : records.of("PermissionSetAssignment")) {
            bySet.put(records.byId((String) r.get("PermissionSetId")).get("Name").toString(), r);
        }
        assertEquals(Boolean.TRUE, bySet.get("Plain").get("IsActive"), "active as its user");
        assertEquals(Boolean.FALSE, bySet.get("Plain").get("IsRevoked"));
        assertNull(bySet.get("Plain").get("ExpirationDate"));
        assertEquals("2020-01-01T00:00:00.000+0000", bySet.get("Expired").get("ExpirationDate"), "as REST shows it");
        assertEquals(Boolean.TRUE, bySet.get("Revoked").get("IsRevoked"));
        assertEquals(Boolean.FALSE, bySet.get("Idle").get("IsActive"));
        assertEquals(Boolean.TRUE, records.of("PermissionSetLicenseAssign").get(0).get("IsRevoked"));
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), u.assignment(org.permissionSets().stream()
                .filter(p -> p.fullName().equals("Expired")).findFirst().orElseThrow().id()).expirationDate());
    }
}
