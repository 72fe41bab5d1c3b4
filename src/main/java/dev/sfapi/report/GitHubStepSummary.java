package dev.sfapi.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * Appends the Markdown summary to the file GitHub Actions names in {@code $GITHUB_STEP_SUMMARY}, which
 * it renders on the run's page. The file belongs to the whole step (other tools write to it too), so
 * this only ever appends.
 *
 * <p>GitHub drops a step summary larger than 1 MiB entirely ("upload aborted"), taking the other tools'
 * output with it; so when the full report would not fit, the short one (verdict and table) goes in, and
 * when not even that fits nothing is appended and the caller is told why.
 */
final class GitHubStepSummary {

    static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    /** GitHub's limit for one step's summary. */
    static final long LIMIT_BYTES = 1024L * 1024L;

    /** What happened: where it was appended (if it was) and anything the user should be told. */
    record Outcome(Optional<Path> path, Optional<String> note) {
    }

    private final Function<String, String> environment;
    private final long limit;

    GitHubStepSummary(Function<String, String> environment, long limit) {
        this.environment = environment;
        this.limit = limit;
    }

    Outcome append(String full, String shortVersion) {
        String value = environment.apply(VARIABLE);
        if (value == null || value.isBlank()) {
            return new Outcome(Optional.empty(), Optional.empty());
        }
        Path path = Path.of(value);
        try {
            long existing = Files.isRegularFile(path) ? Files.size(path) : 0;
            // A blank line keeps our title from running into what another step wrote.
            String separator = existing > 0 ? "\n" : "";
            String text = separator + full;
            Optional<String> note = Optional.empty();
            if (existing + bytes(text) > limit) {
                text = separator + shortVersion;
                note = Optional.of("The full Markdown report does not fit in $" + VARIABLE
                        + " (GitHub's limit is 1 MiB per step); only the verdict and the table were added there.");
                if (existing + bytes(text) > limit) {
                    return new Outcome(Optional.empty(), Optional.of("$" + VARIABLE + " is nearly full ("
                            + existing / 1024 + " KiB of 1024 KiB); the Markdown summary was not added there, so"
                            + " that GitHub does not drop the whole step summary."));
                }
            }
            Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new Outcome(Optional.of(path), note);
        } catch (IOException e) {
            // GitHub's page is a courtesy: the build's own reports are written, so the verdict stands.
            return new Outcome(Optional.empty(), Optional.of("Cannot append the Markdown summary to $" + VARIABLE
                    + " (" + path + "): " + ReportException.describe(e) + ". Check the variable names a writable"
                    + " file; the reports themselves were written."));
        }
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
