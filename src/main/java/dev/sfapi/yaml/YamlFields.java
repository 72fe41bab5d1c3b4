package dev.sfapi.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Small typed accessors over {@link YamlNode} that record a {@link YamlProblem} instead of throwing,
 * so that a reader can report every mistake in a file at once. Each accessor returns empty/null when
 * the node is unusable; the caller carries on and the collected problems are thrown at the end.
 */
public final class YamlFields {

    private final List<YamlProblem> problems = new ArrayList<>();

    public List<YamlProblem> problems() {
        return problems;
    }

    public void problem(YamlLocation where, String message, String hint) {
        problems.add(new YamlProblem(where, message, hint));
    }

    /** Throws the collected problems, if any, in file order (checks run in passes, readers read top down). */
    public void throwIfAny() throws YamlException {
        if (!problems.isEmpty()) {
            List<YamlProblem> ordered = new ArrayList<>(problems);
            ordered.sort(Comparator.comparing((YamlProblem p) -> String.valueOf(p.location().source()))
                    .thenComparingInt(p -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new YamlException(ordered);
        }
    }

    /** The node as a mapping, or a problem naming {@code what} it should have been. */
    public Optional<YamlNode.Mapping> mapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        problem(node.location(), what + " must be a mapping of 'key: value' lines, but this is " + node.kind() + ".", null);
        return Optional.empty();
    }

    /** The node as a list; a single scalar is not silently promoted. */
    public Optional<YamlNode.Sequence> sequence(YamlNode node, String what) {
        if (node instanceof YamlNode.Sequence s) {
            return Optional.of(s);
        }
        String hint = null;
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING && s.text() != null
                && !s.text().isBlank()) {
            // The commonest slip: "permissionSets: ERP_Access" for a one-element list.
            hint = "Write [" + s.text().trim() + "] for a list of one.";
        }
        problem(node.location(), what + " must be a list (for example [a, b] or lines starting with '- '), but this is "
                + node.kind() + ".", hint);
        return Optional.empty();
    }

    /** A non-blank text scalar. Numbers and booleans are refused: a name is never 12 or true. */
    public Optional<String> text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING && s.text() != null) {
            String v = s.text().trim();
            if (v.isEmpty()) {
                problem(node.location(), what + " is empty.", "Write a value or remove the line.");
                return Optional.empty();
            }
            return Optional.of(v);
        }
        if (node instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL && s.text() != null) {
            problem(node.location(), what + " must be text, but this is " + node.kind() + " (" + s.text() + ").",
                    "Put it in quotes if it really is this text.");
        } else {
            problem(node.location(), what + " must be text, but this is " + node.kind() + ".", null);
        }
        return Optional.empty();
    }

    /** Optional text: absent or null gives empty without a problem. */
    public Optional<String> optionalText(YamlNode.Mapping map, String key, String what) {
        YamlNode n = map.get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
            return Optional.empty();
        }
        return text(n, what);
    }

    /** A list of text values; null or absent gives an empty list. */
    public List<Located<String>> textList(YamlNode.Mapping map, String key, String what) {
        YamlNode n = map.get(key);
        List<Located<String>> out = new ArrayList<>();
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
            return out;
        }
        sequence(n, what).ifPresent(seq -> {
            for (YamlNode item : seq.items()) {
                text(item, "each entry of " + what).ifPresent(v -> out.add(new Located<>(v, item.location())));
            }
        });
        return out;
    }

    /** Boolean scalar. */
    public Optional<Boolean> bool(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(s.text().toLowerCase()));
        }
        problem(node.location(), what + " must be true or false, but this is " + node.kind() + ".", null);
        return Optional.empty();
    }

    /**
     * Reports every key of {@code map} that is not in {@code allowed}, with the nearest allowed key.
     *
     * @param where words that say which mapping this is ("an integration", "the users section")
     */
    public void onlyKeys(YamlNode.Mapping map, Set<String> allowed, String where) {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problem(e.keyLocation(), "unknown key '" + e.key() + "' in " + where + ".",
                        Suggestions.didYouMean(e.key(), allowed, "Allowed keys: " + String.join(", ", allowed) + "."));
            }
        }
    }

    /** Reports a missing required key at the mapping's location. */
    public boolean require(YamlNode.Mapping map, String key, String where) {
        if (!map.has(key) || (map.get(key) instanceof YamlNode.Scalar s && s.isNull())) {
            problem(map.location(), where + " has no '" + key + "'.", "Add '" + key + ":'.");
            return false;
        }
        return true;
    }

    /** Words for a list of allowed values. */
    public static String oneOf(Collection<String> values) {
        return String.join(", ", values);
    }
}
