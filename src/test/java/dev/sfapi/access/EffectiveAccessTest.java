package dev.sfapi.access;

import static dev.sfapi.access.InMemoryMetadata.file;
import static dev.sfapi.declaration.Operation.CREATE;
import static dev.sfapi.declaration.Operation.DELETE;
import static dev.sfapi.declaration.Operation.EDIT;
import static dev.sfapi.declaration.Operation.MODIFY_ALL;
import static dev.sfapi.declaration.Operation.READ;
import static dev.sfapi.declaration.Operation.VIEW_ALL;
import static dev.sfapi.metadata.MetadataKind.MUTING_PERMISSION_SET;
import static dev.sfapi.metadata.MetadataKind.PERMISSION_SET;
import static dev.sfapi.metadata.MetadataKind.PROFILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.access.Answer.State;
import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.metadata.MetadataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveAccessTest {

    private static final LicenseCatalogue CATALOGUE = LicenseCatalogue.builtIn();

    private static UserSetup user(String profile, List<String> sets, List<String> groups, List<String> psls) {
        return new UserSetup("u@acme.example", UserSetup.Status.ACTIVE, profile, null, sets, groups, psls, "test");
    }

    private static EffectiveAccess access(InMemoryMetadata md, List<String> sets, List<String> groups,
                                          List<String> psls) throws MetadataException {
        return EffectiveAccess.of(user("P", sets, groups, psls), md, CATALOGUE);
    }

    private static InMemoryMetadata withProfile(InMemoryMetadata.File profile) {
        return new InMemoryMetadata().add(profile.build());
    }

    @Test
    void accessIsTheUnionOfProfileAndPermissionSets() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").license("Salesforce").object("Account", READ))
                .add(file(PERMISSION_SET, "S").object("Account", EDIT).build());
        EffectiveAccess a = access(md, List.of("S"), List.of(), List.of());

        assertEquals(State.GRANTED, a.object("Account", READ).state());
        assertEquals(List.of("profile 'P'", "permission set 'S'"), a.object("Account", READ).grantedBy());
        assertEquals(List.of("permission set 'S'"), a.object("Account", EDIT).grantedBy());
        assertEquals(State.NOT_GRANTED, a.object("Account", DELETE).state());
    }

    @Test
    void dependenciesFollowFromTheStrongerPermission() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Invoice__c"))
                .add(file(PERMISSION_SET, "S").object("Invoice__c", MODIFY_ALL).build());
        EffectiveAccess a = access(md, List.of("S"), List.of(), List.of());

        for (var op : List.of(READ, EDIT, DELETE, VIEW_ALL, MODIFY_ALL)) {
            assertTrue(a.object("Invoice__c", op).isGranted(), op + " follows from Modify All");
        }
        assertEquals(State.NOT_GRANTED, a.object("Invoice__c", CREATE).state(), "Modify All doesn't imply Create");
    }

    @Test
    void mutingActsOnlyInsideItsOwnGroup() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Case"))
                .add(file(PERMISSION_SET, "Member").object("Case", READ, EDIT).build())
                .add(file(MUTING_PERMISSION_SET, "Mute").object("Case", EDIT).build())
                .group("G", List.of("Member"), List.of("Mute"));

        EffectiveAccess inGroup = access(md, List.of(), List.of("G"), List.of());
        Answer edit = inGroup.object("Case", EDIT);
        assertEquals(State.NOT_GRANTED, edit.state());
        assertTrue(edit.notes().get(0).contains("muting permission set 'Mute'"), edit.notes().toString());
        assertTrue(inGroup.object("Case", READ).isGranted(), "only edit is muted");

        EffectiveAccess direct = access(md, List.of("Member"), List.of("G"), List.of());
        assertEquals(List.of("permission set 'Member'"), direct.object("Case", EDIT).grantedBy(),
                "the same set assigned directly is not muted");
    }

    @Test
    void mutingReadMutesEverythingThatNeedsIt() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Case").field("Case.Subject"))
                .add(file(PERMISSION_SET, "Member").object("Case", READ, EDIT, DELETE)
                        .field("Case.Subject", FieldOperation.READ, FieldOperation.EDIT).build())
                .add(file(MUTING_PERMISSION_SET, "Mute").object("Case", READ)
                        .field("Case.Subject", FieldOperation.READ).build())
                .group("G", List.of("Member"), List.of("Mute"));
        EffectiveAccess a = access(md, List.of(), List.of("G"), List.of());

        assertEquals(State.NOT_GRANTED, a.object("Case", DELETE).state());
        assertEquals(State.NOT_GRANTED, a.field("Case.Subject", FieldOperation.EDIT).state());
    }

    @Test
    void licenseBoundSetCountsOnlyWhenTheUserHoldsTheLicense() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").license("Salesforce Integration").object("Account"))
                .add(file(PERMISSION_SET, "Bound").license("Salesforce").object("Account", READ).build())
                .add(file(PERMISSION_SET, "Psl").license("SalesforceAPIIntegrationPsl").object("Contact", READ).build());

        EffectiveAccess a = access(md, List.of("Bound", "Psl"), List.of(), List.of("Salesforce API Integration"));
        assertEquals(State.NOT_GRANTED, a.object("Account", READ).state(), "a mismatched set grants nothing");
        assertEquals(LicenseFit.MISMATCH, a.licenseBindings().get(0).fit());
        assertEquals(LicenseFit.FITS, a.licenseBindings().get(1).fit(), "PSL held by its label, set bound by developer name");
        assertTrue(a.object("Contact", READ).isGranted());
    }

    @Test
    void aSourceProfileThatOmitsAnObjectProvesNothing() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Account", READ));
        EffectiveAccess a = access(md, List.of(), List.of(), List.of());

        Answer omitted = a.object("Opportunity", READ);
        assertEquals(State.CANNOT_TELL, omitted.state());
        assertTrue(omitted.doubts().stream().anyMatch(d -> d.contains("profile 'P' does not list Opportunity")),
                omitted.doubts().toString());
        assertEquals(State.NOT_GRANTED, a.object("Account", EDIT).state(), "a listed object is decided");
    }

    @Test
    void aCompleteProfileThatOmitsAnObjectMentionedElsewhereDeniesIt() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").complete())
                .add(file(PERMISSION_SET, "S").object("Opportunity").build());
        EffectiveAccess a = access(md, List.of("S"), List.of(), List.of());
        assertEquals(State.NOT_GRANTED, a.object("Opportunity", READ).state());
    }

    @Test
    void aStandardProfileWithoutSystemPermissionsCannotTellAboutApiAccess() throws Exception {
        EffectiveAccess standard = access(withProfile(file(PROFILE, "P")), List.of(), List.of(), List.of());
        assertEquals(State.CANNOT_TELL, standard.userPermission("ApiEnabled").state());

        EffectiveAccess custom = access(withProfile(file(PROFILE, "P").permission("ViewSetup", true)),
                List.of(), List.of(), List.of());
        assertEquals(State.NOT_GRANTED, custom.userPermission("ApiEnabled").state(),
                "a profile that lists its system permissions lists every enabled one");
    }

    @Test
    void aMissingGroupMemberMakesUngrantedThingsUncertain() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Case"))
                .add(file(PERMISSION_SET, "Known").object("Case", READ).build())
                .group("G", List.of("Known", "ns__Managed"), List.of());
        EffectiveAccess a = access(md, List.of(), List.of("G"), List.of());

        assertTrue(a.object("Case", READ).isGranted(), "a known grant still counts");
        Answer edit = a.object("Case", EDIT);
        assertEquals(State.CANNOT_TELL, edit.state());
        assertTrue(edit.doubts().toString().contains("ns__Managed"), edit.doubts().toString());
        assertTrue(a.missingComponents().get(0).contains("ns__Managed"));
    }

    @Test
    void modifyAllDataGrantsEveryObject() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Account"))
                .add(file(PERMISSION_SET, "Admin").permission("ModifyAllData", true).build());
        Answer a = access(md, List.of("Admin"), List.of(), List.of()).object("Account", DELETE);
        assertTrue(a.isGranted());
        assertTrue(a.grantedBy().get(0).contains("Modify All Data"), a.grantedBy().toString());
    }

    @Test
    void aFieldNobodyListsCannotBeJudged() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").complete().object("Account", READ));
        Answer a = access(md, List.of(), List.of(), List.of()).field("Account.Name", FieldOperation.READ);
        assertEquals(State.CANNOT_TELL, a.state(), "Name fields have no field-level security and are listed nowhere");
        assertTrue(a.doubts().get(0).contains("always accessible"), a.doubts().toString());
    }

    @Test
    void aSessionBasedSetProvesNothingForAnApiSession() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Account"))
                .add(new dev.sfapi.metadata.PermissionFile(PERMISSION_SET, "Session", "Session", null,
                        java.util.Map.of("Account", java.util.EnumSet.of(READ)), java.util.Map.of(), java.util.Map.of(),
                        dev.sfapi.metadata.PermissionFile.Completeness.FULL, "test:Session", true));
        Answer a = access(md, List.of("Session"), List.of(), List.of()).object("Account", READ);
        assertEquals(State.CANNOT_TELL, a.state(), "never a pass on a grant that needs session activation");
        assertTrue(a.doubts().get(0).contains("session-based"), a.doubts().toString());
    }

    @Test
    void manyMissingMembersOfOneGroupAreToldOnce() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Case"))
                .group("G", List.of("ns__A", "ns__B", "ns__C", "ns__D", "ns__E"), List.of());
        Answer a = access(md, List.of(), List.of("G"), List.of()).object("Case", READ);
        assertEquals(List.of("5 member permission sets of group 'G' are not in the metadata ('ns__A', 'ns__B',"
                + " 'ns__C' and 2 more)"), a.doubts().stream().filter(d -> d.contains("group 'G'")).toList());
    }

    @Test
    void aMutedGrantSaysWhatTheMutingSetLists() throws Exception {
        InMemoryMetadata md = withProfile(file(PROFILE, "P").object("Opportunity"))
                .add(file(PERMISSION_SET, "Member").object("Opportunity", READ, EDIT, DELETE).build())
                .add(file(MUTING_PERMISSION_SET, "Mute").object("Opportunity", EDIT).build())
                .group("G", List.of("Member"), List.of("Mute"));
        Answer delete = access(md, List.of(), List.of("G"), List.of()).object("Opportunity", DELETE);
        assertEquals(State.NOT_GRANTED, delete.state());
        assertEquals(List.of(new Answer.Muting("Mute", "G", "Edit")), delete.mutings());
    }
}
