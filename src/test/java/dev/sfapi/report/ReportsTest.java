package dev.sfapi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportsTest {

    @TempDir
    Path tmp;

    private static Reports withEnvironment(Map<String, String> env) {
        return new Reports(env::get);
    }

    @Test
    void writesEveryFileReportIntoADirectoryItCreates() throws Exception {
        Path dir = tmp.resolve("target").resolve("sfapi-reports");

        Reports.Written written = withEnvironment(Map.of()).write(SampleReports.mixed(), dir);

        assertEquals(List.of(dir.resolve(Reports.JUNIT_XML), dir.resolve(Reports.MARKDOWN)), written.files());
        Document xml = JUnitXmlReportTest.parse(Files.readAllBytes(dir.resolve(Reports.JUNIT_XML)));
        assertEquals("15", xml.getDocumentElement().getAttribute("tests"));
        assertEquals(new MarkdownReport().render(SampleReports.mixed()),
                Files.readString(dir.resolve(Reports.MARKDOWN), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), written.stepSummary());
        assertEquals(List.of(), written.notes());
    }

    @Test
    void aSecondRunReplacesTheFilesItDoesNotAppendToThem() throws Exception {
        Reports reports = withEnvironment(Map.of());
        reports.write(SampleReports.mixed(), tmp);
        reports.write(SampleReports.allPass(), tmp);

        Document xml = JUnitXmlReportTest.parse(Files.readAllBytes(tmp.resolve(Reports.JUNIT_XML)));
        assertEquals("5", xml.getDocumentElement().getAttribute("tests"));
        assertEquals(new MarkdownReport().render(SampleReports.allPass()), Files.readString(tmp.resolve(Reports.MARKDOWN)));
    }

    @Test
    void onGitHubTheSummaryIsAppendedToTheStepSummaryAfterWhatIsAlreadyThere() throws Exception {
        Path summary = tmp.resolve("step_summary");
        Files.writeString(summary, "## Unit tests\n\nall green\n");
        Reports reports = withEnvironment(Map.of("GITHUB_STEP_SUMMARY", summary.toString()));

        Reports.Written written = reports.write(SampleReports.mixed(), tmp.resolve("reports"));

        String markdown = new MarkdownReport().render(SampleReports.mixed());
        assertEquals(Optional.of(summary), written.stepSummary());
        assertEquals("## Unit tests\n\nall green\n\n" + markdown, Files.readString(summary));

        reports.write(SampleReports.allPass(), tmp.resolve("reports"));
        assertEquals("## Unit tests\n\nall green\n\n" + markdown + "\n"
                + new MarkdownReport().render(SampleReports.allPass()), Files.readString(summary));
    }

    @Test
    void aStepSummaryFileThatDoesNotExistYetIsCreated() throws Exception {
        Path summary = tmp.resolve("new_summary.md");

        withEnvironment(Map.of("GITHUB_STEP_SUMMARY", summary.toString())).write(SampleReports.allPass(), tmp);

        assertEquals(new MarkdownReport().render(SampleReports.allPass()), Files.readString(summary));
    }

    @Test
    void aBlankVariableIsTreatedAsUnset() throws Exception {
        Reports.Written written = withEnvironment(Map.of("GITHUB_STEP_SUMMARY", " ")).write(SampleReports.mixed(), tmp);

        assertEquals(Optional.empty(), written.stepSummary());
        assertFalse(Files.exists(Path.of(" ")));
    }

    @Test
    void tooBigForGitHubTheShortVersionGoesInAndTheUserIsTold() throws Exception {
        Path summary = tmp.resolve("step_summary");
        Files.writeString(summary, "x\n");
        MarkdownReport md = new MarkdownReport();
        String full = md.render(SampleReports.mixed());
        String shortVersion = md.renderShort(SampleReports.mixed(), tmp.resolve("r").resolve(Reports.MARKDOWN).toString());
        long limit = 2 + 1 + shortVersion.getBytes(StandardCharsets.UTF_8).length + 10;
        assertTrue(limit < full.getBytes(StandardCharsets.UTF_8).length);

        Reports.Written written = new Reports(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get, limit)
                .write(SampleReports.mixed(), tmp.resolve("r"));

        assertEquals("x\n\n" + shortVersion, Files.readString(summary));
        assertEquals(1, written.notes().size());
        assertTrue(written.notes().get(0).contains("1 MiB"), written.notes().get(0));
        // the report file itself is always complete
        assertEquals(full, Files.readString(tmp.resolve("r").resolve(Reports.MARKDOWN)));
    }

    @Test
    void whenNotEvenTheShortVersionFitsNothingIsAppendedAndTheUserIsTold() throws Exception {
        Path summary = tmp.resolve("step_summary");
        Files.writeString(summary, "earlier output\n");

        Reports.Written written = new Reports(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get, 100)
                .write(SampleReports.mixed(), tmp.resolve("r"));

        assertEquals("earlier output\n", Files.readString(summary));
        assertEquals(Optional.empty(), written.stepSummary());
        assertTrue(written.notes().get(0).contains("was not added"), written.notes().toString());
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAClearError() throws Exception {
        Path blocked = tmp.resolve("sfapi-reports");
        Files.writeString(blocked, "not a directory");

        ReportException e = assertThrows(ReportException.class,
                () -> withEnvironment(Map.of()).write(SampleReports.mixed(), blocked));

        assertEquals(blocked, e.path());
        assertEquals("Cannot create the reports directory " + blocked + ": a file is in the way (it exists and is"
                + " not a directory). Check that the path is a directory you can write to.", e.getMessage());
    }

    @Test
    void aReportFileThatCannotBeWrittenIsNamed() throws Exception {
        Files.createDirectories(tmp.resolve(Reports.JUNIT_XML));

        ReportException e = assertThrows(ReportException.class,
                () -> withEnvironment(Map.of()).write(SampleReports.mixed(), tmp));

        assertEquals(tmp.resolve(Reports.JUNIT_XML), e.path());
        assertTrue(e.getMessage().startsWith("Cannot write the JUnit XML report to " + tmp.resolve(Reports.JUNIT_XML)
                + ": "), e.getMessage());
    }

    @Test
    void aStepSummaryThatCannotBeWrittenIsANoteNamingItsVariableNotAFailure() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("summary-is-a-directory"));

        Reports.Written written = withEnvironment(Map.of("GITHUB_STEP_SUMMARY", dir.toString()))
                .write(SampleReports.mixed(), tmp.resolve("r"));

        assertEquals(1, written.notes().size(), written.notes()::toString);
        assertTrue(written.notes().get(0).startsWith("Cannot append the Markdown summary to $GITHUB_STEP_SUMMARY ("
                + dir + "): "), written.notes().get(0));
        assertTrue(Files.isRegularFile(tmp.resolve("r").resolve(Reports.JUNIT_XML)), "the reports are written");
    }

    @Test
    void failuresAreDescribedByTheirKindNeverByEchoingTheirMessage() {
        String secret = "sessionId=00D5g000004ABC!AQ0AQ";

        assertEquals("IOException", ReportException.describe(new IOException(secret)));
        assertEquals("access denied", ReportException.describe(new AccessDeniedException(secret)));
        assertEquals("No space left on device",
                ReportException.describe(new FileSystemException("/x", null, "No space left on device")));
        ReportException e = ReportException.cannotWrite("the Markdown report", Path.of("/r/sfapi-report.md"),
                new IOException(secret));
        assertFalse(e.getMessage().contains(secret), e.getMessage());
    }
}
