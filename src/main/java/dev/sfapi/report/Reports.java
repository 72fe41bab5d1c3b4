package dev.sfapi.report;

import dev.sfapi.check.ValidationReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes every file report into one directory (created if missing) and, on GitHub Actions, appends the
 * Markdown summary to the step summary. The console report is separate: see {@link ConsoleReport}.
 */
public final class Reports {

    /**
     * The JUnit XML file. The {@code TEST-} prefix matches the default pattern of Azure DevOps'
     * PublishTestResults ({@code **}{@code /TEST-*.xml}) and the surefire convention Jenkins jobs use.
     */
    public static final String JUNIT_XML = "TEST-sfapi-validate-api-users.xml";

    /** The Markdown summary. */
    public static final String MARKDOWN = "sfapi-report.md";

    /**
     * What was written.
     *
     * @param files       the reports in the directory, JUnit XML first
     * @param stepSummary the GitHub step summary file, when the summary was appended to it
     * @param notes       things the user should see in the log (a summary too large for GitHub, …)
     */
    public record Written(List<Path> files, Optional<Path> stepSummary, List<String> notes) {
        public Written {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    private final Function<String, String> environment;
    private final long stepSummaryLimit;

    /** Reads {@code GITHUB_STEP_SUMMARY} from the process environment. */
    public Reports() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables (tests pass a map's {@code get}) */
    public Reports(Function<String, String> environment) {
        this(environment, GitHubStepSummary.LIMIT_BYTES);
    }

    Reports(Function<String, String> environment, long stepSummaryLimit) {
        this.environment = environment;
        this.stepSummaryLimit = stepSummaryLimit;
    }

    /**
     * @throws ReportException naming the file or directory that could not be written
     */
    /**
     * Removes the reports a previous run left in {@code directory}. Called before validating, so that a
     * run that stops early (a broken declaration, an org that can't be reached) doesn't leave the last
     * run's results behind for a CI step that publishes reports even on failure.
     */
    public static void clearPrevious(Path directory) throws ReportException {
        for (String name : List.of(JUNIT_XML, MARKDOWN)) {
            Path file = directory.resolve(name);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new ReportException("Cannot remove the previous report " + file + ": "
                        + ReportException.describe(e) + ". Check that the reports directory is writable.", file, e);
            }
        }
    }

    public Written write(ValidationReport report, Path directory) throws ReportException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReportException("Cannot create the reports directory " + directory + ": "
                    + ReportException.describe(e) + ". Check that the path is a directory you can write to.",
                    directory, e);
        }
        Path junit = directory.resolve(JUNIT_XML);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(junit))) {
            new JUnitXmlReport().write(report, out);
        } catch (IOException e) {
            throw ReportException.cannotWrite("the JUnit XML report", junit, e);
        }
        MarkdownReport markdown = new MarkdownReport();
        String full = markdown.render(report);
        Path md = directory.resolve(MARKDOWN);
        try {
            Files.writeString(md, full, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ReportException.cannotWrite("the Markdown report", md, e);
        }
        GitHubStepSummary.Outcome summary = new GitHubStepSummary(environment, stepSummaryLimit)
                .append(full, markdown.renderShort(report, md.toString()));
        return new Written(List.of(junit, md), summary.path(), summary.note().stream().toList());
    }
}
