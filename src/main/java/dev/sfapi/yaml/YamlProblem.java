package dev.sfapi.yaml;

/**
 * One mistake in a YAML file: where, what is wrong, and what to do about it.
 *
 * @param location where the mistake is
 * @param message  what is wrong, in words an admin understands
 * @param hint     what to do, or null when the message already says it
 */
public record YamlProblem(YamlLocation location, String message, String hint) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(message);
        if (hint != null && !hint.isBlank()) {
            sb.append(" ").append(hint);
        }
        return sb.toString();
    }
}
