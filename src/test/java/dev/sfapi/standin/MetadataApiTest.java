package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.ManageableState;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.MutingPermissionSet;
import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.PermissionSetGroup;
import com.sforce.soap.metadata.PermissionSetObjectPermissions;
import com.sforce.soap.metadata.Profile;
import com.sforce.soap.metadata.ProfileObjectPermissions;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import dev.sfapi.standin.org.User;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** readMetadata and listMetadata through the unmodified force-wsc MetadataConnection. */
class MetadataApiTest {

    private static final String MD = "http://soap.sforce.com/2006/04/metadata";
    private static SalesforceStandIn org;

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

    private static MetadataConnection connection(String sessionId) throws ConnectionException {
        return connection(org.metadataUrl(), sessionId);
    }

    private static MetadataConnection connection(String url, String sessionId) throws ConnectionException {
        ConnectorConfig cfg = new ConnectorConfig();
        cfg.setServiceEndpoint(url);
        cfg.setSessionId(sessionId);
        cfg.setReadTimeout(30_000);
        return new MetadataConnection(cfg);
    }

    private static MetadataConnection admin() throws ConnectionException {
        return connection(org.sessionFor(CorpusOrg.ADMIN_USER));
    }

    @Test
    void aCorpusProfileComesBackFullyPopulated() throws ConnectionException {
        Metadata[] records = admin().readMetadata("Profile", new String[] {CorpusOrg.PLATFORM_PROFILE}).getRecords();

        Profile p = (Profile) records[0];
        assertEquals(CorpusOrg.PLATFORM_PROFILE, p.getFullName());
        assertEquals("Salesforce Platform", p.getUserLicense());
        assertTrue(p.getCustom());
        // The file lists Opportunity with every flag false: the license cannot grant it.
        ProfileObjectPermissions opportunity = Arrays.stream(p.getObjectPermissions())
                .filter(o -> o.getObject().equals("Opportunity")).findFirst().orElseThrow();
        assertFalse(opportunity.getAllowCreate());
        assertFalse(opportunity.getAllowEdit());
        assertFalse(opportunity.getAllowRead());
        assertEquals(363, p.getObjectPermissions().length);
        assertEquals(5727, p.getFieldPermissions().length);
        assertTrue(Arrays.stream(p.getUserPermissions()).anyMatch(u -> u.getName().equals("ApiEnabled") && u.getEnabled()));
        assertEquals(1, org.log().count(Endpoint.METADATA_SOAP, "readMetadata", "Profile"));
    }

    @Test
    void aPermissionSetNewerThan62IsReadWithoutTheElements62Lacks() throws ConnectionException {
        // The file uses <viewAllFields>, unknown to 62.0: wsc would fail on it if it were sent.
        PermissionSet ps = (PermissionSet) admin().readMetadata("PermissionSet",
                new String[] {"TwoCloudNineIntegrationUser"}).getRecords()[0];
        assertEquals("TwoCloudNineIntegrationUser", ps.getFullName());
        assertEquals("SalesforceAPIIntegrationPsl", ps.getLicense());
        PermissionSetObjectPermissions account = Arrays.stream(ps.getObjectPermissions())
                .filter(o -> o.getObject().equals("Account")).findFirst().orElseThrow();
        assertTrue(account.getAllowCreate() && account.getAllowEdit() && account.getModifyAllRecords());
        assertEquals(362, ps.getObjectPermissions().length);
        assertTrue(Arrays.stream(ps.getUserPermissions()).anyMatch(u -> u.getName().equals("ModifyAllData")));
    }

    @Test
    void aGroupAndItsMutingSetComeBackWithTheirMembers() throws ConnectionException {
        MetadataConnection mc = admin();
        PermissionSetGroup g = (PermissionSetGroup) mc.readMetadata("PermissionSetGroup",
                new String[] {CorpusOrg.GROUP}).getRecords()[0];
        assertEquals(CorpusOrg.GROUP, g.getFullName());
        assertEquals("Certinia - SCPQ - Estimator", g.getLabel());
        assertEquals(13, g.getPermissionSets().length);
        assertArrayEquals(new String[] {CorpusOrg.MUTING_SET}, g.getMutingPermissionSets());

        MutingPermissionSet m = (MutingPermissionSet) mc.readMetadata("MutingPermissionSet",
                new String[] {CorpusOrg.MUTING_SET}).getRecords()[0];
        assertEquals("ffscpq__Estimate_Role_Request__c.ffscpq__Percent_Discount__c", m.getFieldPermissions()[0].getField());
        assertTrue(m.getFieldPermissions()[0].getEditable());
    }

