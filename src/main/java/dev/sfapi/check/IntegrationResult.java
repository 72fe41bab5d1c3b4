package dev.sfapi.check;

import dev.sfapi.yaml.YamlLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything found for one integration.
 *
 * @param integration the integration's name
 * @param user        its username
 * @param license     the user's license as determined (null when unknown), with PSLs, for the report header
 * @param profile     the user's profile (null when unknown)
 * @param results     one per requirement, in declaration order (user-level requirements first)
 * @param location    where the integration is declared
 */
public record IntegrationResult(String integration, String user, String license, String profile,
                                List<RequirementResult> results, YamlLocation location) {
    public IntegrationResult {
        results = List.copyOf(results);
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (RequirementResult r : results) {
            all.addAll(r.findings());
        }
        return all;
    }

    public Verdict verdict() {
        return Verdict.of(findings());
    }
}
