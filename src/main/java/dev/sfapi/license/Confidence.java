package dev.sfapi.license;

/**
 * How sure the catalogue is of an entry, following ../shared/docs/salesforce-licenses.md:
 * HIGH = official Salesforce text seen; MEDIUM = several independent or partial official sources;
 * LOW = a single or weak source, or inference. The plugin acts on HIGH and MEDIUM and only warns on LOW.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    /** Whether the plugin may fail a build on this entry. */
    public boolean isActionable() {
        return this != LOW;
    }

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
