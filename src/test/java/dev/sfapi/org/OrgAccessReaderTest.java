package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.access.UserSetup;
import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.RequestLog;
import dev.sfapi.standin.RequestRecord;
import dev.sfapi.standin.SalesforceStandIn;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.OrgModelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who holds what and their metadata, read from the stand-in org built from real corpus files. */
class OrgAccessReaderTest {

    static final String NOBODY = "nobody@acme.example";
    static final List<String> ALL_USERS = List.of(CorpusOrg.PLATFORM_USER, CorpusOrg.INTEGRATION_USER,
            CorpusOrg.GROUP_USER, CorpusOrg.INACTIVE_USER, CorpusOrg.FROZEN_USER, CorpusOrg.ADMIN_USER, NOBODY);
    static final List<String> QUERIED_OBJECTS = List.of("User", "PermissionSetAssignment",
            "PermissionSetLicenseAssign", "PermissionSetGroupComponent", "UserLogin", "UserLicense",
            "PermissionSetLicense", "Organization");

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

    private static OrgAccess read(List<String> users) throws OrgException {
        return new OrgAccessReader(StandInSettings.connect(org)).read(users);
    }

    @Test
    void resolvesEachKindOfUser() throws Exception {
        OrgAccess access = read(ALL_USERS);

        OrgAccess.OrgUser platform = access.user(CorpusOrg.PLATFORM_USER).orElseThrow();
        assertEquals(UserSetup.Status.ACTIVE, platform.status());
        assertEquals(CorpusOrg.PLATFORM_PROFILE, platform.profile());
        assertEquals(CorpusOrg.PLATFORM_PROFILE, platform.profileFullName());
        assertEquals("Salesforce Platform", platform.userLicense());
        assertEquals("AUL", platform.userLicenseKey());
        assertEquals(List.of(), platform.permissionSets(), "the profile-owned assignment is not a permission set");
        assertEquals(org.org().user(CorpusOrg.PLATFORM_USER).orElseThrow().id(), platform.id());

        OrgAccess.OrgUser api = access.user(CorpusOrg.INTEGRATION_USER).orElseThrow();
        assertEquals("Salesforce Integration", api.userLicense());
        assertEquals(List.of("TwoCloudNineIntegrationUser"), api.permissionSets());
        assertEquals(List.of("SalesforceAPIIntegrationPsl"), api.permissionSetLicenses());

        OrgAccess.OrgUser estimator = access.user(CorpusOrg.GROUP_USER).orElseThrow();
        assertEquals(List.of(CorpusOrg.GROUP), estimator.permissionSetGroups(), "managed group: ns__DeveloperName");
        assertEquals(List.of("Manage_Multi_Factor_Authentication_in_API"), estimator.permissionSets(),
                "the group's aggregate set is not a direct assignment");

        assertEquals(UserSetup.Status.INACTIVE, access.user(CorpusOrg.INACTIVE_USER).orElseThrow().status());
        assertEquals(UserSetup.Status.FROZEN, access.user(CorpusOrg.FROZEN_USER).orElseThrow().status());
        OrgAccess.OrgUser nobody = access.user(NOBODY).orElseThrow();
        assertEquals(UserSetup.Status.NOT_FOUND, nobody.status());
        assertNull(nobody.profile());

        OrgAccess.OrgUser admin = access.user(CorpusOrg.ADMIN_USER).orElseThrow();
        assertEquals("System Administrator", admin.profile(), "Profile.Name is the label");
        assertEquals("Admin", admin.profileFullName(), "listMetadata gives the full name");
        assertTrue(access.metadata().profile("System Administrator").isPresent());

        assertEquals(ALL_USERS, access.requestedUsernames());
        assertEquals(ALL_USERS, access.users().stream().map(OrgAccess.OrgUser::username).toList());
        assertEquals(org.org().orgId(), access.org().orgId());
        assertEquals("Acme (stand-in)", access.org().orgName());
        assertEquals("127.0.0.1", access.org().instanceHost());
        assertEquals(List.of(), access.gaps());
    }

