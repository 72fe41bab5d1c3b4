package dev.sfapi.report;

import static dev.sfapi.report.SampleReports.ACCOUNT_FIX;
import static dev.sfapi.report.SampleReports.ACCOUNT_REASON;
import static dev.sfapi.report.SampleReports.CAMPAIGN_FIX;
import static dev.sfapi.report.SampleReports.CAMPAIGN_REASON;
import static dev.sfapi.report.SampleReports.LEGACY_USER;
import static dev.sfapi.report.SampleReports.MKT_USER;
import static dev.sfapi.report.SampleReports.WH_USER;
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
import dev.sfapi.report.RecordingLog.Level;
import dev.sfapi.report.RecordingLog.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    private static final Pattern PROBLEM = Pattern.compile("^  (error|warning|info) [a-z-]+: .*");

    private static List<Line> print(ValidationReport report) {
        RecordingLog log = new RecordingLog();
        new ConsoleReport(log).write(report, Path.of("target", "sfapi-reports"));
        return log.lines;
    }

    private static String text(List<Line> lines) {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    /** The lines of one problem: its first line up to (not including) the next problem, header or tally. */
    private static List<Line> problem(List<Line> lines, String start) {
        List<Line> block = new ArrayList<>();
        for (Line l : lines) {
            if (block.isEmpty()) {
                if (l.text().startsWith(start)) {
                    block.add(l);
                }
            } else if (l.text().startsWith("      ")) {
                block.add(l);
            } else {
                break;
            }
        }
        assertFalse(block.isEmpty(), "no line starts with " + start);
        return block;
    }

    /** A wrapped text, put back on one line. */
    private static String joined(List<Line> lines) {
        return lines.stream().map(l -> l.text().strip()).collect(Collectors.joining(" "));
    }

    @Test
    void blocksComeInDeclarationOrderWithTheVerdictAtItsLevel() {
        List<Line> lines = print(SampleReports.mixed());
        List<Line> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().matches("^(PASS|WARN|FAIL) .*")) {
                headers.add(lines.get(i));
                for (int j = i + 1; lines.get(j).text().startsWith("     "); j++) {
                    headers.add(lines.get(j));
                }
            }
        }

        assertEquals(List.of(
                new Line(Level.ERROR, "FAIL marketing-export: user " + MKT_USER),
                new Line(Level.ERROR, "     license Salesforce Platform, profile Marketing Integration"),
                new Line(Level.WARN, "WARN warehouse-export: user " + WH_USER),
                new Line(Level.WARN, "     license Salesforce Integration + Salesforce API Integration, profile"
                        + " Minimum Access - API Only"),
                new Line(Level.WARN, "     Integrations"),
                new Line(Level.INFO, "PASS erp-sync: user erp.integration@acme.example"),
                new Line(Level.INFO, "     license Salesforce, profile ERP Integration"),
                new Line(Level.ERROR, "FAIL legacy-reader: user " + LEGACY_USER),
                new Line(Level.ERROR, "     license unknown, profile unknown")),
                headers.stream().filter(l -> !PROBLEM.matcher(l.text()).matches()
                        && !l.text().startsWith("      ")).toList());
    }

    @Test
    void theRunStartsWithWhatWasCheckedAndEndsWithTheSummaryAtTheWorstLevel() {
        List<Line> lines = print(SampleReports.mixed());

        assertEquals(new Line(Level.INFO, "sfapi: 4 integrations declared in sfapi-users.yml, checked against"
                + " metadata in force-app/main/default"), lines.get(0));
        assertEquals(new Line(Level.ERROR, "sfapi: 4 integrations, 2 failed, 1 with warnings, 3 errors, 3 warnings;"
                + " reports in " + Path.of("target", "sfapi-reports")), lines.get(lines.size() - 1));
    }

    @Test
    void eachProblemNamesIntegrationUserTargetAndLineThenItsReasonThenItsFix() {
        List<Line> lines = print(SampleReports.mixed());

        List<Line> campaign = problem(lines, "  error license-denies-object:");
        assertEquals("  error license-denies-object: marketing-export, " + MKT_USER
                + ", Campaign read (sfapi-users.yml:14:7)", campaign.get(0).text());
        String rest = joined(campaign.subList(1, campaign.size()));
        assertEquals(CAMPAIGN_REASON + " fix: " + CAMPAIGN_FIX, rest);
        assertTrue(campaign.stream().allMatch(l -> l.level() == Level.ERROR), campaign::toString);
        int fix = -1;
        for (int i = 0; i < campaign.size(); i++) {
            if (campaign.get(i).text().startsWith("      fix: ")) {
                fix = i;
            }
        }
        assertTrue(fix > 1, "the fix follows the reason: " + campaign);
        for (Line after : campaign.subList(fix + 1, campaign.size())) {
            assertTrue(after.text().startsWith("           "), "fix continuation is indented under it: " + after);
        }

        List<Line> account = problem(lines, "  error permission-missing:");
        assertEquals("  error permission-missing: marketing-export, " + MKT_USER
                + ", Account edit (sfapi-users.yml:13:7)", account.get(0).text());
        assertEquals(ACCOUNT_REASON + " fix: " + ACCOUNT_FIX, joined(account.subList(1, account.size())));
        // declaration order: Account edit is declared before Campaign read
        assertTrue(lines.indexOf(account.get(0)) < lines.indexOf(campaign.get(0)));
    }

    @Test
    void everyProblemLineIsSelfContainedAndHasAFix() {
        List<Line> lines = print(SampleReports.mixed());
        List<Line> problems = lines.stream().filter(l -> PROBLEM.matcher(l.text()).matches()).toList();

        assertEquals(6, problems.size(), text(lines));
        for (Line p : problems) {
            List<Line> block = problem(lines, p.text());
            assertTrue(p.text().contains("@acme.example"), "names no user: " + p.text());
            assertTrue(p.text().matches(".*\\(sfapi-users\\.yml:\\d+:\\d+\\)$"), p.text());
            assertTrue(block.stream().anyMatch(l -> l.text().startsWith("      fix: ")), "no fix after " + p.text());
            Level expected = p.text().startsWith("  error") ? Level.ERROR : Level.WARN;
            assertTrue(block.stream().allMatch(l -> l.level() == expected), block.toString());
        }
    }

    @Test
    void aFindingAboutTheUserAloneNamesTheUserOnce() {
        Line line = problem(print(SampleReports.mixed()), "  error unknown-user:").get(0);

        assertEquals("  error unknown-user: legacy-reader, " + LEGACY_USER + " (sfapi-users.yml:26:11)",
                line.text());
    }

    @Test
    void aFindingWithoutItsOwnLocationUsesItsRequirements() {
        Line line = problem(print(SampleReports.mixed()), "  warning metadata-incomplete:").get(0);

        assertEquals(new Line(Level.WARN, "  warning metadata-incomplete: warehouse-export, " + WH_USER
                + ", ApiEnabled (sfapi-users.yml:18:5)"), line);
    }

    @Test
    void requirementsMetAreCountedNotListed() {
        List<Line> lines = print(SampleReports.mixed());
        String all = text(lines);

        assertFalse(all.contains("Warehouse__c"), "a passing requirement was listed");
        assertFalse(all.contains("Opportunity.Amount"), "a passing requirement was listed");
        int erp = lines.indexOf(lines.stream().filter(l -> l.text().startsWith("PASS erp-sync")).findFirst().get());
        assertEquals(new Line(Level.INFO, "  all 5 requirements met"), lines.get(erp + 2));
        assertTrue(lines.contains(new Line(Level.INFO, "  3 of 5 requirements met")), all);
        assertTrue(lines.contains(new Line(Level.INFO, "  1 of 3 requirements met")), all);
        assertTrue(lines.contains(new Line(Level.INFO, "  0 of 1 requirement met")), all);
    }

    @Test
    void findingsNotTiedToAnIntegrationGetTheirOwnBlockBeforeTheSummary() {
        List<Line> lines = print(SampleReports.mixed());
        int header = lines.indexOf(new Line(Level.WARN, "Not tied to one integration:"));

        assertTrue(header > 0, text(lines));
        assertEquals(new Line(Level.WARN, "  warning shared-user: shared.sync@acme.example"
                + " (sfapi-users.yml:30:11)"), lines.get(header + 1));
        assertTrue(lines.get(lines.size() - 1).text().startsWith("sfapi: 4 integrations"));
    }

    @Test
    void noLineIsWiderThanACiLogAllowsAndAllIsAscii() {
        for (Line l : print(SampleReports.mixed())) {
            assertTrue(l.text().length() <= ConsoleReport.DEFAULT_WIDTH, l.text().length() + ": " + l.text());
            assertTrue(l.printed().length() <= 120, l.printed());
            assertTrue(l.text().chars().allMatch(c -> c >= 0x20 && c < 0x7f), l.text());
        }
    }

    @Test
    void aCleanRunIsAllInfoAndSaysSo() {
        List<Line> lines = print(SampleReports.allPass());

        assertTrue(lines.stream().allMatch(l -> l.level() == Level.INFO), text(lines));
        assertEquals("sfapi: 1 integration, 0 failed, 0 with warnings, 0 errors, 0 warnings; reports in "
                + Path.of("target", "sfapi-reports"), lines.get(lines.size() - 1).text());
    }

    @Test
    void withoutAReportsDirectoryTheSummaryDoesNotPointAnywhere() {
        RecordingLog log = new RecordingLog();
        new ConsoleReport(log).write(SampleReports.allPass(), null);

        assertEquals("sfapi: 1 integration, 0 failed, 0 with warnings, 0 errors, 0 warnings",
                log.lines.get(log.lines.size() - 1).text());
    }

    @Test
    void longTextWrapsAtWordsAndKeepsLongWordsWhole() {
        String path = "/home/runner/work/acme/acme/config/integrations/" + "very-long-directory-name/".repeat(3)
                + "sfapi-users.yml";
        Finding f = new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, "i", "u@x", "Account", "read",
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " + path,
                "fix it", null);
        ValidationReport report = new ValidationReport("d", "s", List.of(new IntegrationResult("i", "u@x", "L", "P",
                List.of(new RequirementResult(new Requirement(Requirement.Kind.OBJECT, "Account", "read", false, null),
                        List.of(f), null)), null)), List.of());
        RecordingLog log = new RecordingLog();
        new ConsoleReport(log, 40).write(report, null);

        List<Line> block = problem(log.lines, "  error permission-missing:");
        assertEquals("  error permission-missing: i, u@x, Account read", block.get(0).text());
        List<Line> reason = block.subList(1, block.size() - 1);
        assertTrue(reason.size() > 2, block.toString());
        for (Line l : reason) {
            assertTrue(l.text().startsWith("      ") && !l.text().startsWith("       "), l.text());
            assertTrue(l.text().length() <= 40 || l.text().strip().equals(path), l.text());
        }
        assertEquals(f.reason(), joined(reason));
        assertEquals("      fix: fix it", block.get(block.size() - 1).text());
    }

    @Test
    void controlCharactersFromMetadataDoNotReachTheLog() {
        Finding f = new Finding(CheckId.PERMISSION_MISSING, Severity.ERROR, "i\u001b[31m", "u@x", "Account", "read",
                "line one\nline two\r\n\u0000end", "fix\tit", null);
        ValidationReport report = new ValidationReport("d", "s", List.of(new IntegrationResult("i", "u@x", "L", "P",
                List.of(new RequirementResult(new Requirement(Requirement.Kind.OBJECT, "Account", "read", false, null),
                        List.of(f), null)), null)), List.of());
        RecordingLog log = new RecordingLog();
        new ConsoleReport(log).write(report, null);

        String all = text(log.lines);
        assertFalse(all.chars().anyMatch(c -> c < 0x20 && c != '\n'), all);
        assertTrue(all.contains("      line one line two \uFFFDend"), all);
        assertTrue(all.contains("      fix: fix it"), all);
    }
}
