package dev.sfapi.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.ApiUserValidation;
import dev.sfapi.metadata.SourceDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts issue 2 asks for, on real Profile and PermissionSet files from
 * ../shared/corpus/metadata with declarations written here. Each scenario runs the whole offline path:
 * declaration file, users section, metadata folder, checks.
 */
class CorpusScenariosTest {

    private static final String GSA_API_ONLY =
            "GSA__SF_WorkSpace/force-app__main__default__profiles__Minimum Access - API Only Integrations.profile-meta.xml";
    private static final String ACCOUNT_READ_SET =
            "Cloud-Orca__cooperparry/force-app__main__default__permissionsets__ERPAnalyticsIntegrationUserReadAccess.permissionset-meta.xml";
    private static final String IATA_INTEGRATION = "GalloGio__IATA/src__permissionsets__AMS_INTEGRATION_Access.permissionset";
    private static final String IATA_GDP = "GalloGio__IATA/src__permissionsets__AMS_GDP_Permissions.permissionset";
    private static final String TWO_CLOUD_NINE =
            "Epic-ATS__NightlyBackup/force-app__main__default__permissionsets__TwoCloudNineIntegrationUser.permissionset-meta.xml";
    private static final String PAYROLL_PLATFORM =
            "Epic-ATS__NightlyBackup/force-app__main__default__profiles__2cloudnine Payroll User.profile-meta.xml";
    private static final String MODIFY_ALL_SET =
            "GSA__SF_WorkSpace/force-app__main__default__permissionsets__OrgWide_ModifyAll_System.permissionset-meta.xml";
    private static final String EPIC_ADMIN =
            "Epic-ATS__NightlyBackup/force-app__main__default__profiles__Admin.profile-meta.xml";
    private static final String ESTIMATOR_GROUP =
            "Cloud-Orca__cooperparry/force-app__main__default__permissionsetgroups__ffscpq__SCPQEstimator.permissionsetgroup-meta.xml";
    private static final String ESTIMATOR_MUTED =
            "Cloud-Orca__cooperparry/force-app__main__default__mutingpermissionsets__SCPQEstimator_Muted.mutingpermissionset-meta.xml";
    private static final String PERCENT_DISCOUNT = "ffscpq__Estimate_Role_Request__c.ffscpq__Percent_Discount__c";

    @TempDir
    Path project;

    private CorpusProject metadata() {
        return new CorpusProject(project.resolve("force-app/main/default"));
    }

    private ValidationReport validate(String yaml) throws Exception {
        Files.writeString(project.resolve("sfapi-users.yml"), yaml);
        ApiUserValidation validation = new ApiUserValidation(project);
        ApiUserValidation.Inputs inputs = validation.readDeclaration(Path.of("sfapi-users.yml"));
        SourceDirectory source = validation.metadataSource(List.of(), inputs.declaration());
        return validation.validateFromMetadata(inputs, source);
    }

    private static List<Finding> findings(ValidationReport report, CheckId id, String subject) {
        return report.findings().stream()
                .filter(f -> f.check() == id && (subject == null || subject.equals(f.subject())))
                .toList();
    }