    @Test
    void readsTheMetadataOfEverythingTheUsersHold() throws Exception {
        OrgMetadata md = read(ALL_USERS).metadata();

        PermissionFile payroll = md.profile(CorpusOrg.PLATFORM_PROFILE).orElseThrow();
        assertEquals(PermissionFile.Completeness.FULL, payroll.completeness(), "a whole profile from readMetadata");
        assertEquals(Set.of(), payroll.objects().get("Opportunity"), "listed with every flag false");
        assertEquals("Salesforce Platform", payroll.license());
        // Lean profiles too: readMetadata returns the whole profile, so absence is proof.
        assertEquals(PermissionFile.Completeness.FULL, md.profile("Admin").orElseThrow().completeness(),
                "no system permissions in its document");
        assertEquals(PermissionFile.Completeness.FULL,
                md.profile(CorpusOrg.INTEGRATION_PROFILE).orElseThrow().completeness(), "no object settings at all");
        assertEquals(Boolean.TRUE, md.profile(CorpusOrg.INTEGRATION_PROFILE).orElseThrow().userPermissions()
                .get("ApiEnabled"));

        PermissionFile twoCloudNine = md.permissionSet("TwoCloudNineIntegrationUser").orElseThrow();
        assertEquals(PermissionFile.Completeness.FULL, twoCloudNine.completeness());
        assertNotNull(twoCloudNine.license(), "the license binding comes through");

        PermissionSetGroup group = md.permissionSetGroup(CorpusOrg.GROUP).orElseThrow();
        assertEquals(13, group.permissionSets().size());
        assertTrue(group.permissionSets().contains("ffscpq__EditEstimates"));
        assertEquals(List.of(CorpusOrg.MUTING_SET), group.mutingPermissionSets());
        for (String member : group.permissionSets()) {
            assertTrue(md.permissionSet(member).isPresent(), member);
        }
        PermissionFile muting = md.mutingPermissionSet(CorpusOrg.MUTING_SET).orElseThrow();
        assertEquals(Set.of(FieldOperation.READ, FieldOperation.EDIT),
                muting.fields().get("ffscpq__Estimate_Role_Request__c.ffscpq__Percent_Discount__c"));
    }

    @Test
    void theGroupsMetadataIsReadInTheSameWaveAsTheSetsItNames() throws Exception {
        org.control().latency(Duration.ofMillis(40));
        OrgAccess access = read(List.of(CorpusOrg.GROUP_USER));
        PermissionSetGroup md = access.metadata().groupMetadata().get(0);
        assertEquals(CorpusOrg.GROUP, md.fullName());
        assertEquals("Updated", md.status());
        assertEquals("Certinia - SCPQ - Estimator", md.label());
        assertEquals(13, md.permissionSets().size());
        PermissionSetGroup used = access.metadata().permissionSetGroup(CorpusOrg.GROUP).orElseThrow();
        assertEquals("Certinia - SCPQ - Estimator", used.label(), "the label comes from the metadata");
        // Wave 2 is one round of concurrent calls: the group's read started before the first set read ended.
        List<RequestRecord> wave2 = org.log().requests().stream().filter(r -> "readMetadata".equals(r.operation()))
                .toList();
        assertEquals(5, wave2.size(), "1 profile, 2 set, 1 muting, 1 group read");
        assertTrue(org.log().maxConcurrent() >= 5, "max concurrent " + org.log().maxConcurrent());
    }

    /** The corpus org plus a user holding a group whose metadata is set up by {@code group}. */
    static OrgAccess readGroupUser(java.util.function.Consumer<OrgModelBuilder.GroupSpec> group) throws Exception {
        OrgModelBuilder b = CorpusOrg.builder();
        b.permissionSet("Member_A", s -> s.label("Member A"));
        b.permissionSet("Member_B", s -> s.label("Member B"));
        b.mutingPermissionSet("Group_Muted", m -> m.label("Group Muted"));
        b.permissionSetGroup("Ops_Group", group);
        b.user("grouped@acme.example", u -> u.profile(CorpusOrg.PLATFORM_PROFILE).permissionSetGroups("Ops_Group"));
        try (SalesforceStandIn standIn = SalesforceStandIn.start(b.build())) {
            return new OrgAccessReader(StandInSettings.connect(standIn)).read(List.of("grouped@acme.example"));
        }
    }

