package dev.sfapi.yaml;

/**
 * Where something was written: a file (or resource) name, a 1-based line and a 1-based column.
 * Every message about user input carries one so that a person can jump straight to the mistake.
 */
public record YamlLocation(String source, int line, int column) {

    /** A location for something that has no place in a file (built-in defaults, the org). */
    public static YamlLocation nowhere(String source) {
        return new YamlLocation(source, 0, 0);
    }

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        if (!isKnown()) {
            return source;
        }
        return source + ":" + line + ":" + column;
    }
}