    @Test
    void aGroupsStatusComesBackAsTheFixtureSetsItInSoqlAndMetadataAlike() throws Exception {
        dev.sfapi.standin.org.OrgModelBuilder b = CorpusOrg.builder();
        b.permissionSetGroup("Recalc_Pending", g -> g.permissionSets("TwoCloudNineIntegrationUser").status("Outdated"));
        b.permissionSetGroup("ffscpq__Copy", g -> g.metadata(org.org().metadata("PermissionSetGroup", CorpusOrg.GROUP)
                .orElseThrow().document()).status("Failed"));
        try (SalesforceStandIn groups = SalesforceStandIn.start(b.build())) {
            ConnectorConfig cfg = new ConnectorConfig();
            cfg.setServiceEndpoint(groups.metadataUrl());
            cfg.setSessionId(groups.sessionFor(CorpusOrg.ADMIN_USER));
            com.sforce.soap.metadata.Metadata[] records = new MetadataConnection(cfg).readMetadata("PermissionSetGroup",
                    new String[] {"Recalc_Pending", "ffscpq__Copy", CorpusOrg.GROUP}).getRecords();
            assertEquals("Outdated", ((PermissionSetGroup) records[0]).getStatus());
            assertArrayEquals(new String[] {"TwoCloudNineIntegrationUser"}, ((PermissionSetGroup) records[0])
                    .getPermissionSets());
            assertEquals("Failed", ((PermissionSetGroup) records[1]).getStatus(), "a document's status overridden");
            assertEquals(13, ((PermissionSetGroup) records[1]).getPermissionSets().length, "the rest kept");
            assertEquals("Updated", ((PermissionSetGroup) records[2]).getStatus(), "from the corpus file");
            var rows = new dev.sfapi.standin.soql.SoqlEngine(new dev.sfapi.standin.soql.OrgRecords(groups.org()))
                    .run("SELECT DeveloperName, Status FROM PermissionSetGroup", "62.0", true).rows();
            assertTrue(rows.stream().anyMatch(r -> "Recalc_Pending".equals(r.get("DeveloperName"))
                    && "Outdated".equals(r.get("Status"))), rows.toString());
        }
    }

    @Test
    void aMissingNameIsAnEmptyRecordNotAnError() throws ConnectionException {
        Metadata[] records = admin().readMetadata("Profile",
                new String[] {"No Such Profile", CorpusOrg.INTEGRATION_PROFILE, "System Administrator"}).getRecords();
        assertEquals(3, records.length);
        assertTrue(records[0] instanceof Profile);
        assertNull(records[0].getFullName());
        assertEquals(CorpusOrg.INTEGRATION_PROFILE, records[1].getFullName());
        // A label is not a full name: "System Administrator" is Admin.
        assertNull(records[2].getFullName());
    }

    @Test
    void standardAndEncodedFullNamesAreServedByFullName() throws ConnectionException {
        Metadata[] records = admin().readMetadata("Profile", new String[] {"Admin", "ISS Portal %28Partner%29"}).getRecords();
        assertEquals("Admin", records[0].getFullName());
        assertEquals("Salesforce", ((Profile) records[0]).getUserLicense());
        assertEquals("ISS Portal %28Partner%29", records[1].getFullName());
        assertEquals("Partner Community", ((Profile) records[1]).getUserLicense());
    }

    @Test
    void moreThanTenNamesIsRefused() throws ConnectionException {
        String[] eleven = new String[11];
        Arrays.fill(eleven, "Admin");
        SoapFaultException f = assertThrows(SoapFaultException.class, () -> admin().readMetadata("Profile", eleven));
        assertEquals(new QName(MD, "EXCEEDED_ID_LIMIT"), f.getFaultCode());
        assertTrue(f.getMessage().startsWith("EXCEEDED_ID_LIMIT: record limit reached"), f.getMessage());
        // Ten is fine.
        assertEquals(10, admin().readMetadata("Profile", Arrays.copyOf(eleven, 10)).getRecords().length);
    }

