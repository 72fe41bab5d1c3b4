package dev.sfapi.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The data file shipped with the plugin: it loads cleanly and is internally consistent. */
class BuiltInCatalogueTest {

    private static final List<LicenseDefinition> DEFINITIONS = LicenseCatalogue.builtIn().definitions();

    @Test
    void theFileLoadsWithNoProblems() throws Exception {
        String text;
        try (InputStream in = LicenseCatalogue.class.getResourceAsStream(LicenseCatalogue.RESOURCE)) {
            assertNotNull(in, "catalogue.yml is on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        YamlFields fields = new YamlFields();
        List<LicenseDefinition> defs = CatalogueReader.readDocument(YamlReader.read("catalogue.yml", text), fields, true);
        assertEquals(List.of(), fields.problems());
        assertEquals(DEFINITIONS.size(), defs.size());
    }

    @Test
    void holdsEveryLicenseTheIssueAsksFor() {
        Map<String, LicenseDefinition.Kind> required = Map.ofEntries(
                Map.entry("Salesforce", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Salesforce Platform", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Company Communities", LicenseDefinition.Kind.PERMISSION_SET_LICENSE),
                Map.entry("Salesforce Integration", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("SalesforceAPIIntegrationPsl", LicenseDefinition.Kind.PERMISSION_SET_LICENSE),
                Map.entry("Identity", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("External Identity", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Chatter Free", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Chatter External", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Chatter Only", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Customer Community", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Customer Community Login", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Customer Community Plus", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Customer Community Plus Login", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Partner Community", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Partner Community Login", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Force.com - App Subscription", LicenseDefinition.Kind.USER_LICENSE),
                Map.entry("Guest User License", LicenseDefinition.Kind.USER_LICENSE));
        required.forEach((name, kind) -> {
            LicenseDefinition d = LicenseCatalogue.builtIn().find(name).orElseThrow(() -> new AssertionError(name));
            assertEquals(name, d.name());
            assertEquals(kind, d.kind(), name);
        });
        assertEquals("Salesforce API Integration",
                LicenseCatalogue.builtIn().find("SalesforceAPIIntegrationPsl").orElseThrow().aliases().get(0));
    }

    @Test
    void everyRowNamesASourceUrlAndItsOwnLicense() {
        int rows = 0;
        for (LicenseDefinition d : DEFINITIONS) {
            for (CatalogueEntry e : d.objects()) {
                rows++;
                assertTrue(e.source().matches("https?://\\S+"), d.name() + " row at line " + e.location().line() + ": " + e.source());
                assertEquals(d.name(), e.license(), "row at line " + e.location().line());
                assertNotNull(e.confidence());
            }
            for (PermissionEntry e : d.permissions()) {
                rows++;
                assertTrue(e.source().matches("https?://\\S+"), d.name() + " row at line " + e.location().line());
                assertEquals(d.name(), e.license());
            }
        }
        assertTrue(rows > 50, "rows: " + rows);
    }

    @Test
    void everyRowBelongsToADefinedLicense() {
        Set<String> defined = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        DEFINITIONS.forEach(d -> defined.add(d.name()));
        for (LicenseDefinition d : DEFINITIONS) {
            d.objects().forEach(e -> assertTrue(defined.contains(e.license()), e::toString));
            d.permissions().forEach(e -> assertTrue(defined.contains(e.license()), e::toString));
        }
    }

    @Test
    void noTwoBlocksShareANameOrAlias() {
        Map<String, String> owner = new HashMap<>();
        for (LicenseDefinition d : DEFINITIONS) {
            List<String> names = new ArrayList<>(d.aliases());
            names.add(d.name());
            for (String n : names) {
                String previous = owner.put(n.toLowerCase(Locale.ROOT), d.name());
                assertTrue(previous == null || previous.equals(d.name()),
                        "'" + n + "' names both " + previous + " and " + d.name());
            }
        }
    }

    @Test
    void permissionSetLicensesExtendDefinedUserLicenses() {
        for (LicenseDefinition d : DEFINITIONS) {
            if (d.kind() == LicenseDefinition.Kind.PERMISSION_SET_LICENSE) {
                assertFalse(d.extendsLicenses().isEmpty(), d.name());
                for (String e : d.extendsLicenses()) {
                    LicenseDefinition base = LicenseCatalogue.builtIn().find(e).orElseThrow(() -> new AssertionError(e));
                    assertEquals(LicenseDefinition.Kind.USER_LICENSE, base.kind(), e);
                }
            } else {
                assertTrue(d.extendsLicenses().isEmpty(), d.name());
            }
        }
    }

    @Test
    void companyCommunitiesSaysItAddsCaseAndNothingElse() {
        LicenseDefinition cc = LicenseCatalogue.builtIn().find("Company Communities").orElseThrow();
        assertTrue(cc.objects().stream().anyMatch(e -> e.objects() instanceof ObjectScope.All
                && e.deny().containsAll(Set.of(Operation.values())) && e.confidence().isActionable()), cc::toString);
    }

    /** The Login version of each community license has the same access; the rows must not drift apart. */
    @Test
    void loginLicensesRepeatTheRowsOfTheirLicense() {
        for (String base : List.of("Customer Community", "Customer Community Plus", "Partner Community")) {
            LicenseDefinition a = LicenseCatalogue.builtIn().find(base).orElseThrow();
            LicenseDefinition b = LicenseCatalogue.builtIn().find(base + " Login").orElseThrow();
            assertEquals(rows(a), rows(b), base);
            assertEquals(a.permissions().stream().map(p -> List.of(p.allow(), p.deny(), p.confidence(), p.source())).toList(),
                    b.permissions().stream().map(p -> List.of(p.allow(), p.deny(), p.confidence(), p.source())).toList(), base);
        }
    }

    private static List<List<Object>> rows(LicenseDefinition d) {
        return d.objects().stream().map(e -> List.<Object>of(e.objects(), e.allow(), e.deny(), e.confidence(), e.source()))
                .toList();
    }

    /**
     * License values as real profiles and permission sets write them (the corpus MANIFEST) resolve to
     * catalogue entries: the catalogue's names are the ones metadata uses, not marketing names. The
     * values left over are licenses the research page says nothing usable about.
     */
    @Test
    void licenseNamesFoundInRealMetadataResolve() throws Exception {
        String corpus = System.getProperty("sfapi.corpus");
        org.junit.jupiter.api.Assumptions.assumeTrue(corpus != null
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(corpus, "MANIFEST.tsv")), "corpus not available");
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(corpus, "MANIFEST.tsv"));
        int column = List.of(lines.get(0).split("\t")).indexOf("license_value");
        assertTrue(column >= 0, "MANIFEST has a license_value column");
        Set<String> unresolved = new TreeSet<>();
        Set<String> resolved = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String value = line.split("\t")[column];
            if (value.equals("(none)")) {
                continue;
            }
            (LicenseCatalogue.builtIn().find(value).isPresent() ? resolved : unresolved).add(value);
        }
        assertTrue(resolved.containsAll(Set.of("Salesforce", "Salesforce Platform", "Salesforce Integration",
                "SalesforceAPIIntegrationPsl", "Chatter Only", "Chatter Free", "Identity", "External Identity",
                "Customer Community Login", "Customer Community Plus", "Customer Community Plus Login", "Partner Community",
                "Force.com - App Subscription", "Guest User License", "Cloud Integration User")), resolved::toString);
        assertEquals(new TreeSet<>(Set.of("Analytics Cloud Integration User", "Authenticated Website",
                "B2BMA Integration User", "CPQ Integration User", "Customer Portal Manager Standard", "Gold Partner",
                "Knowledge Only", "Overage Authenticated Website", "Overage High Volume Customer Portal", "Premier Support",
                "Sales Insights Integration User", "Salesforce Limited Access - Free", "SalesforceIQ Integration User",
                "Siteforce Only")), unresolved);
    }

    @Test
    void apiEnabledIsAnsweredForTheLicensesIntegrationsUse() {
        for (String license : List.of("Salesforce", "Salesforce Platform", "Salesforce Integration")) {
            LicenseVerdict v = LicenseCatalogue.builtIn().systemPermission(new HeldLicenses(license, List.of()), "ApiEnabled");
            assertEquals(LicenseVerdict.Outcome.ALLOWED, v.outcome(), license);
            assertTrue(v.isActionable(), license);
        }
    }
}
