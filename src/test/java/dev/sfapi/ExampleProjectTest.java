package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.check.CheckId;
import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.metadata.SourceDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled example tells the story the README's quick start promises: each integration's verdict as the
 * README's table gives it, the check that fails it, and the error count of the closing line.
 */
class ExampleProjectTest {

    private static final Path EXAMPLE = Path.of("examples/acme-org");
    /** A row of the quick start's table: | `name` | license | **PASS** or **FAIL**: ... `check-id` ... |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| [^|]+ \\| \\*\\*(PASS|FAIL)\\*\\*(.*)\\|$");

    private static ValidationReport validateExample() throws Exception {
        ApiUserValidation validation = new ApiUserValidation(EXAMPLE);
        ApiUserValidation.Inputs inputs = validation.readDeclaration(Path.of("sfapi-users.yml"));
        SourceDirectory source = validation.metadataSource(List.of(), inputs.declaration());
        return validation.validateFromMetadata(inputs, source);
    }

    private static Map<String, String[]> readmeTable() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        return rows;
    }

    @Test
    void everyIntegrationGetsTheVerdictAndCheckTheReadmeTableGives() throws Exception {
        ValidationReport report = validateExample();
        Map<String, String[]> table = readmeTable();

        assertEquals(report.integrations().stream().map(IntegrationResult::integration).toList(),
                List.copyOf(table.keySet()), "the README's table lists the example's integrations in order");
        for (IntegrationResult result : report.integrations()) {
            String[] row = table.get(result.integration());
            assertEquals(row[0], result.verdict().name(), result.integration() + ": " + result.findings());
            Matcher ids = Pattern.compile("`([a-z]+(?:-[a-z]+)+)`").matcher(row[1]);
            while (ids.find()) {
                String id = ids.group(1);
                if (Arrays.stream(CheckId.values()).noneMatch(c -> c.id().equals(id))) {
                    continue; // another integration's name
                }
                boolean shown = result.findings().stream().anyMatch(f -> f.check().id().equals(id))
                        || report.general().stream().anyMatch(f -> f.check().id().equals(id));
                assertTrue(shown, result.integration() + " should show " + id + ": " + result.findings());
            }
        }
    }

    @Test
    void theErrorAndWarningCountsAreTheOnesTheReadmeQuotes() throws Exception {
        ValidationReport report = validateExample();
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("`sfapi: (\\d+) errors in the integration users' access`").matcher(readme);
        assertTrue(m.find(), "the README quotes the closing line");

        assertEquals(Long.parseLong(m.group(1)), report.count(Severity.ERROR));
        List<Finding> general = report.general();
        assertEquals(List.of(CheckId.SHARED_USER), general.stream().map(Finding::check).toList(),
                "the one warning is the shared user");
    }
}
