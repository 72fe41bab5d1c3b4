package dev.sfapi.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written. Jackson parses the text;
 * this tree exists only so that every later complaint (unknown key, wrong type, unknown profile)
 * can name the line and column of the offending word.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    YamlLocation location();

    /** What a person would call this kind of node in an error message. */
    String kind();

    /** A mapping ({@code key: value} pairs), in the order written. */
    record Mapping(YamlLocation location, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One {@code key: value} pair, with the location of the key itself. */
    record Entry(String key, YamlLocation keyLocation, YamlNode value) {
    }

    /** A sequence ({@code - item} or {@code [a, b]}). */
    record Sequence(YamlLocation location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar. {@code text} is null only for an explicit YAML null ({@code ~}, {@code null} or nothing
     * after the colon). {@code type} says how YAML typed it, so that {@code read: yes} or {@code 12}
     * where a name belongs can be reported instead of silently coerced.
     */
    record Scalar(YamlLocation location, String text, ScalarType type) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case NULL -> "an empty value";
                case BOOLEAN -> "a true/false value";
                case NUMBER -> "a number";
                case STRING -> "a text value";
            };
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    enum ScalarType { STRING, NUMBER, BOOLEAN, NULL }

    /** Convenience for builders. */
    static List<YamlNode> newList() {
        return new ArrayList<>();
    }
}
