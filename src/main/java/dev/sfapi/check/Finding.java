package dev.sfapi.check;

import dev.sfapi.yaml.YamlLocation;

/**
 * One problem, told so that a person reading a CI log knows exactly what is wrong and what to do.
 *
 * @param check       which check found it (stable id)
 * @param severity    error, warning or info
 * @param integration the integration's name; null for findings about a user alone
 * @param user        the username
 * @param subject     what it is about: an object (Opportunity), a field (Opportunity.Amount), a system
 *                    permission (ApiEnabled), a permission set; null for the user itself
 * @param operation   the operation (read, edit, …) when there is one, else null
 * @param reason      why, in one or two sentences, naming the license / profile / permission set involved
 * @param fix         a concrete fix a Salesforce admin can carry out
 * @param location    where in the declaration the requirement was written (for SARIF and messages)
 */
public record Finding(CheckId check, Severity severity, String integration, String user, String subject,
                      String operation, String reason, String fix, YamlLocation location) {

    /** "Opportunity edit", "Opportunity.Amount read", "ApiEnabled", or the user. */
    public String target() {
        if (subject == null) {
            return "user " + user;
        }
        return operation == null ? subject : subject + " " + operation;
    }
}
