package dev.sfapi.report;

import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Verdict;
import dev.sfapi.yaml.YamlLocation;

/**
 * The report for people who read the run's page rather than its log: a Markdown summary (GitHub
 * Flavored Markdown, which GitHub step summaries, GitLab and IDE previews render).
 *
 * <p>Title and verdict, a table of integrations, then a section per integration with findings, each
 * problem with its reason and fix. Requirements that are met go into one collapsed table saying what
 * grants each, so passing integrations don't push problems off the page.
 *
 * <p>All text from declarations and metadata is escaped: whitespace and newlines collapse to one
 * space and every character Markdown (or GFM: tables, strikethrough, math) treats specially is
 * backslash-escaped, so a {@code |} cannot split a table cell and a {@code <b>} stays text. Such text
 * is never put in code spans, where backslash escapes do not work.
 */
public final class MarkdownReport {

    /**
     * Characters that start markup anywhere in a line: emphasis, code, links (an escaped {@code [}
     * disarms {@code ![..](..)} too), HTML, headings' closing {@code #}, table cells, strikethrough,
     * entities and GitHub's {@code $math$}. {@code - + =} and {@code 1.} only matter at the start of a
     * line: see {@link #escapeLineStart}.
     */
    private static final String SPECIAL = "\\`*_[]<>#|~&$";

    /** The full report. */
    public String render(ValidationReport report) {
        StringBuilder md = new StringBuilder();
        head(report, md);
        for (IntegrationResult integration : report.integrations()) {
            if (!integration.findings().isEmpty()) {
                section(integration, md);
            }
        }
        if (!report.general().isEmpty()) {
            md.append("\n## Not tied to one integration\n\n");
            for (Finding f : report.general()) {
                problem(f, null, md);
            }
        }
        met(report, md);
        return md.toString();
    }

    /**
     * Title, verdict and the table only, with a pointer to the full file: for places with a size limit
     * (a GitHub step summary larger than 1 MiB is dropped whole).
     */
    public String renderShort(ValidationReport report, String fullReport) {
        StringBuilder md = new StringBuilder();
        head(report, md);
        md.append("\nThe problems and their fixes are too long for this page: see ")
                .append(escape(fullReport)).append(".\n");
        return md.toString();
    }

    private static void head(ValidationReport report, StringBuilder md) {
        md.append("# sfapi: Salesforce integration users\n\n")
                .append("**").append(badge(report.verdict())).append("**: ")
                .append(escape(Text.totals(report))).append(".\n")
                .append("Declared in ").append(escape(Text.orUnknown(report.declaration())))
                .append(", checked against ").append(escape(Text.orUnknown(report.source()))).append(".\n\n")
                .append("| Verdict | Integration | User | License | Profile | Errors | Warnings |\n")
                .append("|---|---|---|---|---|--:|--:|\n");
        for (IntegrationResult r : report.integrations()) {
            md.append("| ").append(badge(r.verdict()))
                    .append(" | ").append(escape(r.integration()))
                    .append(" | ").append(escape(Text.orUnknown(r.user())))
                    .append(" | ").append(escape(Text.orUnknown(r.license())))
                    .append(" | ").append(escape(Text.orUnknown(r.profile())))
                    .append(" | ").append(Text.count(r, Severity.ERROR))
                    .append(" | ").append(Text.count(r, Severity.WARNING))
                    .append(" |\n");
        }
    }

    private static void section(IntegrationResult r, StringBuilder md) {
        md.append("\n## ").append(badge(r.verdict())).append(' ').append(escape(r.integration())).append("\n\n")
                .append("User ").append(escape(Text.orUnknown(r.user())))
                .append(", license ").append(escape(Text.orUnknown(r.license())))
                .append(", profile ").append(escape(Text.orUnknown(r.profile())))
                .append(". ").append(Text.met(r)).append(" of ")
                .append(Text.count(r.results().size(), "requirement", "requirements")).append(" met.\n\n");
        for (RequirementResult result : r.results()) {
            for (Finding f : result.findings()) {
                problem(f, result, md);
            }
        }
    }

    /** One list item; a trailing backslash is CommonMark's hard line break. */
    private static void problem(Finding f, RequirementResult result, StringBuilder md) {
        md.append("- **").append(f.severity().label()).append("** `").append(f.check().id()).append("` ")
                .append(escape(Text.about(f)));
        YamlLocation at = Text.location(f, result);
        if (at != null) {
            md.append(" (").append(escape(at.toString())).append(')');
        }
        if (!Text.clean(f.reason()).isEmpty()) {
            md.append("\\\n  ").append(escapeLineStart(f.reason()));
        }
        if (!Text.clean(f.fix()).isEmpty()) {
            md.append("\\\n  **Fix:** ").append(escape(f.fix()));
        }
        md.append('\n');
    }

    private static void met(ValidationReport report, StringBuilder md) {
        long met = report.integrations().stream().mapToLong(Text::met).sum();
        if (met == 0) {
            return;
        }
        md.append("\n<details><summary>")
                .append(Text.count(met, "requirement", "requirements")).append(" met</summary>\n\n")
                .append("| Integration | Requirement | Granted by |\n")
                .append("|---|---|---|\n");
        for (IntegrationResult r : report.integrations()) {
            for (RequirementResult result : r.results()) {
                if (result.verdict() == Verdict.PASS) {
                    md.append("| ").append(escape(r.integration()))
                            .append(" | ").append(escape(result.requirement().title()))
                            .append(result.requirement().implied() ? " (implied)" : "")
                            .append(" | ").append(result.grantedBy() == null ? "not recorded"
                                    : escape(result.grantedBy()))
                            .append(" |\n");
                }
            }
        }
        md.append("\n</details>\n");
    }

    private static String badge(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✅ PASS";
            case WARN -> "⚠️ WARN";
            case FAIL -> "❌ FAIL";
        };
    }

    /** Text made safe to start a line: not a list item, a heading underline or an ordered list. */
    static String escapeLineStart(String s) {
        String e = escape(s);
        if (!e.isEmpty() && "-+=".indexOf(e.charAt(0)) >= 0) {
            return "\\" + e;
        }
        int digits = 0;
        while (digits < e.length() && digits < 10 && Character.isDigit(e.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < e.length() && (e.charAt(digits) == '.' || e.charAt(digits) == ')')) {
            return e.substring(0, digits) + "\\" + e.substring(digits);
        }
        return e;
    }

    /** Text made safe inside a line: a paragraph, a heading or a table cell. */
    static String escape(String s) {
        String clean = Text.clean(s);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
