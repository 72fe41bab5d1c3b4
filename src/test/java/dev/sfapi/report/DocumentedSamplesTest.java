package dev.sfapi.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/reports.md shows real output: when a format changes, the page must change with it. */
class DocumentedSamplesTest {

    private static String docs() throws Exception {
        return Files.readString(Path.of("docs", "reports.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theConsoleSampleIsWhatTheConsoleReportPrints() throws Exception {
        RecordingLog log = new RecordingLog();
        new ConsoleReport(log).write(SampleReports.mixed(), Path.of("target/sfapi-reports"));

        assertTrue(docs().contains("```\n" + log.printed() + "\n```"), "docs/reports.md console sample is stale");
    }

    @Test
    void theMarkdownSampleIsWhatTheMarkdownReportRenders() throws Exception {
        String md = new MarkdownReport().render(SampleReports.mixed()).stripTrailing();

        assertTrue(docs().contains("```markdown\n" + md + "\n```"), "docs/reports.md Markdown sample is stale");
    }

    @Test
    void theJUnitExcerptsAreWhatTheJUnitReportWrites() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXmlReport().write(SampleReports.mixed(), out);
        String xml = out.toString(StandardCharsets.UTF_8);
        String docs = docs();

        for (String name : new String[] {"Campaign: read", "Order: read", "Opportunity.Amount: edit"}) {
            int at = xml.indexOf("name=\"" + name + "\"");
            String testcase = xml.substring(xml.lastIndexOf("    <testcase", at), xml.indexOf("</testcase>", at));
            assertTrue(docs.contains(testcase), "docs/reports.md JUnit excerpt is stale: " + name);
        }
    }
}
