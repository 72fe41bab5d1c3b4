package dev.sfapi.report;

import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Requirement;
import dev.sfapi.check.Requirement.Kind;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.yaml.YamlLocation;
import java.util.List;

/** Validation reports built by hand, shaped like what the checks produce for the example org. */
final class SampleReports {

    static final String DECLARATION = "sfapi-users.yml";

    static final String MKT_USER = "mkt.sync@acme.example";
    static final String WH_USER = "warehouse@acme.example";
    static final String ERP_USER = "erp.integration@acme.example";
    static final String LEGACY_USER = "legacy.reader@acme.example";
    static final String SHARED_USER = "shared.sync@acme.example";

    static final String CAMPAIGN_REASON = "The Salesforce Platform license does not include Campaign; no profile or"
            + " permission set can grant it on this license (Salesforce Help: Lightning Platform license objects).";
    static final String CAMPAIGN_FIX = "Move " + MKT_USER + " to a Salesforce license, or remove Campaign from"
            + " marketing-export in " + DECLARATION + ".";
    static final String ACCOUNT_REASON = "Neither profile Marketing Integration nor permission set Marketing_Access"
            + " grants edit on Account; the license would allow it.";
    static final String ACCOUNT_FIX = "Grant Edit on Account in permission set Marketing_Access (Object Settings >"
            + " Account > Edit), or in a new permission set assigned to " + MKT_USER + ".";

    private SampleReports() {
    }

    static YamlLocation at(int line, int column) {
        return new YamlLocation(DECLARATION, line, column);
    }

    static RequirementResult pass(Kind kind, String subject, String operation, YamlLocation at, String grantedBy) {
        return new RequirementResult(new Requirement(kind, subject, operation, false, at), List.of(), grantedBy);
    }

    static Requirement requirement(Kind kind, String subject, String operation, YamlLocation at) {
        return new Requirement(kind, subject, operation, false, at);
    }

