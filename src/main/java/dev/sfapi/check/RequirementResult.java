package dev.sfapi.check;

import java.util.List;

/**
 * A requirement and what the checks found about it. No findings means it passed: the license allows it
 * and an assigned profile or permission set grants it, and the report says which.
 *
 * @param requirement what was checked
 * @param findings    what is wrong or uncertain (empty when it passed)
 * @param grantedBy   on a pass, which profile / permission set / group grants it (for the report); may be null
 */
public record RequirementResult(Requirement requirement, List<Finding> findings, String grantedBy) {
    public RequirementResult {
        findings = List.copyOf(findings);
    }

    public Verdict verdict() {
        return Verdict.of(findings);
    }
}