    @Test
    void noSessionOrAnUnknownSessionIsInvalidSessionId() throws ConnectionException {
        for (String session : new String[] {null, "00DXX0000000001!AQnotasession"}) {
            SoapFaultException f = assertThrows(SoapFaultException.class,
                    () -> connection(session).readMetadata("Profile", new String[] {"Admin"}));
            assertEquals(new QName(MD, "INVALID_SESSION_ID"), f.getFaultCode());
            assertEquals("INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session", f.getMessage());
        }
    }

    @Test
    void anApiVersionTheOrgDoesNotServeIsRefused() throws ConnectionException {
        MetadataConnection mc = connection(org.baseUrl() + "/services/Soap/m/63.0", org.sessionFor(CorpusOrg.ADMIN_USER));
        SoapFaultException f = assertThrows(SoapFaultException.class, () -> mc.readMetadata("Profile", new String[] {"Admin"}));
        assertEquals(new QName(MD, "UNSUPPORTED_API_VERSION"), f.getFaultCode());
    }

    @Test
    void anUnknownTypeIsRefused() throws ConnectionException {
        SoapFaultException f = assertThrows(SoapFaultException.class,
                () -> admin().readMetadata("NoSuchType", new String[] {"X"}));
        assertEquals(new QName(MD, "INVALID_TYPE"), f.getFaultCode());
    }

    @Test
    void listMetadataGivesFullNamesWithTheIdsSoqlShows() throws ConnectionException {
        FileProperties[] props = admin().listMetadata(new ListMetadataQuery[] {query("Profile"), query("PermissionSet"),
                query("PermissionSetGroup")}, 62.0);
        Map<String, FileProperties> byName = Arrays.stream(props)
                .collect(Collectors.toMap(p -> p.getType() + ":" + p.getFullName(), Function.identity()));

        User platform = org.org().user(CorpusOrg.PLATFORM_USER).orElseThrow();
        FileProperties profile = byName.get("Profile:" + CorpusOrg.PLATFORM_PROFILE);
        assertEquals(platform.profileId(), profile.getId());
        assertEquals("profiles/2cloudnine Payroll User.profile", profile.getFileName());
        assertEquals(ManageableState.unmanaged, profile.getManageableState());
        assertNotNull(byName.get("Profile:Admin"));
        // Profile-owned and group aggregate sets are not PermissionSet components.
        assertTrue(byName.keySet().stream().noneMatch(k -> k.startsWith("PermissionSet:X")));
        FileProperties group = byName.get("PermissionSetGroup:" + CorpusOrg.GROUP);
        assertEquals("ffscpq", group.getNamespacePrefix());
        assertEquals(ManageableState.installed, group.getManageableState());
        assertEquals(1, org.log().count(Endpoint.METADATA_SOAP, "listMetadata"));
    }

    @Test
    void moreThanThreeListQueriesAreRefused() {
        assertThrows(SoapFaultException.class, () -> admin().listMetadata(new ListMetadataQuery[] {query("Profile"),
                query("PermissionSet"), query("PermissionSetGroup"), query("MutingPermissionSet")}, 62.0));
    }

    @Test
    void uncompressedRequestsAndAnswersWorkToo() throws ConnectionException {
        ConnectorConfig cfg = new ConnectorConfig();
        cfg.setServiceEndpoint(org.metadataUrl());
        cfg.setSessionId(org.sessionFor(CorpusOrg.ADMIN_USER));
        cfg.setCompression(false);
        Metadata[] r = new MetadataConnection(cfg).readMetadata("PermissionSet",
                new String[] {"Manage_Multi_Factor_Authentication_in_API"}).getRecords();
        assertEquals(17, ((PermissionSet) r[0]).getUserPermissions().length);
    }

    @Test
    void aUserWithoutModifyMetadataIsRefused() {
        org.control().modifyMetadata(false);
        SoapFaultException f = assertThrows(SoapFaultException.class,
                () -> admin().readMetadata("Profile", new String[] {"Admin"}));
        assertEquals(new QName(MD, "INSUFFICIENT_ACCESS"), f.getFaultCode());
        assertTrue(f.getMessage().contains("ModifyAllData or ModifyMetadata"), f.getMessage());
    }

    private static ListMetadataQuery query(String type) {
        ListMetadataQuery q = new ListMetadataQuery();
        q.setType(type);
        return q;
    }
}
