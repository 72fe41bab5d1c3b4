package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.OrgMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In org mode the org names its PSLs both ways, so a set bound by label fits a PSL assigned by developer name. */
class OrgLicenseNamesTest {

    private static OrgAccess orgWith(List<OrgAccess.LicenseSeats> psls) {
        return new OrgAccess(new OrgAccess.OrgInfo("00DXX0000008abcMAA", "Acme", "acme.my.salesforce.com", "62.0",
                Instant.EPOCH, false), List.of(), List.of(), List.of(), psls,
                new OrgMetadata("m", List.of(), Map.of(), List.of(), List.of(), List.of()), List.of());
    }

    @Test
    void theOrgsLabelAndDeveloperNameOfAPslTheCatalogueDoesNotKnowAreOneLicense() {
        LicenseCatalogue builtIn = LicenseCatalogue.builtIn();
        assertFalse(builtIn.sameLicense("Financial Services Cloud Standard", "FinancialServicesCloudStandardPsl"),
                "the built-in catalogue doesn't know this PSL (else this test proves nothing)");

        LicenseCatalogue taught = ApiUserValidation.withOrgLicenseNames(builtIn, orgWith(List.of(
                new OrgAccess.LicenseSeats("FinancialServicesCloudStandardPsl", "FSCStandardPsl",
                        "Financial Services Cloud Standard", 10, 2))));

        assertTrue(taught.sameLicense("Financial Services Cloud Standard", "FinancialServicesCloudStandardPsl"));
        assertTrue(taught.sameLicense("FSCStandardPsl", "financialservicescloudstandardpsl"));
        assertFalse(taught.sameLicense("Financial Services Cloud Standard", "SalesforceAPIIntegrationPsl"));
    }

    @Test
    void aPslTheCatalogueKnowsKeepsItsRowsAndGainsTheOrgsNames() {
        LicenseCatalogue taught = ApiUserValidation.withOrgLicenseNames(LicenseCatalogue.builtIn(), orgWith(List.of(
                new OrgAccess.LicenseSeats("SalesforceAPIIntegrationPsl", "SFDC_API_INT_PSL",
                        "Salesforce API Integration", 5, 1))));

        assertTrue(taught.sameLicense("SFDC_API_INT_PSL", "Salesforce API Integration"));
        assertEquals(LicenseCatalogue.builtIn().find("SalesforceAPIIntegrationPsl").orElseThrow().objects(),
                taught.find("SFDC_API_INT_PSL").orElseThrow().objects(), "the catalogue's rows are kept");
    }
}
