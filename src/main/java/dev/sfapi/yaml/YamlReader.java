package dev.sfapi.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML with Jackson's streaming parser into a {@link YamlNode} tree that keeps line and column
 * of every key and value. Duplicate keys are reported (YAML forbids them; Jackson would keep the last).
 */
public final class YamlReader {

    // Nothing after a colon is a YAML null (as the Scalar javadoc promises); without this feature
    // Jackson 2.18 hands it over as an empty string and "Account:" would read as a text value.
    // Quoted '' stays an empty string.
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private YamlReader() {
    }

    /**
     * Reads a file.
     *
     * @throws YamlException for a syntax error or duplicate key, with its line and column
     * @throws IOException   when the file cannot be read at all
     */
    public static YamlNode read(Path file) throws YamlException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        return read(file.toString(), text);
    }

    /** Reads text; {@code sourceName} is what messages call it (a path or resource name). */
    public static YamlNode read(String sourceName, String text) throws YamlException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // editors on Windows like to add a BOM
        }
        try (Reader reader = new StringReader(text); JsonParser p = FACTORY.createParser(reader)) {
            List<YamlProblem> problems = new ArrayList<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(new YamlLocation(sourceName, 1, 1), null, YamlNode.ScalarType.NULL);
            }
            YamlNode root = readValue(p, sourceName, problems);
            if (p.nextToken() != null) {
                // Jackson stops after the first document; a second one would be silently dropped.
                problems.add(new YamlProblem(location(p, sourceName), "a second YAML document starts here (after"
                        + " '---'), and sfapi reads one document per file.",
                        "Remove the '---' line and merge the two documents into one."));
            }
            if (!problems.isEmpty()) {
                throw new YamlException(problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            YamlLocation where = syntaxErrorLocation(e, sourceName);
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw new YamlException(new YamlProblem(where, "this is not valid YAML: " + describe(original),
                    syntaxHint(original)));
        } catch (IOException e) {
            throw new YamlException(new YamlProblem(new YamlLocation(sourceName, 0, 0),
                    "could not be read: " + e.getMessage(), null));
        }
    }

    private static YamlNode readValue(JsonParser p, String source, List<YamlProblem> problems) throws IOException {
        JsonToken t = p.currentToken();
        YamlLocation here = location(p, source);
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name, which would then read as a plain word.
            problems.add(new YamlProblem(here, "'*" + p.getText() + "' is a YAML alias, and sfapi reads no anchors"
                    + " or aliases (nor '<<' merge keys).", "Write the value out in full here."));
            return new YamlNode.Scalar(here, null, YamlNode.ScalarType.NULL);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    YamlLocation keyLoc = location(p, source);
                    p.nextToken();
                    YamlNode value = readValue(p, source, problems);
                    YamlNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        problems.add(new YamlProblem(keyLoc,
                                "'" + key + "' is written twice in the same mapping (first at line "
                                        + previous.keyLocation().line() + ").",
                                "Keep one and merge their contents."));
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLoc, value));
                    }
                }
                return new YamlNode.Mapping(here, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source, problems));
                }
                return new YamlNode.Sequence(here, items);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(here, null, YamlNode.ScalarType.NULL);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(here, p.getText(), YamlNode.ScalarType.BOOLEAN);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(here, p.getText(), YamlNode.ScalarType.NUMBER);
            case VALUE_STRING:
                return new YamlNode.Scalar(here, p.getText(), YamlNode.ScalarType.STRING);
            default:
                // Embedded objects and the like do not occur in text YAML; treat as text.
                return new YamlNode.Scalar(here, p.getText(), YamlNode.ScalarType.STRING);
        }
    }

    private static YamlLocation location(JsonParser p, String source) {
        JsonLocation loc = p.currentTokenLocation();
        return new YamlLocation(source, loc.getLineNr(), loc.getColumnNr());
    }

    /**
     * Where a syntax error is: SnakeYAML's marks, not Jackson's location (which is the last token read,
     * often the end of the line before). "While scanning a simple key" points at the key that lacks its
     * colon (the context); everything else at the problem itself.
     */
    private static YamlLocation syntaxErrorLocation(JsonProcessingException e, String sourceName) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark mark = marked.getContextMark() != null && String.valueOf(marked.getContext()).contains("simple key")
                    ? marked.getContextMark() : marked.getProblemMark();
            if (mark != null) {
                return new YamlLocation(sourceName, mark.getLine() + 1, mark.getColumn() + 1);
            }
        }
        JsonLocation loc = e.getLocation();
        return loc == null
                ? new YamlLocation(sourceName, 0, 0)
                : new YamlLocation(sourceName, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /** SnakeYAML's first line, plus its "expected …" line when it has one (the part that says what is wrong). */
    private static String describe(String message) {
        if (message.isBlank()) {
            return "syntax error";
        }
        String first = firstLine(message);
        for (String line : message.split("\n")) {
            String l = line.trim();
            if (l.startsWith("expected ") || l.startsWith("could not find ")
                    || (l.startsWith("found ") && !first.startsWith("found "))) {
                return sentence(first + ": " + l);
            }
        }
        return sentence(first);
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static String syntaxHint(String message) {
        if (message.contains("mapping values are not allowed")) {
            // Profile names like "Custom: Support Profile" are the usual cause; a key indented deeper than
            // the one above it is the other.
            return "A value that contains ': ' must be in quotes, for example profile: \"Custom: Support Profile\";"
                    + " otherwise indent this key exactly like the key above it.";
        }
        if (message.contains("TAB")) {
            return "Indent with spaces, not tabs.";
        }
        return "Check the indentation and that every list item starts with '- ' and every key ends with ':'.";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
