package dev.sfapi.report;

import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Verdict;
import dev.sfapi.yaml.YamlLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * The report a person reads in the CI log: one block per integration, then one summary line.
 *
 * <pre>
 * FAIL marketing-export: user mkt.sync@acme.example
 *      license Salesforce Platform, profile Marketing Integration
 *   error license-denies-object: marketing-export, mkt.sync@acme.example, Campaign read (sfapi-users.yml:14:7)
 *       The Salesforce Platform license does not include Campaign; no profile or permission set can grant it.
 *       fix: Move mkt.sync@acme.example to a Salesforce license, or remove Campaign from marketing-export.
 *   3 of 5 requirements met
 * sfapi: 4 integrations, 2 failed, 1 with warnings, 3 errors, 3 warnings; reports in target/sfapi-reports
 * </pre>
 *
 * <p>Layout rules, chosen for a plain 120-column CI log:
 * <ul>
 *   <li>No colours, no tables, ASCII punctuation only (a Windows agent with the wrong code page must
 *       not turn a dash into mojibake).</li>
 *   <li>Every problem line names its check, integration, user, target and declaration line on its own,
 *       so a grep for a user, an object or a check id finds it with its file:line. Such identifying
 *       lines (header, problem, summary) are never broken; a very long name overflows instead.</li>
 *   <li>Free text (reasons, fixes, license and profile) always goes on its own indented lines,
 *       word-wrapped to {@value #DEFAULT_WIDTH} characters: 120 less Maven's widest level prefix,
 *       {@code [WARNING] }. Continuation lines are logged at the problem's level, so filtering the log
 *       by level keeps every line of a problem.</li>
 *   <li>Errors at error level, warnings at warn, everything else at info. Requirements that are met are
 *       counted, not listed (the JUnit and Markdown reports say what grants each).</li>
 * </ul>
 */
public final class ConsoleReport {

    /** Characters per line after Maven's level prefix: 120 - "[WARNING] ".length(). */
    public static final int DEFAULT_WIDTH = 110;

    private static final String BLOCK = "  ";
    private static final String DETAIL = "      ";
    private static final String FIX = "fix: ";

    private final ReportLog log;
    private final int width;

    public ConsoleReport(ReportLog log) {
        this(log, DEFAULT_WIDTH);
    }

    public ConsoleReport(ReportLog log, int width) {
        this.log = log;
        this.width = width;
    }

    private enum Level { INFO, WARN, ERROR }

    /**
     * Logs the report.
     *
     * @param report           what was found
     * @param reportsDirectory where the file reports were written, for the summary line; null if none
     */
    public void write(ValidationReport report, Path reportsDirectory) {
        emit(Level.INFO, "sfapi: " + Text.count(report.integrations().size(), "integration", "integrations")
                + " declared in " + Text.orUnknown(report.declaration())
                + ", checked against " + Text.orUnknown(report.source()), "       ");
        for (IntegrationResult integration : report.integrations()) {
            writeIntegration(integration);
        }
        if (!report.general().isEmpty()) {
            whole(level(Verdict.of(report.general())), "Not tied to one integration:");
            for (Finding f : report.general()) {
                writeFinding(f, null);
            }
        }
        String summary = "sfapi: " + Text.totals(report);
        if (reportsDirectory != null) {
            summary += "; reports in " + Text.clean(reportsDirectory.toString());
        }
        whole(level(report.verdict()), summary);
    }

    private void writeIntegration(IntegrationResult r) {
        Verdict verdict = r.verdict();
        Level level = level(verdict);
        whole(level, verdict + " " + Text.clean(r.integration()) + ": user " + Text.orUnknown(r.user()));
        emit(level, "     license " + Text.orUnknown(r.license()) + ", profile " + Text.orUnknown(r.profile()),
                "     ");
        for (RequirementResult result : r.results()) {
            for (Finding f : result.findings()) {
                writeFinding(f, result);
            }
        }
        long met = Text.met(r);
        int total = r.results().size();
        String tally;
        if (total == 0) {
            tally = "no requirements to check";
        } else if (met == total) {
            tally = "all " + Text.count(total, "requirement", "requirements") + " met";
        } else {
            tally = met + " of " + Text.count(total, "requirement", "requirements") + " met";
        }
        emit(Level.INFO, BLOCK + tally, BLOCK);
    }

    private void writeFinding(Finding f, RequirementResult result) {
        Level level = level(f.severity());
        StringBuilder head = new StringBuilder(BLOCK)
                .append(f.severity().label()).append(' ').append(f.check().id()).append(": ")
                .append(Text.about(f));
        YamlLocation at = Text.location(f, result);
        if (at != null) {
            head.append(" (").append(Text.clean(at.toString())).append(')');
        }
        whole(level, head.toString());
        if (!Text.clean(f.reason()).isEmpty()) {
            emit(level, DETAIL + Text.clean(f.reason()), DETAIL);
        }
        if (!Text.clean(f.fix()).isEmpty()) {
            emit(level, DETAIL + FIX + Text.clean(f.fix()), DETAIL + " ".repeat(FIX.length()));
        }
    }

    /** A line people grep for and tools assert on: never broken, even when a long name overflows. */
    private void whole(Level level, String text) {
        log(level, text);
    }

    /** Free text: wrapped at words, continuation lines after {@code continuation}. */
    private void emit(Level level, String text, String continuation) {
        // wrap() cleans the text, which would drop the leading indent: split it off first.
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        List<String> lines = Text.wrap(text.substring(indent), text.substring(0, indent), continuation, width);
        for (String line : lines) {
            log(level, line);
        }
    }

    private void log(Level level, String line) {
        switch (level) {
            case ERROR -> log.error(line);
            case WARN -> log.warn(line);
            default -> log.info(line);
        }
    }

    private static Level level(Verdict verdict) {
        return switch (verdict) {
            case FAIL -> Level.ERROR;
            case WARN -> Level.WARN;
            case PASS -> Level.INFO;
        };
    }

    private static Level level(Severity severity) {
        return switch (severity) {
            case ERROR -> Level.ERROR;
            case WARNING -> Level.WARN;
            case INFO -> Level.INFO;
        };
    }
}
