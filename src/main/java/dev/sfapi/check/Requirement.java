package dev.sfapi.check;

import dev.sfapi.yaml.YamlLocation;

/**
 * One thing an integration needs, checked on its own and shown as one JUnit test case:
 * an operation on an object, an operation on a field, a system permission, that its user can log
 * in, or that its license-bound permission sets fit its license.
 *
 * @param kind      what sort of requirement
 * @param subject   object, {@code Object.Field}, permission name, the username for {@link Kind#USER},
 *                  the user license for {@link Kind#LICENSE}
 * @param operation read/edit/… for objects and fields, null otherwise
 * @param implied   true when not written in the declaration but implied by it (a field edit implies
 *                  edit on its object; every integration needs API Enabled)
 * @param location  where the declaration says so
 */
public record Requirement(Kind kind, String subject, String operation, boolean implied, YamlLocation location) {

    public enum Kind { USER, LICENSE, OBJECT, FIELD, PERMISSION }

    /** "Opportunity: edit", "Opportunity.Amount: read", "permission ApiEnabled", "user can log in". */
    public String title() {
        return switch (kind) {
            case USER -> "user " + subject + " can log in";
            case LICENSE -> "permission sets fit license " + subject;
            case OBJECT, FIELD -> subject + ": " + operation;
            case PERMISSION -> "permission " + subject;
        };
    }
}
