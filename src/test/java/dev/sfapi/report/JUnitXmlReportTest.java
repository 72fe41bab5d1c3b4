package dev.sfapi.report;

import static dev.sfapi.report.SampleReports.CAMPAIGN_FIX;
import static dev.sfapi.report.SampleReports.CAMPAIGN_REASON;
import static dev.sfapi.report.SampleReports.NASTY_INTEGRATION;
import static dev.sfapi.report.SampleReports.NASTY_REASON;
import static dev.sfapi.report.SampleReports.NASTY_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Requirement;
import dev.sfapi.check.Requirement.Kind;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class JUnitXmlReportTest {

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document render(ValidationReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXmlReport().write(report, out);
        return parse(out.toByteArray());
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "<" + name + "> under <" + parent.getTagName() + " " + parent.getAttribute("name"));
        return found.get(0);
    }

    static Element suite(Document doc, String name) {
        return children(doc.getDocumentElement(), "testsuite").stream()
                .filter(s -> s.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    static Element testcase(Document doc, String suite, String name) {
        return children(suite(doc, suite), "testcase").stream()
                .filter(c -> c.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    static String property(Element suite, String name) {
        return children(only(suite, "properties"), "property").stream()
                .filter(p -> p.getAttribute("name").equals(name)).findFirst().orElseThrow().getAttribute("value");
    }

    private static int attr(Element e, String name) {
        return Integer.parseInt(e.getAttribute(name));
    }

    @Test
    void countsInEverySuiteAndTheRootMatchTheTestCasesReallyThere() throws Exception {
        Document doc = render(SampleReports.mixed());
        Element root = doc.getDocumentElement();

        assertEquals("testsuites", root.getTagName());
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Element suite : children(root, "testsuite")) {
            List<Element> cases = children(suite, "testcase");
            long failed = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            long skip = cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count();
            assertEquals(cases.size(), attr(suite, "tests"), suite.getAttribute("name"));
            assertEquals(failed, attr(suite, "failures"), suite.getAttribute("name"));
            assertEquals(skip, attr(suite, "skipped"), suite.getAttribute("name"));
            assertEquals(0, attr(suite, "errors"));
            tests += cases.size();
            failures += (int) failed;
            skipped += (int) skip;
        }
        // 5 + 3 + 5 + 1 requirements, plus one finding not tied to an integration
        assertEquals(15, tests);
        assertEquals(3, failures);
        assertEquals(3, skipped);
        assertEquals(tests, attr(root, "tests"));
        assertEquals(failures, attr(root, "failures"));
        assertEquals(skipped, attr(root, "skipped"));
        assertEquals(0, attr(root, "errors"));
    }

    @Test
    void oneTestCasePerIntegrationAndRequirementInDeclarationOrder() throws Exception {
        ValidationReport report = SampleReports.mixed();
        Document doc = render(report);

        for (IntegrationResult integration : report.integrations()) {
            Element suite = suite(doc, integration.integration());
            List<Element> cases = children(suite, "testcase");
            assertEquals(integration.results().stream().map(r -> r.requirement().title()).toList(),
                    cases.stream().map(c -> c.getAttribute("name")).toList());
            assertTrue(cases.stream().allMatch(c -> c.getAttribute("classname").equals(integration.integration())));
            assertEquals(integration.user(), property(suite, "user"));
        }
    }

    @Test
    void aFailureCarriesTheCheckIdTheReasonAndTheFix() throws Exception {
        Element campaign = testcase(render(SampleReports.mixed()), "marketing-export", "Campaign: read");
        Element failure = only(campaign, "failure");

        assertEquals("license-denies-object", failure.getAttribute("type"));
        assertEquals(CAMPAIGN_REASON, failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains(CAMPAIGN_REASON + "\nfix: " + CAMPAIGN_FIX + "\n"),
                failure.getTextContent());
        assertTrue(failure.getTextContent().contains("declared at: sfapi-users.yml:14:7"), failure.getTextContent());
        assertTrue(children(campaign, "skipped").isEmpty());
        assertEquals("sfapi-users.yml", campaign.getAttribute("file"));
        assertEquals("14", campaign.getAttribute("line"));
    }

    @Test
    void aFindingAboutTheUserFailsItsLoginRequirement() throws Exception {
        Element login = testcase(render(SampleReports.mixed()), "legacy-reader",
                "user legacy.reader@acme.example can log in");

        assertEquals("unknown-user", only(login, "failure").getAttribute("type"));
    }

    @Test
    void aWarningIsSkippedNotPassedAndItsMessageCarriesTheFix() throws Exception {
        Element order = testcase(render(SampleReports.mixed()), "warehouse-export", "Order: read");
        Element skipped = only(order, "skipped");

        assertTrue(children(order, "failure").isEmpty());
        assertTrue(skipped.getAttribute("message").startsWith("license-unverified: The license catalogue has no"
                + " confident entry for Order"), skipped.getAttribute("message"));
        assertTrue(skipped.getAttribute("message").contains(" fix: Check Order in Setup"), skipped.getAttribute("message"));
        assertTrue(skipped.getTextContent().contains("declared at: sfapi-users.yml:22:7"));
    }

    @Test
    void aPassIsAPlainTestCaseThatSaysWhatGrantsIt() throws Exception {
        Document doc = render(SampleReports.mixed());
        Element amount = testcase(doc, "erp-sync", "Opportunity.Amount: edit");

        List<String> children = new ArrayList<>();
        for (Node n = amount.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e.getTagName());
            }
        }
        assertEquals(List.of("system-out"), children);
        String out = only(amount, "system-out").getTextContent();
        assertTrue(out.contains("granted by: permission set group ERP_Sync\n"), out);
        assertTrue(out.contains("user: erp.integration@acme.example\n"), out);

        String implied = only(testcase(doc, "marketing-export", "permission ApiEnabled"), "system-out").getTextContent();
        assertTrue(implied.contains("declared at: sfapi-users.yml:9:5 (implied by the declaration)"), implied);
    }

    @Test
    void findingsNotTiedToAnIntegrationAreTestCasesToo() throws Exception {
        Element general = suite(render(SampleReports.mixed()), JUnitXmlReport.GENERAL);
        Element shared = only(general, "testcase");

        assertEquals(JUnitXmlReport.GENERAL, shared.getAttribute("classname"));
        assertEquals("shared-user: shared.sync@acme.example", shared.getAttribute("name"));
        assertTrue(only(shared, "skipped").getAttribute("message").startsWith("shared-user: Integrations support-sync"));
    }

    @Test
    void markupCharactersRoundTripExactly() throws Exception {
        Document doc = render(SampleReports.nasty());
        Element suite = suite(doc, NASTY_INTEGRATION);

        assertEquals(NASTY_USER, property(suite, "user"));
        assertEquals("org <acme> & co", property(suite, "source"));
        Element failed = testcase(doc, NASTY_INTEGRATION, "Acme_<X>__c: edit");
        assertEquals(NASTY_INTEGRATION, failed.getAttribute("classname"));
        assertEquals("conf/a&b <c>.yml", failed.getAttribute("file"));
        Element failure = only(failed, "failure");
        assertEquals(NASTY_REASON, failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains(NASTY_REASON + "\nfix: Grant \"edit\" & <retry> | done\n"),
                failure.getTextContent());
        Element skipped = only(testcase(doc, NASTY_INTEGRATION, "Q&A__c: read"), "skipped");
        assertEquals("license-unverified: Cannot tell <why> & \"how\" fix: Ask 'them' & <us>",
                skipped.getAttribute("message"));
        String granted = only(testcase(doc, NASTY_INTEGRATION, "R&D__c: read"), "system-out").getTextContent();
        assertTrue(granted.contains("granted by: permission set \"A&B\" <main>\n"), granted);
    }

    @Test
    void charactersXmlCannotCarryAreReplacedSoTheFileStillParses() throws Exception {
        Finding f = new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, "i", "u@x", "Account", "read",
                "nul\u0000 bell\u0007 lone\uD800surrogate \uFFFE end \uD83D\uDE00", "fix", null);
        ValidationReport report = new ValidationReport("d", "s", List.of(new IntegrationResult("i\u0001", "u@x",
                null, null, List.of(new RequirementResult(new Requirement(Kind.OBJECT, "Account", "read", false,
                        null), List.of(f), null)), null)), List.of());

        Element failure = only(testcase(render(report), "i\uFFFD", "Account: read"), "failure");
        assertEquals("nul\uFFFD bell\uFFFD lone\uFFFDsurrogate \uFFFD end \uD83D\uDE00", failure.getAttribute("message"));
    }

    @Test
    void aTitleThatRepeatsInsideAnIntegrationStaysASeparateTestCase() throws Exception {
        Requirement declared = new Requirement(Kind.OBJECT, "Account", "edit", false, SampleReports.at(4, 7));
        Requirement implied = new Requirement(Kind.OBJECT, "Account", "edit", true, SampleReports.at(5, 7));
        ValidationReport report = new ValidationReport("d", "s", List.of(new IntegrationResult("i", "u@x", "L", "P",
                List.of(new RequirementResult(declared, List.of(), "profile P"),
                        new RequirementResult(implied, List.of(), "profile P")), null)), List.of());

        List<Element> cases = children(suite(render(report), "i"), "testcase");
        assertEquals(List.of("Account: edit", "Account: edit (2)"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
    }

    @Test
    void aPassWithoutARecordedGrantSaysSoAndAnUnknownLocationAddsNoFileAttribute() throws Exception {
        ValidationReport report = new ValidationReport("d", "org acme", List.of(new IntegrationResult("i", "u@x",
                "L", "P", List.of(new RequirementResult(new Requirement(Kind.PERMISSION, "ApiEnabled", null, true,
                        dev.sfapi.yaml.YamlLocation.nowhere("org acme")), List.of(), null)), null)), List.of());

        Element c = testcase(render(report), "i", "permission ApiEnabled");
        assertFalse(c.hasAttribute("file"));
        assertFalse(c.hasAttribute("line"));
        assertTrue(only(c, "system-out").getTextContent().contains("granted by: not recorded by the checks"));
        assertNull(c.getElementsByTagName("failure").item(0));
    }
}
