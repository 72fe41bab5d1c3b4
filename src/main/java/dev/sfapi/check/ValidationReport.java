package dev.sfapi.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of validating every declared integration.
 *
 * @param declaration where the declaration was read from
 * @param source      where access data came from ("metadata in force-app/main/default", "org acme", "snapshot x.json")
 * @param integrations one per declared integration, in declaration order
 * @param general     findings not tied to one integration (shared users, drift), may be empty
 */
public record ValidationReport(String declaration, String source, List<IntegrationResult> integrations,
                               List<Finding> general) {
    public ValidationReport {
        integrations = List.copyOf(integrations);
        general = List.copyOf(general);
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(general);
        for (IntegrationResult r : integrations) {
            all.addAll(r.findings());
        }
        return all;
    }

    public long count(Severity severity) {
        return findings().stream().filter(f -> f.severity() == severity).count();
    }

    public Verdict verdict() {
        return Verdict.of(findings());
    }
}
