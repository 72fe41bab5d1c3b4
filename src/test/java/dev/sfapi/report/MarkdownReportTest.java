package dev.sfapi.report;

import static dev.sfapi.report.SampleReports.ACCOUNT_FIX;
import static dev.sfapi.report.SampleReports.ACCOUNT_REASON;
import static dev.sfapi.report.SampleReports.CAMPAIGN_FIX;
import static dev.sfapi.report.SampleReports.CAMPAIGN_REASON;
import static dev.sfapi.report.SampleReports.NASTY_INTEGRATION;
import static dev.sfapi.report.SampleReports.NASTY_REASON;
import static dev.sfapi.report.SampleReports.NASTY_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Requirement;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** Parses the Markdown as GitHub would (CommonMark + GFM tables) and checks what a reader would see. */
class MarkdownReportTest {

    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static Node parse(String markdown) {
        return GFM.parse(markdown);
    }

    /** The text a reader sees: literal text and code, line breaks as spaces. */
    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                out.append('\n');
            }
        });
        return out.toString();
    }

    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        walk(root, n -> {
            if (type.isInstance(n)) {
                found.add(type.cast(n));
            }
        });
        return found;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> each) {
        each.accept(n);
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            walk(c, each);
        }
    }

    /** Rows of the first table (header row first), each as the text of its cells. */
    static List<List<String>> table(Node doc, int index) {
        TableBlock table = all(doc, TableBlock.class).get(index);
        List<List<String>> rows = new ArrayList<>();
        for (TableRow row : all(table, TableRow.class)) {
            rows.add(all(row, TableCell.class).stream().map(MarkdownReportTest::textOf).toList());
        }
        return rows;
    }

    static List<String> headings(Node doc) {
        return all(doc, Heading.class).stream().map(MarkdownReportTest::textOf).toList();
    }

    @Test
    void startsWithTitleAndTheRunsVerdict() {
        String md = new MarkdownReport().render(SampleReports.mixed());

        assertTrue(md.startsWith("# sfapi: Salesforce integration users\n\n**❌ FAIL**: 4 integrations, 2 failed,"
                + " 1 with warnings, 3 errors, 3 warnings.\n"), md);
        assertTrue(md.contains("Declared in sfapi-users.yml, checked against metadata in force-app/main/default."));
    }

    @Test
    void theIntegrationTableHasOneRowPerIntegration() {
        List<List<String>> rows = table(parse(new MarkdownReport().render(SampleReports.mixed())), 0);

        assertEquals(List.of(
                List.of("Verdict", "Integration", "User", "License", "Profile", "Errors", "Warnings"),
                List.of("❌ FAIL", "marketing-export", "mkt.sync@acme.example", "Salesforce Platform",
                        "Marketing Integration", "2", "0"),
                List.of("⚠️ WARN", "warehouse-export", "warehouse@acme.example",
                        "Salesforce Integration + Salesforce API Integration",
                        "Minimum Access - API Only Integrations", "0", "2"),
                List.of("✅ PASS", "erp-sync", "erp.integration@acme.example", "Salesforce", "ERP Integration",
                        "0", "0"),
                List.of("❌ FAIL", "legacy-reader", "legacy.reader@acme.example", "unknown", "unknown", "1", "0")),
                rows);
    }

    @Test
    void eachIntegrationWithProblemsHasASectionWithEveryProblemAndItsFix() {
        Node doc = parse(new MarkdownReport().render(SampleReports.mixed()));

        assertEquals(List.of("sfapi: Salesforce integration users", "❌ FAIL marketing-export",
                "⚠️ WARN warehouse-export", "❌ FAIL legacy-reader", "Not tied to one integration"), headings(doc));
        List<String> items = all(doc, ListItem.class).stream().map(MarkdownReportTest::textOf).toList();
        assertEquals(List.of(
                "error permission-missing marketing-export, mkt.sync@acme.example, Account edit (sfapi-users.yml:13:7)\n"
                        + ACCOUNT_REASON + "\nFix: " + ACCOUNT_FIX,
                "error license-denies-object marketing-export, mkt.sync@acme.example, Campaign read"
                        + " (sfapi-users.yml:14:7)\n" + CAMPAIGN_REASON + "\nFix: " + CAMPAIGN_FIX),
                items.subList(0, 2));
        assertEquals(6, items.size());
        assertTrue(items.get(4).startsWith("error unknown-user legacy-reader, legacy.reader@acme.example"
                + " (sfapi-users.yml:26:11)\n"), items.get(4));
        assertTrue(items.get(5).startsWith("warning shared-user shared.sync@acme.example"), items.get(5));
    }

    @Test
    void requirementsMetAreInOneTableSayingWhatGrantsThem() {
        String md = new MarkdownReport().render(SampleReports.mixed());
        List<List<String>> met = table(parse(md), 1);

        assertTrue(md.contains("<details><summary>9 requirements met</summary>"), md);
        assertEquals(List.of("Integration", "Requirement", "Granted by"), met.get(0));
        assertEquals(10, met.size());
        assertTrue(met.contains(List.of("erp-sync", "Opportunity.Amount: edit", "permission set group ERP_Sync")));
        assertTrue(met.contains(List.of("marketing-export", "permission ApiEnabled (implied)",
                "profile Marketing Integration")));
        assertFalse(met.stream().anyMatch(r -> r.get(1).equals("Campaign: read")), "a failed requirement is not met");
    }

    @Test
    void aCleanRunHasNoProblemSections() {
        Node doc = parse(new MarkdownReport().render(SampleReports.allPass()));

        assertEquals(List.of("sfapi: Salesforce integration users"), headings(doc));
        assertTrue(all(doc, ListItem.class).isEmpty());
    }

    @Test
    void tableCellsKeepPipesAndMarkupAsPlainText() {
        Node doc = parse(new MarkdownReport().render(SampleReports.nasty()));
        List<List<String>> rows = table(doc, 0);

        assertEquals(2, rows.size());
        assertEquals(List.of("❌ FAIL", NASTY_INTEGRATION, NASTY_USER, "Lic|ense <&>", "Prof|ile \"x\"", "1", "1"),
                rows.get(1));
        TableBlock table = all(doc, TableBlock.class).get(0);
        for (Class<? extends Node> markup : List.of(Emphasis.class, StrongEmphasis.class, Code.class, Link.class,
                HtmlInline.class)) {
            assertTrue(all(table, markup).isEmpty(), markup.getSimpleName() + " in a table cell");
        }
    }

    @Test
    void reasonsAndFixesComeThroughAsTextNotMarkup() {
        Node doc = parse(new MarkdownReport().render(SampleReports.nasty()));

        assertTrue(all(doc, HtmlInline.class).isEmpty() && all(doc, HtmlBlock.class).size() == 2,
                "only the report's own <details> and </details> are HTML");
        assertTrue(all(doc, Link.class).isEmpty());
        assertEquals(List.of("sfapi: Salesforce integration users", "❌ FAIL " + NASTY_INTEGRATION), headings(doc));
        String problem = textOf(all(doc, ListItem.class).get(0));
        assertTrue(problem.contains("\n" + NASTY_REASON + "\nFix: Grant \"edit\" & <retry> | done"), problem);
        assertTrue(problem.contains(NASTY_USER + ", Acme_<X>__c edit (conf/a&b <c>.yml:3:1)"), problem);
    }

    @Test
    void aReasonThatLooksLikeBlockMarkupStaysInItsProblem() {
        for (String reason : List.of("- not a list", "+ not a list", "1. not an ordered list", "2) nor this",
                "# not a heading", "> not a quote", "=== not an underline")) {
            Finding f = new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, "i", "u@x", "Account", "read",
                    reason, "fix", null);
            ValidationReport report = new ValidationReport("d", "s", List.of(new IntegrationResult("i", "u@x", "L",
                    "P", List.of(new RequirementResult(new Requirement(Requirement.Kind.OBJECT, "Account", "read",
                            false, null), List.of(f), null)), null)), List.of());
            Node doc = parse(new MarkdownReport().render(report));

            List<ListItem> items = all(doc, ListItem.class);
            assertEquals(1, items.size(), reason);
            assertEquals("error permission-missing i, u@x, Account read\n" + reason + "\nFix: fix",
                    textOf(items.get(0)), reason);
            assertTrue(all(items.get(0), OrderedList.class).isEmpty() && all(items.get(0), BlockQuote.class).isEmpty()
                    && all(items.get(0), BulletList.class).isEmpty(), reason);
            assertEquals(List.of("sfapi: Salesforce integration users", "❌ FAIL i"), headings(doc), reason);
        }
    }

    @Test
    void theShortVersionKeepsTheTableAndPointsToTheFullReport() {
        String md = new MarkdownReport().renderShort(SampleReports.mixed(), "target/sfapi-reports/sfapi-report.md");
        Node doc = parse(md);

        assertEquals(5, table(doc, 0).size());
        assertTrue(all(doc, ListItem.class).isEmpty());
        assertTrue(textOf(doc).contains("see target/sfapi-reports/sfapi-report.md."), md);
    }
}