    /** Fails: Campaign on a Platform license, and Account edit nobody grants. Two requirements pass. */
    static IntegrationResult marketingExport() {
        YamlLocation campaign = at(14, 7);
        YamlLocation account = at(13, 7);
        return new IntegrationResult("marketing-export", MKT_USER, "Salesforce Platform", "Marketing Integration",
                List.of(
                        pass(Kind.USER, MKT_USER, null, at(10, 5), "profile Marketing Integration"),
                        pass(Kind.OBJECT, "Account", "read", account, "permission set Marketing_Access"),
                        new RequirementResult(requirement(Kind.OBJECT, "Account", "edit", account), List.of(
                                new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, "marketing-export", MKT_USER,
                                        "Account", "edit", ACCOUNT_REASON, ACCOUNT_FIX, account)), null),
                        new RequirementResult(requirement(Kind.OBJECT, "Campaign", "read", campaign), List.of(
                                new Finding(CheckId.LICENSE_DENIES_OBJECT, Severity.ERROR, "marketing-export",
                                        MKT_USER, "Campaign", "read", CAMPAIGN_REASON, CAMPAIGN_FIX, campaign)), null),
                        new RequirementResult(new Requirement(Kind.PERMISSION, "ApiEnabled", null, true, at(9, 5)),
                                List.of(), "profile Marketing Integration")),
                at(9, 5));
    }

    /** Only warnings: the catalogue can't vouch for Order, and the profile doesn't say whether the API is on. */
    static IntegrationResult warehouseExport() {
        YamlLocation order = at(22, 7);
        return new IntegrationResult("warehouse-export", WH_USER,
                "Salesforce Integration + Salesforce API Integration", "Minimum Access - API Only Integrations",
                List.of(
                        pass(Kind.OBJECT, "Warehouse__c", "read", at(21, 7), "permission set Warehouse_Export"),
                        new RequirementResult(requirement(Kind.OBJECT, "Order", "read", order), List.of(
                                new Finding(CheckId.LICENSE_UNVERIFIED, Severity.WARNING, "warehouse-export", WH_USER,
                                        "Order", "read", "The license catalogue has no confident entry for Order on"
                                        + " Salesforce Integration + Salesforce API Integration: cannot tell.",
                                        "Check Order in Setup > Company Information > Permission Set Licenses, then add"
                                        + " it to the licenses section of " + DECLARATION + ".", order)),
                                null),
                        new RequirementResult(new Requirement(Kind.PERMISSION, "ApiEnabled", null, true, at(18, 5)),
                                List.of(new Finding(CheckId.METADATA_INCOMPLETE, Severity.WARNING, "warehouse-export",
                                        WH_USER, "ApiEnabled", null, "Profile Minimum Access - API Only Integrations"
                                        + " was saved without userPermissions: cannot tell whether API Enabled is on.",
                                        "Retrieve the profile together with its user permissions, or grant API"
                                        + " Enabled in a permission set.", null)),
                                null)),
                at(18, 5));
    }

    /** Everything met. */
    static IntegrationResult erpSync() {
        return new IntegrationResult("erp-sync", ERP_USER, "Salesforce", "ERP Integration", List.of(
                pass(Kind.USER, ERP_USER, null, at(2, 5), "profile ERP Integration"),
                pass(Kind.OBJECT, "Account", "read", at(6, 7), "profile ERP Integration"),
                pass(Kind.OBJECT, "Account", "edit", at(6, 7), "permission set ERP_Access"),
                pass(Kind.FIELD, "Opportunity.Amount", "edit", at(8, 7), "permission set group ERP_Sync"),
                pass(Kind.PERMISSION, "ApiEnabled", null, at(7, 5), "profile ERP Integration")), at(2, 5));
    }

    /** A user-level finding: the org has no such user, so nothing else can be judged. */
    static IntegrationResult legacyReader() {
        YamlLocation user = at(26, 11);
        return new IntegrationResult("legacy-reader", LEGACY_USER, null, null, List.of(
                new RequirementResult(requirement(Kind.USER, LEGACY_USER, null, user), List.of(
                        new Finding(CheckId.UNKNOWN_USER, Severity.ERROR, "legacy-reader", LEGACY_USER, null, null,
                                "there is no user '" + LEGACY_USER + "' in the org, so the integration's one requirement"
                                        + " could not be checked.",
                                "Check the username in the declaration (sandbox usernames carry a suffix such as"
                                        + " .uat), or create the user.", user)),
                        null)), at(25, 5));
    }

    static Finding sharedUser() {
        return new Finding(CheckId.SHARED_USER, Severity.WARNING, null, SHARED_USER, null, null,
                "Integrations support-sync and case-export both log in as " + SHARED_USER
                        + "; a logout in one ends the other's session and the audit trail can't tell them apart.",
                "Give each integration its own user.", at(30, 11));
    }

    /** The four integrations above plus one general finding: 2 failed, 1 with warnings, 3 errors, 3 warnings. */
    static ValidationReport mixed() {
        return new ValidationReport(DECLARATION, "metadata in force-app/main/default",
                List.of(marketingExport(), warehouseExport(), erpSync(), legacyReader()), List.of(sharedUser()));
    }

    static ValidationReport allPass() {
        return new ValidationReport(DECLARATION, "metadata in force-app/main/default", List.of(erpSync()), List.of());
    }

    /** Names and text full of characters XML and Markdown treat specially. */
    static final String NASTY_INTEGRATION = "a|b <c> & \"d\" 'e' *f* _g_ `h` [i](j) #k $l$";
    static final String NASTY_USER = "o'brien&<co>\"x\"@acme.example";
    static final String NASTY_REASON = "Profile \"R&D <Ops>\" | grants ]]> nothing * _ ` # [x](y) \\ $5 & <b>bold</b>";

    static ValidationReport nasty() {
        YamlLocation at = new YamlLocation("conf/a&b <c>.yml", 3, 1);
        Finding f = new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, NASTY_INTEGRATION, NASTY_USER,
                "Acme_<X>__c", "edit", NASTY_REASON, "Grant \"edit\" & <retry> | done", at);
        Finding w = new Finding(CheckId.LICENSE_UNVERIFIED, Severity.WARNING, NASTY_INTEGRATION, NASTY_USER,
                "Q&A__c", "read", "Cannot tell <why> & \"how\"", "Ask 'them' & <us>", at);
        return new ValidationReport("conf/a&b <c>.yml", "org <acme> & co", List.of(new IntegrationResult(
                NASTY_INTEGRATION, NASTY_USER, "Lic|ense <&>", "Prof|ile \"x\"", List.of(
                        new RequirementResult(requirement(Kind.OBJECT, "Acme_<X>__c", "edit", at), List.of(f), null),
                        new RequirementResult(requirement(Kind.OBJECT, "Q&A__c", "read", at), List.of(w), null),
                        pass(Kind.OBJECT, "R&D__c", "read", at, "permission set \"A&B\" <main>")),
                at)), List.of());
    }
}