    private static RequirementResult requirement(ValidationReport report, String title) {
        return report.integrations().get(0).results().stream()
                .filter(r -> r.requirement().title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no requirement '" + title + "' in " + titles(report)));
    }

    private static String titles(ValidationReport report) {
        return report.integrations().get(0).results().stream().map(r -> r.requirement().title())
                .collect(Collectors.joining(", "));
    }

    private static String integrationUser(String extraUserLines) {
        return """
                integrations:
                  - name: account-reader
                    user: int.user@acme.example
                    objects:
                      Account: [read]
                users:
                  int.user@acme.example:
                    profile: Minimum Access - API Only Integrations
                """ + extraUserLines;
    }

    @Test
    void integrationLicenseWithoutThePslFailsOnTheLicenseAndWithItNoLonger() throws Exception {
        metadata().corpus(GSA_API_ONLY).corpus(ACCOUNT_READ_SET);

        ValidationReport without = validate(integrationUser("""
                    permissionSets: [ERPAnalyticsIntegrationUserReadAccess]
                """));
        Finding denied = findings(without, CheckId.LICENSE_DENIES_OBJECT, "Account").get(0);
        assertEquals("read", denied.operation());
        assertTrue(denied.reason().contains("Salesforce Integration"), denied.reason());
        assertTrue(denied.fix().contains("SalesforceAPIIntegrationPsl"), denied.fix());

        ValidationReport with = validate(integrationUser("""
                    permissionSets: [ERPAnalyticsIntegrationUserReadAccess]
                    permissionSetLicenses: [SalesforceAPIIntegrationPsl]
                """));
        assertTrue(findings(with, CheckId.LICENSE_DENIES_OBJECT, null).isEmpty(), with.findings().toString());
        RequirementResult account = requirement(with, "Account: read");
        assertEquals(Verdict.PASS, account.verdict(), account.findings().toString());
        assertTrue(account.grantedBy().contains("ERPAnalyticsIntegrationUserReadAccess"), account.grantedBy());
    }

    @Test
    void aSetBoundToTheSalesforceLicenseDoesNotCountForAnIntegrationUser() throws Exception {
        metadata().corpus(GSA_API_ONLY).corpus(IATA_INTEGRATION).corpus(TWO_CLOUD_NINE);

        ValidationReport mismatched = validate(integrationUser("""
                    permissionSets: [AMS_INTEGRATION_Access]
                    permissionSetLicenses: [SalesforceAPIIntegrationPsl]
                """));
        Finding mismatch = findings(mismatched, CheckId.PERMSET_LICENSE_MISMATCH, "AMS_INTEGRATION_Access").get(0);
        assertTrue(mismatch.reason().contains("'Salesforce'"), mismatch.reason());
        RequirementResult account = requirement(mismatched, "Account: read");
        assertFalse(account.verdict() == Verdict.PASS, "AMS_INTEGRATION_Access grants Account, but must not count");
        assertTrue(account.findings().stream().noneMatch(f -> f.reason().contains("AMS_INTEGRATION_Access grants")),
                account.findings().toString());

        ValidationReport compatible = validate(integrationUser("""
                    permissionSets: [TwoCloudNineIntegrationUser]
                    permissionSetLicenses: [SalesforceAPIIntegrationPsl]
                """));
        assertTrue(findings(compatible, CheckId.PERMSET_LICENSE_MISMATCH, null).isEmpty(),
                compatible.findings().toString());
        RequirementResult fits = requirement(compatible, "permission sets fit license Salesforce Integration");
        assertEquals(Verdict.PASS, fits.verdict());
    }

    @Test
    void theOldUserLicenseElementBindsASetLikeLicenseDoes() throws Exception {
        metadata().corpus(GSA_API_ONLY).corpus(IATA_GDP).corpus(EPIC_ADMIN);

        ValidationReport onIntegration = validate(integrationUser("""
                    permissionSets: [AMS_GDP_Permissions]
                """));
        Finding mismatch = findings(onIntegration, CheckId.PERMSET_LICENSE_MISMATCH, "AMS_GDP_Permissions").get(0);
        assertTrue(mismatch.reason().contains("bound to license 'Salesforce'"), mismatch.reason());

        ValidationReport onSalesforce = validate("""
                integrations:
                  - name: gdp
                    user: admin@acme.example
                    objects:
                      Account: [read]
                users:
                  admin@acme.example:
                    profile: System Administrator
                    permissionSets: [AMS_GDP_Permissions]
                """);
        assertTrue(findings(onSalesforce, CheckId.PERMSET_LICENSE_MISMATCH, null).isEmpty());
        assertEquals(Verdict.PASS, requirement(onSalesforce, "permission sets fit license Salesforce").verdict());
    }

    @Test
    void aPlatformUserFailsOnTheLicenseForOpportunityAndLeadNotOnPermissions() throws Exception {
        metadata().corpus(PAYROLL_PLATFORM).corpus(MODIFY_ALL_SET);
        ValidationReport report = validate("""
                integrations:
                  - name: payroll-crm
                    user: payroll@acme.example
                    objects:
                      Opportunity: [read, edit]
                      Lead: [read]
                users:
                  payroll@acme.example:
                    profile: 2cloudnine Payroll User
                    permissionSets: [OrgWide_ModifyAll_System]
                """);
        for (String title : List.of("Opportunity: read", "Opportunity: edit", "Lead: read")) {
            RequirementResult r = requirement(report, title);
            assertEquals(List.of(CheckId.LICENSE_DENIES_OBJECT), r.findings().stream().map(Finding::check).toList(),
                    title + ": " + r.findings());
            assertTrue(r.findings().get(0).reason().contains("OrgWide_ModifyAll_System"),
                    "the report says the grant exists but can't help: " + r.findings().get(0).reason());
        }
        assertTrue(findings(report, CheckId.PERMISSION_MISSING, null).isEmpty());
    }

    @Test
    void aStandardProfileWithoutSystemPermissionsCannotTellApiAccess() throws Exception {
        metadata().corpus(EPIC_ADMIN);
        ValidationReport report = validate("""
                integrations:
                  - name: admin-job
                    user: admin@acme.example
                    objects:
                      Account: [read]
                users:
                  admin@acme.example:
                    profile: Admin
                """);
        RequirementResult api = requirement(report, "permission ApiEnabled");
        assertEquals(Verdict.WARN, api.verdict(), api.findings().toString());
        assertEquals(CheckId.METADATA_INCOMPLETE, api.findings().get(0).check());
        assertTrue(findings(report, CheckId.API_DISABLED, null).isEmpty(), "never api-disabled on a standard profile");
    }

    @Test
    void mutingInAGroupTakesTheFieldAwayButTheSameGrantOutsideTheGroupCounts() throws Exception {
        metadata().corpus(ESTIMATOR_GROUP).corpus(ESTIMATOR_MUTED)
                .fixture("estimator/Estimator Integration.profile-meta.xml")
                .fixture("estimator/ffscpq__EditEstimates.permissionset-meta.xml");
        String declaration = """
                integrations:
                  - name: estimates
                    user: estimator@acme.example
                    fields:
                      %s: [edit]
                users:
                  estimator@acme.example:
                    profile: Estimator Integration
                    permissionSetGroups: [ffscpq__SCPQEstimator]
                """.formatted(PERCENT_DISCOUNT);

        ValidationReport muted = validate(declaration);
        RequirementResult edit = requirement(muted, PERCENT_DISCOUNT + ": edit");
        assertEquals(Verdict.FAIL, edit.verdict(), edit.findings().toString());
        Finding missing = edit.findings().get(0);
        assertEquals(CheckId.PERMISSION_MISSING, missing.check());
        assertTrue(missing.reason().contains("SCPQEstimator_Muted"), missing.reason());

        ValidationReport outside = validate(declaration + "    permissionSets: [ffscpq__EditEstimates]\n");
        RequirementResult granted = requirement(outside, PERCENT_DISCOUNT + ": edit");
        assertEquals(Verdict.PASS, granted.verdict(), granted.findings().toString());
        assertEquals("permission set 'ffscpq__EditEstimates'", granted.grantedBy());
    }
}
