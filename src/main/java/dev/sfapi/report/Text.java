package dev.sfapi.report;

import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Verdict;
import dev.sfapi.yaml.YamlLocation;
import java.util.ArrayList;
import java.util.List;

/** Text helpers shared by the writers: one-line cleaning, word wrapping, counting. */
final class Text {

    private Text() {
    }

    /**
     * One clean line: whitespace runs (newlines included) become one space, control characters and
     * characters that neither XML 1.0 nor UTF-8 can carry (unpaired surrogates, U+FFFE, U+FFFF) become
     * U+FFFD. Text reaching a report comes from metadata files and declarations; a stray escape
     * sequence or NUL must not garble a CI log or make the JUnit file unparseable.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Wraps at word boundaries so no line is longer than {@code width}, first line after
     * {@code first}, the rest after {@code next}. A single word longer than the width (a long path)
     * stays whole: a broken path can't be clicked or searched for.
     */
    static List<String> wrap(String text, String first, String next, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : clean(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean atStart = line.length() == start;
            if (!atStart && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(next);
                start = next.length();
                atStart = true;
            }
            if (!atStart) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** "1 error", "3 errors". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Where the finding's requirement is declared: the finding's own location, else the requirement's. */
    static YamlLocation location(Finding finding, RequirementResult result) {
        if (finding.location() != null) {
            return finding.location();
        }
        return result == null ? null : result.requirement().location();
    }

    /**
     * Who and what a finding is about, without repeating itself: "marketing-export, x@acme.example,
     * Campaign read"; for a finding about the user alone the target is the user, already named.
     * (Salesforce usernames are e-mail shaped, so they need no "user" label.)
     */
    static String about(Finding f) {
        List<String> parts = new ArrayList<>();
        if (f.integration() != null) {
            parts.add(f.integration());
        }
        if (f.user() != null) {
            parts.add(f.user());
        }
        if (f.subject() != null) {
            parts.add(f.target());
        }
        return parts.isEmpty() ? "the whole run" : clean(String.join(", ", parts));
    }

    static long count(IntegrationResult r, Severity severity) {
        return r.findings().stream().filter(f -> f.severity() == severity).count();
    }

    static long count(ValidationReport report, Verdict verdict) {
        return report.integrations().stream().filter(r -> r.verdict() == verdict).count();
    }

    static long met(IntegrationResult r) {
        return r.results().stream().filter(x -> x.verdict() == Verdict.PASS).count();
    }

    /** The run in one sentence: "6 integrations, 2 failed, 1 with warnings, 14 errors, 3 warnings". */
    static String totals(ValidationReport report) {
        return count(report.integrations().size(), "integration", "integrations")
                + ", " + count(report, Verdict.FAIL) + " failed"
                + ", " + count(report, Verdict.WARN) + " with warnings"
                + ", " + count(report.count(Severity.ERROR), "error", "errors")
                + ", " + count(report.count(Severity.WARNING), "warning", "warnings");
    }

    static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : clean(s);
    }
}