    @Test
    void aGroupSalesforceHasNotRecalculatedIsAGapAndNotUsed() throws Exception {
        for (String status : List.of("Outdated", "Updating", "Failed")) {
            OrgAccess access = readGroupUser(g -> g.permissionSets("Member_A").status(status));
            assertTrue(access.metadata().permissionSetGroup("Ops_Group").isEmpty(), status + ": not used");
            assertEquals(status, access.metadata().groupMetadata().get(0).status());
            assertEquals(List.of("Ops_Group"), access.user("grouped@acme.example").orElseThrow().permissionSetGroups(),
                    "still assigned");
            assertEquals(1, access.gaps().size(), access.gaps().toString());
            OrgAccess.Gap gap = access.gaps().get(0);
            assertEquals("permission set group 'Ops_Group'", gap.subject());
            assertEquals("grouped@acme.example", gap.username());
            assertTrue(gap.reason().contains("has status " + status), gap.reason());
            assertTrue(gap.reason().contains("may differ from its components"), gap.reason());
            assertTrue(gap.fix().contains("Setup > Permission Set Groups > Ops_Group"), gap.fix());
            assertTrue(gap.fix().contains("once its status is Updated"), gap.fix());
        }
    }

    @Test
    void whenTheGroupsMetadataAndComponentsDisagreeNeitherIsPicked() throws Exception {
        // SOQL components: Member_A and the muting set; the metadata: Member_A, Member_B and no muting set.
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PermissionSetGroup xmlns=\"http://soap.sforce.com/"
                + "2006/04/metadata\"><label>Ops</label><permissionSets>Member_A</permissionSets><permissionSets>"
                + "Member_B</permissionSets><status>Updated</status></PermissionSetGroup>";
        OrgAccess access = readGroupUser(g -> g.permissionSets("Member_A").mutingPermissionSets("Group_Muted")
                .metadata(dev.sfapi.standin.org.MetadataDocument.xml("Ops_Group", xml)));
        assertTrue(access.metadata().permissionSetGroup("Ops_Group").isEmpty(), "not used");
        assertEquals(1, access.gaps().size(), access.gaps().toString());
        String reason = access.gaps().get(0).reason();
        assertTrue(reason.contains("the metadata lists permission sets 'Member_B' that the components don't"), reason);
        assertTrue(reason.contains("the components list muting permission sets 'Group_Muted' that the metadata"
                + " doesn't"), reason);
    }

    @Test
    void anUpdatedGroupWhoseMetadataAgreesIsUsed() throws Exception {
        OrgAccess access = readGroupUser(g -> g.permissionSets("Member_A", "Member_B")
                .mutingPermissionSets("Group_Muted"));
        PermissionSetGroup used = access.metadata().permissionSetGroup("Ops_Group").orElseThrow();
        assertEquals(List.of("Member_A", "Member_B"), used.permissionSets());
        assertEquals(List.of("Group_Muted"), used.mutingPermissionSets());
        assertEquals(List.of(), access.gaps());
    }

    @Test
    void aGroupReadMetadataDoesNotReturnIsAGap() throws Exception {
        org.control().hideMetadata("PermissionSetGroup", CorpusOrg.GROUP);
        OrgAccess access = read(List.of(CorpusOrg.GROUP_USER));
        assertTrue(access.metadata().permissionSetGroup(CorpusOrg.GROUP).isEmpty());
        assertEquals(1, access.gaps().size(), access.gaps().toString());
        assertTrue(access.gaps().get(0).reason().contains("readMetadata returned no PermissionSetGroup"),
                access.gaps().get(0).reason());
    }

    @Test
    void readsSeatCountsOfEveryLicense() throws Exception {
        OrgAccess access = read(List.of(CorpusOrg.PLATFORM_USER));
        OrgAccess.LicenseSeats platform = access.userLicenses().stream()
                .filter(s -> s.name().equals("Salesforce Platform")).findFirst().orElseThrow();
        assertEquals("AUL", platform.key());
        assertEquals(20, platform.total());
        // Active users on Platform profiles: platform, frozen (frozen users keep their seat) and estimator.
        assertEquals(3, platform.used());
        assertEquals(4, access.userLicenses().size());
        OrgAccess.LicenseSeats psl = access.permissionSetLicenses().get(0);
        assertEquals("SalesforceAPIIntegrationPsl", psl.name());
        assertEquals("Salesforce API Integration", psl.label());
        assertEquals(5, psl.total());
        assertEquals(1, psl.used());
    }

    @Test
    void makesExactlyTheMinimumOfRequests() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        new OrgAccessReader(client).read(ALL_USERS);
        RequestLog log = org.log();

