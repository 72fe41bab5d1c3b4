package dev.sfapi.check;

/** How bad a finding is. Errors fail the build (failOnError), warnings only with failOnWarning. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