        assertEquals(1, log.count(Endpoint.OAUTH_TOKEN), "one authentication");
        for (String object : QUERIED_OBJECTS) {
            assertEquals(1, log.count(Endpoint.REST_QUERY, "query", object), "one query on " + object);
        }
        assertEquals(QUERIED_OBJECTS.size(), log.count(Endpoint.REST_QUERY));
        assertEquals(1, log.count(Endpoint.METADATA_SOAP, "listMetadata", "Profile"));
        // 4 profiles, 15 permission sets (2 direct + 13 group members), 1 muting set, 1 group: ⌈n/10⌉ reads each.
        assertEquals(1, log.count(Endpoint.METADATA_SOAP, "readMetadata", "Profile"));
        assertEquals(2, log.count(Endpoint.METADATA_SOAP, "readMetadata", "PermissionSet"));
        assertEquals(1, log.count(Endpoint.METADATA_SOAP, "readMetadata", "MutingPermissionSet"));
        assertEquals(1, log.count(Endpoint.METADATA_SOAP, "readMetadata", "PermissionSetGroup"),
                "the group's metadata confirms its components (Q4)");
        assertEquals(1 + 8 + 1 + 1 + 2 + 1 + 1, log.count());
        assertEquals(log.count(), client.httpRequestCount() + log.count(Endpoint.METADATA_SOAP),
                "the client's own count agrees (it counts REST and OAuth)");
    }

    @Test
    void runsIndependentCallsAtTheSameTime() throws Exception {
        org.control().latency(Duration.ofMillis(40));
        read(ALL_USERS);
        // Wave 1 has 9 independent calls; a sequential client would never have two in flight.
        assertTrue(org.log().maxConcurrent() >= 8, "max concurrent " + org.log().maxConcurrent());
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        org.control().latency(Duration.ofMillis(30));
        OrgClient client = StandInSettings.connect(org);
        org.log().clear();
        new OrgAccessReader(client, 3, Clock.systemUTC()).read(ALL_USERS);
        assertEquals(3, org.log().maxConcurrent());
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheReadContinues() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        // Every session dies after 3 more API requests: the rest of wave 1 and all of wave 2 hit it.
        org.control().expireSessionsAfter(3);
        OrgAccess access = new OrgAccessReader(client).read(ALL_USERS);

        assertEquals(2, org.log().count(Endpoint.OAUTH_TOKEN), "one login, one renewal, however many calls failed");
        assertEquals(2, client.session().authentications());
        assertEquals(UserSetup.Status.FROZEN, access.user(CorpusOrg.FROZEN_USER).orElseThrow().status());
        assertTrue(access.metadata().mutingPermissionSet(CorpusOrg.MUTING_SET).isPresent());
        assertTrue(org.log().requests().stream().anyMatch(r -> r.status() == 401 || r.status() == 500),
                "some calls really were refused");
    }

    @Test
    void theApiLimitStopsTheReadWithAClearMessage() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        org.control().requestLimitExceeded(100);
        OrgException e = assertThrows(OrgException.class, () -> new OrgAccessReader(client).read(ALL_USERS));
        assertEquals(OrgException.Kind.API_LIMIT, e.kind());
        assertTrue(e.getMessage().contains("REQUEST_LIMIT_EXCEEDED"), e.getMessage());
        assertTrue(e.getMessage().contains("API requests"), e.getMessage());
    }

    @Test
    void serviceUnavailableIsRetried() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        org.control().html503(2, Endpoint.REST_QUERY).html503(1, Endpoint.METADATA_SOAP);
        OrgAccess access = new OrgAccessReader(client).read(ALL_USERS);
        assertEquals(UserSetup.Status.ACTIVE, access.user(CorpusOrg.PLATFORM_USER).orElseThrow().status());
        List<RequestRecord> faults = org.log().requests().stream().filter(r -> "HTML_503".equals(r.fault())).toList();
        assertEquals(3, faults.size());
        assertEquals(QUERIED_OBJECTS.size() + 2, org.log().count(Endpoint.REST_QUERY), "each refused query sent again");
    }

    @Test
    void aConnectingUserWithoutViewSetupIsToldWhichPermissionItNeeds() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        org.control().viewSetup(false);
        OrgException e = assertThrows(OrgException.class, () -> new OrgAccessReader(client).read(ALL_USERS));
        assertEquals(OrgException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("View Setup and Configuration"), e.getMessage());
    }

    @Test
    void aConnectingUserWithoutMetadataRightsIsToldWhichPermissionItNeeds() throws Exception {
        OrgClient client = StandInSettings.connect(org);
        org.control().modifyMetadata(false);
        OrgException e = assertThrows(OrgException.class, () -> new OrgAccessReader(client).read(ALL_USERS));
        assertEquals(OrgException.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("Modify Metadata Through Metadata API Functions"), e.getMessage());
    }

    @Test
    void aComponentReadMetadataDoesNotReturnIsAGapNotASilentSkip() throws Exception {
        org.control().hideMetadata("PermissionSet", "TwoCloudNineIntegrationUser");
        OrgAccess access = read(List.of(CorpusOrg.INTEGRATION_USER));
        assertTrue(access.metadata().permissionSet("TwoCloudNineIntegrationUser").isEmpty());
        assertEquals(List.of("TwoCloudNineIntegrationUser"),
                access.user(CorpusOrg.INTEGRATION_USER).orElseThrow().permissionSets(), "still assigned");
        assertEquals(1, access.gaps().size());
        OrgAccess.Gap gap = access.gaps().get(0);
        assertEquals(CorpusOrg.INTEGRATION_USER, gap.username());
        assertEquals("permission set 'TwoCloudNineIntegrationUser'", gap.subject());
        assertTrue(gap.reason().contains("readMetadata returned no PermissionSet"), gap.reason());
    }

    @Test
    void aProfileListMetadataDoesNotListIsAGap() throws Exception {
        org.control().hideMetadata("Profile", CorpusOrg.PLATFORM_PROFILE);
        OrgAccess access = read(List.of(CorpusOrg.PLATFORM_USER));
        assertNull(access.user(CorpusOrg.PLATFORM_USER).orElseThrow().profileFullName());
        assertEquals(0, org.log().count(Endpoint.METADATA_SOAP, "readMetadata", "Profile"), "nothing to read");
        assertEquals(1, access.gaps().size());
        assertTrue(access.gaps().get(0).reason().contains("listMetadata(Profile) does not list"));
    }

    @Test
    void longUserListsAreSplitIntoSeveralQueriesAndManyComponentsIntoReadsOfTen() throws Exception {
        OrgModelBuilder b = CorpusOrg.builder();
        List<String> sets = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            String name = "Generated_Set_" + i;
            sets.add(name);
            b.permissionSet(name, s -> s.label(name));
        }
        b.user("many.sets@acme.example", u -> u.profile(CorpusOrg.PLATFORM_PROFILE)
                .permissionSets(sets.toArray(String[]::new)));
        OrgModel model = b.build();
        List<String> users = new ArrayList<>(List.of("many.sets@acme.example"));
        for (int i = 0; i < 400; i++) {
            users.add("someone.who.does.not.exist." + i + "@a-rather-long-domain-name.example");
        }
        int chunks = Soql.chunkedIn(OrgAccessReader.Q1_USERS, users).size();
        assertTrue(chunks > 1, "the test needs more than one chunk");
        try (SalesforceStandIn big = SalesforceStandIn.start(model)) {
            OrgAccess access = new OrgAccessReader(StandInSettings.connect(big)).read(users);
            assertEquals(23, access.user("many.sets@acme.example").orElseThrow().permissionSets().size());
            assertEquals(400, access.users().stream().filter(u -> u.status() == UserSetup.Status.NOT_FOUND).count());
            assertEquals(chunks, big.log().count(Endpoint.REST_QUERY, "query", "User"));
            assertEquals(chunks, big.log().count(Endpoint.REST_QUERY, "query", "PermissionSetAssignment"));
            assertEquals(3, big.log().count(Endpoint.METADATA_SOAP, "readMetadata", "PermissionSet"), "⌈23/10⌉");
            assertTrue(big.log().requests().stream().noneMatch(r -> r.status() == 414), "no URL too long");
            assertEquals(23, access.metadata().permissionSets().size());
            assertFalse(access.metadata().permissionSet("Generated_Set_17").orElseThrow().objects().containsKey("x"));
        }
    }

    @Test
    void operationsOfObjectPermissionsComeThroughAsListed() throws Exception {
        PermissionFile payroll = read(List.of(CorpusOrg.PLATFORM_USER)).metadata()
                .profile(CorpusOrg.PLATFORM_PROFILE).orElseThrow();
        // Every listed object is there, with exactly the flags the file sets (no dependencies applied).
        assertTrue(payroll.objects().size() > 300);
        assertTrue(payroll.objects().values().stream().anyMatch(ops -> ops.contains(Operation.READ)));
        assertEquals(Boolean.TRUE, payroll.userPermissions().get("ApiEnabled"));
    }

    /** A user holding one set of each kind of assignment, on the corpus org. */
    static OrgModelBuilder withAssignmentsOfEveryState() {
        OrgModelBuilder b = CorpusOrg.builder();
        for (String name : List.of("Kept", "Expires_Later", "Expired", "Revoked", "Shown_Inactive")) {
            b.permissionSet(name, s -> s.label(name));
        }
        b.permissionSetGroup("Revoked_Group", g -> g.permissionSets("Revoked_Group_Member"));
        return b.user("states@acme.example", u -> u.profile(CorpusOrg.PLATFORM_PROFILE)
                .permissionSets("Kept", "Expires_Later", "Expired", "Revoked", "Shown_Inactive")
                .permissionSetGroups("Revoked_Group")
                .permissionSetLicenses("SalesforceAPIIntegrationPsl")
                .assignment("Expires_Later", a -> a.expires(java.time.Instant.parse("2999-01-01T00:00:00Z")))
                .assignment("Expired", a -> a.expires(java.time.Instant.parse("2020-01-01T00:00:00Z")))
                .assignment("Revoked", a -> a.revoke())
                .assignment("Revoked_Group", a -> a.revoke())
                .assignment("SalesforceAPIIntegrationPsl", a -> a.revoke())
                .assignment("Shown_Inactive", a -> a.active(false)));
    }

    @Test
    void revokedExpiredAndInactiveAssignmentsAreNotCounted() throws Exception {
        try (SalesforceStandIn states = SalesforceStandIn.start(withAssignmentsOfEveryState().build())) {
            OrgAccess access = new OrgAccessReader(StandInSettings.connect(states)).read(List.of("states@acme.example"));
            OrgAccess.OrgUser u = access.user("states@acme.example").orElseThrow();
            assertEquals(List.of("Kept", "Expires_Later"), u.permissionSets());
            assertEquals(List.of(), u.permissionSetGroups(), "the group's assignment was revoked");
            assertEquals(List.of(), u.permissionSetLicenses(), "the PSL's assignment was revoked");
            assertTrue(access.metadata().permissionSet("Revoked").isEmpty(), "what is not assigned is not read");
            assertTrue(access.metadata().permissionSet("Revoked_Group_Member").isEmpty(),
                    "nor the members of a group assigned only through a revoked assignment");
            assertEquals(1, access.gaps().size(), access.gaps().toString());
            OrgAccess.Gap inactive = access.gaps().get(0);
            assertEquals("permission set 'Shown_Inactive'", inactive.subject());
            assertTrue(inactive.reason().contains("IsActive = false"), inactive.reason());
            assertEquals(1, states.log().count(Endpoint.REST_QUERY, "query", "PermissionSetAssignment"),
                    "filtered in the query, no extra request");
        }
    }

    @Test
    void anInactiveUsersAssignmentsAreKeptAsTheOrgHasThem() throws Exception {
        // IsActive follows the user in the stand-in; an inactive user's sets must not vanish (drift would lie).
        OrgModelBuilder b = withAssignmentsOfEveryState();
        b.user("gone@acme.example", u -> u.profile(CorpusOrg.PLATFORM_PROFILE).active(false).permissionSets("Kept")
                .permissionSetGroups(CorpusOrg.GROUP));
        try (SalesforceStandIn states = SalesforceStandIn.start(b.build())) {
            OrgAccess access = new OrgAccessReader(StandInSettings.connect(states)).read(List.of("gone@acme.example"));
            OrgAccess.OrgUser gone = access.user("gone@acme.example").orElseThrow();
            assertEquals(UserSetup.Status.INACTIVE, gone.status());
            assertEquals(List.of("Kept"), gone.permissionSets());
            assertEquals(List.of(CorpusOrg.GROUP), gone.permissionSetGroups());
            assertEquals(List.of(), access.gaps());
        }
    }

    @Test
    void anOrgWithoutUserAccessPoliciesIsAskedAgainWithoutIsRevoked() throws Exception {
        org.control().userAccessPolicies(false);
        OrgClient client = StandInSettings.connect(org);
        OrgAccess access = new OrgAccessReader(client).read(ALL_USERS);
        assertEquals(List.of(CorpusOrg.GROUP), access.user(CorpusOrg.GROUP_USER).orElseThrow().permissionSetGroups());
        assertEquals(List.of("TwoCloudNineIntegrationUser"),
                access.user(CorpusOrg.INTEGRATION_USER).orElseThrow().permissionSets());
        assertEquals(List.of(), access.gaps());
        RequestLog log = org.log();
        assertEquals(2, log.count(Endpoint.REST_QUERY, "query", "PermissionSetAssignment"), "refused, then without");
        assertEquals(2, log.count(Endpoint.REST_QUERY, "query", "PermissionSetGroupComponent"), "its semi-join too");
        assertEquals(1, log.count(Endpoint.REST_QUERY, "query", "PermissionSetLicenseAssign"),
                "PermissionSetLicenseAssign.IsRevoked doesn't depend on user access policies");
    }

    @Test
    void theAssignmentQueriesAskForWhatTheApiVersionKnows() {
        java.time.Instant now = java.time.Instant.parse("2026-03-01T10:15:30.123Z");
        OrgAccessReader.AssignmentFilter v62 = OrgAccessReader.AssignmentFilter.of("62.0", now);
        String q2 = v62.assignments(OrgAccessReader.Q2_ASSIGNMENTS);
        assertTrue(q2.contains("PermissionSetGroup.NamespacePrefix, IsActive FROM"), q2);
        assertTrue(q2.endsWith("IN (%s) AND IsRevoked = false AND (ExpirationDate = null OR ExpirationDate >"
                + " 2026-03-01T10:15:30Z)"), q2);
        assertTrue(v62.assignments(OrgAccessReader.Q4_GROUP_COMPONENTS).endsWith("AND IsRevoked = false AND"
                + " (ExpirationDate = null OR ExpirationDate > 2026-03-01T10:15:30Z))"));
        assertTrue(v62.licenseAssignments(OrgAccessReader.Q3_LICENSE_ASSIGNMENTS).endsWith("AND IsRevoked = false"));
        assertTrue(v62.gap().isEmpty());

        OrgAccessReader.AssignmentFilter v56 = OrgAccessReader.AssignmentFilter.of("56.0", now);
        String q2at56 = v56.assignments(OrgAccessReader.Q2_ASSIGNMENTS);
        assertFalse(q2at56.contains("IsRevoked"), q2at56);
        assertTrue(q2at56.contains("ExpirationDate >"), q2at56);
        assertFalse(v56.licenseAssignments(OrgAccessReader.Q3_LICENSE_ASSIGNMENTS).contains("IsRevoked"));
        assertTrue(v56.gap().orElseThrow().reason().contains("revoked by a user access policy"));

        OrgAccessReader.AssignmentFilter v51 = OrgAccessReader.AssignmentFilter.of("51.0", now);
        String q2at51 = v51.assignments(OrgAccessReader.Q2_ASSIGNMENTS);
        assertFalse(q2at51.contains("IsActive") || q2at51.contains("ExpirationDate"), q2at51);
        assertTrue(v51.gap().orElseThrow().reason().contains("past its expiration date"));
        assertTrue(v51.gap().orElseThrow().fix().contains("57.0"));
    }

    @Test
    void atAnOlderApiVersionTheReadWorksAndSaysWhatItCantTell() throws Exception {
        try (SalesforceStandIn old = SalesforceStandIn.start(withAssignmentsOfEveryState().apiVersions("62.0", "56.0")
                .build())) {
            java.util.Map<SettingKey, String> v = StandInSettings.clientCredentials(old);
            v.put(SettingKey.API_VERSION, "56.0");
            OrgAccess access = new OrgAccessReader(StandInSettings.connect(StandInSettings.settings(v)))
                    .read(List.of("states@acme.example"));
            OrgAccess.OrgUser u = access.user("states@acme.example").orElseThrow();
            assertEquals(List.of("Kept", "Expires_Later", "Revoked"), u.permissionSets(),
                    "56.0 has no IsRevoked: the revoked set can't be told apart, but the expired one can");
            assertTrue(access.gaps().stream().anyMatch(g -> g.subject().equals("permission set assignments")),
                    access.gaps().toString());
        }
    }
}
