package dev.sfapi.license;

import dev.sfapi.declaration.Operation;
import dev.sfapi.declaration.SalesforceNames;
import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlLocation;
import dev.sfapi.yaml.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads license definitions written as YAML. The built-in catalogue ({@code dev/sfapi/license/catalogue.yml})
 * and the {@code licenses} section of a declaration use the same shape, and this one reader, so that a
 * team can add a license, an alias or a row, or override a built-in row, in the words the catalogue uses:
 *
 * <pre>
 * licenses:
 *   - name: Salesforce Platform            # UserLicense.Name, or a PSL's developer name
 *     kind: user-license                   # or permission-set-license; may be left out when adding to a built-in license
 *     aliases: [AUL, Lightning Platform Starter]   # labels, LicenseDefinitionKey, marketing names
 *     extends: [Salesforce Platform]       # PSLs only: the user licenses it can be assigned with
 *     note: one line for people
 *     objects:
 *       - objects: [Opportunity, Lead]     # or one of: standard, custom, external, all
 *         deny: all                        # allow / deny: a list of read, create, edit, delete, viewAll, modifyAll, or all
 *         confidence: high                 # high, medium or low
 *         source: https://help.salesforce.com/...   # where a person can check it (required)
 *         note: optional line for the report
 *     permissions:
 *       - allow: [ApiEnabled, ViewSetup]   # system permission API names
 *         deny: [CustomizeApplication]
 *         confidence: medium
 *         source: https://...
 * </pre>
 *
 * Operations depend on each other as in Salesforce: allowing edit also allows read, and denying read
 * denies everything on the object. A row that both allows and denies an operation, directly or through
 * those dependencies, is refused, as is a pair of rows in one block that contradict each other on the
 * same objects at the same level of detail. Every problem carries its line and column.
 */
public final class CatalogueReader {

    static final Set<String> BLOCK_KEYS = ordered("name", "kind", "aliases", "extends", "note", "objects", "permissions");
    static final Set<String> OBJECT_ROW_KEYS = ordered("objects", "allow", "deny", "confidence", "source", "note");
    static final Set<String> PERMISSION_ROW_KEYS = ordered("allow", "deny", "confidence", "source", "note");
    static final Set<String> SCOPES = ordered("standard", "custom", "external", "all");
    static final Map<String, LicenseDefinition.Kind> KINDS = Map.of(
            "user-license", LicenseDefinition.Kind.USER_LICENSE,
            "permission-set-license", LicenseDefinition.Kind.PERMISSION_SET_LICENSE);
    static final List<String> KIND_WORDS = List.of("user-license", "permission-set-license");
    static final List<String> CONFIDENCE_WORDS = List.of("high", "medium", "low");

    private CatalogueReader() {
    }

    /** The keyword a file uses for a kind: user-license or permission-set-license. */
    public static String keyword(LicenseDefinition.Kind kind) {
        return kind == LicenseDefinition.Kind.USER_LICENSE ? "user-license" : "permission-set-license";
    }

    /**
     * Reads a whole catalogue document (a mapping with one key, {@code licenses}).
     *
     * @param kindRequired whether every block must say its kind (true for the built-in catalogue)
     */
    public static List<LicenseDefinition> readDocument(YamlNode root, YamlFields fields, boolean kindRequired) {
        if (root instanceof YamlNode.Scalar s && s.isNull()) {
            fields.problem(root.location(), "the license catalogue is empty.", "Start it with 'licenses:'.");
            return List.of();
        }
        Optional<YamlNode.Mapping> map = fields.mapping(root, "the license catalogue");
        if (map.isEmpty()) {
            return List.of();
        }
        fields.onlyKeys(map.get(), ordered("licenses"), "the license catalogue");
        if (!fields.require(map.get(), "licenses", "the license catalogue")) {
            return List.of();
        }
        return read(map.get().get("licenses"), fields, kindRequired);
    }

    /**
     * Reads the list of license blocks found under a {@code licenses} key. Problems go to {@code fields};
     * what could be read is returned (callers throw when there were problems).
     *
     * @param kindRequired whether every block must say its kind; when false a block without a kind is
     *                     returned with a null kind and the caller checks that it names a known license
     */
    public static List<LicenseDefinition> read(YamlNode licenses, YamlFields fields, boolean kindRequired) {
        List<LicenseDefinition> out = new ArrayList<>();
        if (licenses instanceof YamlNode.Scalar s && s.isNull()) {
            return out;
        }
        Optional<YamlNode.Sequence> seq = fields.sequence(licenses, "'licenses'");
        if (seq.isEmpty()) {
            return out;
        }
        // Every name and alias in this file, ignoring case, with the block that claimed it first.
        Map<String, Located<String>> claimed = new LinkedHashMap<>();
        for (YamlNode item : seq.get().items()) {
            readBlock(item, fields, kindRequired, claimed).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<LicenseDefinition> readBlock(YamlNode item, YamlFields fields, boolean kindRequired,
                                                         Map<String, Located<String>> claimed) {
        Optional<YamlNode.Mapping> m = fields.mapping(item, "each license");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping block = m.get();
        fields.onlyKeys(block, BLOCK_KEYS, "a license");
        if (!fields.require(block, "name", "this license")) {
            return Optional.empty();
        }
        Optional<String> name = fields.text(block.get("name"), "the license name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String where = "license '" + name.get() + "'";
        claim(name.get(), block.get("name").location(), where, claimed, fields);

        LicenseDefinition.Kind kind = null;
        if (block.has("kind")) {
            kind = fields.text(block.get("kind"), "the kind of " + where).map(k -> {
                LicenseDefinition.Kind found = KINDS.get(k.toLowerCase(Locale.ROOT));
                if (found == null) {
                    fields.problem(block.get("kind").location(), "unknown kind '" + k + "' for " + where + ".",
                            Suggestions.didYouMean(k, KIND_WORDS, "Use user-license or permission-set-license."));
                }
                return found;
            }).orElse(null);
        } else if (kindRequired) {
            fields.problem(block.location(), where + " has no 'kind'.",
                    "Add 'kind: user-license' or 'kind: permission-set-license'.");
        }

        List<String> aliases = new ArrayList<>();
        for (Located<String> a : fields.textList(block, "aliases", "the aliases of " + where)) {
            if (claim(a.value(), a.location(), where, claimed, fields)) {
                aliases.add(a.value());
            }
        }
        List<Located<String>> extendsList = fields.textList(block, "extends", "'extends' of " + where);
        if (!extendsList.isEmpty() && kind == LicenseDefinition.Kind.USER_LICENSE) {
            fields.problem(block.get("extends").location(), where + " is a user license; only a permission set license"
                    + " extends other licenses.", "Remove 'extends' or make it 'kind: permission-set-license'.");
        }
        String note = fields.optionalText(block, "note", "the note of " + where).orElse(null);

        List<CatalogueEntry> objectRows = new ArrayList<>();
        YamlNode objects = block.get("objects");
        if (objects != null && !(objects instanceof YamlNode.Scalar s && s.isNull())) {
            fields.sequence(objects, "'objects' of " + where).ifPresent(rows -> {
                for (YamlNode row : rows.items()) {
                    readObjectRow(row, name.get(), where, fields).ifPresent(objectRows::add);
                }
            });
        }
        List<PermissionEntry> permissionRows = new ArrayList<>();
        YamlNode permissions = block.get("permissions");
        if (permissions != null && !(permissions instanceof YamlNode.Scalar s && s.isNull())) {
            fields.sequence(permissions, "'permissions' of " + where).ifPresent(rows -> {
                for (YamlNode row : rows.items()) {
                    readPermissionRow(row, name.get(), where, fields).ifPresent(permissionRows::add);
                }
            });
        }
        checkObjectRowsAgree(objectRows, fields);
        checkPermissionRowsAgree(permissionRows, fields);
        return Optional.of(new LicenseDefinition(name.get(), kind, aliases,
                extendsList.stream().map(Located::value).toList(), note, objectRows, permissionRows, block.location()));
    }

    /** Records a name or alias; a second claim anywhere in the file is a problem. */
    private static boolean claim(String value, YamlLocation at, String where, Map<String, Located<String>> claimed,
                                 YamlFields fields) {
        String key = value.trim().toLowerCase(Locale.ROOT);
        Located<String> first = claimed.get(key);
        if (first != null) {
            fields.problem(at, "'" + value + "' already names " + first.value() + " (line " + first.location().line() + ").",
                    "Each license name and alias may appear once; merge the two blocks or drop one of the names.");
            return false;
        }
        claimed.put(key, new Located<>(where, at));
        return true;
    }

    private static Optional<CatalogueEntry> readObjectRow(YamlNode node, String license, String where, YamlFields fields) {
        Optional<YamlNode.Mapping> m = fields.mapping(node, "each 'objects' row of " + where);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping row = m.get();
        int problemsBefore = fields.problems().size();
        fields.onlyKeys(row, OBJECT_ROW_KEYS, "an 'objects' row of " + where);
        ObjectScope scope = null;
        if (fields.require(row, "objects", "this row of " + where)) {
            scope = readScope(row.get("objects"), where, fields);
        }
        Set<Operation> allow = readOperations(row, "allow", where, fields);
        Set<Operation> deny = readOperations(row, "deny", where, fields);
        Confidence confidence = readConfidence(row, where, fields);
        String source = readSource(row, where, fields);
        String note = fields.optionalText(row, "note", "the note").orElse(null);
        if (fields.problems().size() > problemsBefore || scope == null) {
            return Optional.empty();
        }
        if (allow.isEmpty() && deny.isEmpty()) {
            fields.problem(row.location(), "this row of " + where + " neither allows nor denies anything.",
                    "Add 'allow: [...]' or 'deny: [...]'.");
            return Optional.empty();
        }
        CatalogueEntry entry = new CatalogueEntry(license, scope, allow, deny, confidence, source, note, row.location());
        Set<Operation> clash = EnumSet.copyOf(entry.effectiveAllow());
        clash.retainAll(entry.effectiveDeny());
        if (!clash.isEmpty()) {
            fields.problem(row.location(), "this row of " + where + " both allows and denies "
                            + keywords(clash) + explainDependency(allow, deny) + ".",
                    "A row says one thing per operation; split it or drop one side.");
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** "(edit needs read)" when the clash comes from a dependency rather than the same word on both sides. */
    private static String explainDependency(Set<Operation> allow, Set<Operation> deny) {
        for (Operation a : allow) {
            for (Operation d : deny) {
                if (a != d && a.requires().contains(d)) {
                    return " (" + a.keyword() + " needs " + d.keyword() + ", so denying " + d.keyword()
                            + " denies " + a.keyword() + " too)";
                }
            }
        }
        return "";
    }

    private static ObjectScope readScope(YamlNode node, String where, YamlFields fields) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING && s.text() != null) {
            String word = s.text().trim();
            switch (word.toLowerCase(Locale.ROOT)) {
                case "standard":
                    return new ObjectScope.AllStandard();
                case "custom":
                    return new ObjectScope.AllCustom();
                case "external":
                    return new ObjectScope.AllExternal();
                case "all":
                    return new ObjectScope.All();
                default:
                    break;
            }
            // A misspelt class word first ("standrd"), then a lone object name written without brackets.
            String hint = Suggestions.nearest(word, SCOPES).map(near -> "Did you mean '" + near + "'?")
                    .orElse(SalesforceNames.isApiName(word)
                            ? "Write [" + word + "] for one object, or one of standard, custom, external, all."
                            : "Write a list of object API names or one of standard, custom, external, all.");
            fields.problem(node.location(), "'" + word + "' is not a set of objects in " + where + ".", hint);
            return null;
        }
        Optional<YamlNode.Sequence> seq = fields.sequence(node, "'objects' of a row of " + where);
        if (seq.isEmpty()) {
            return null;
        }
        if (seq.get().items().isEmpty()) {
            fields.problem(node.location(), "this row of " + where + " lists no objects.",
                    "Name at least one object, or use standard, custom, external or all.");
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        boolean ok = true;
        for (YamlNode item : seq.get().items()) {
            Optional<String> name = fields.text(item, "each object of a row of " + where);
            if (name.isEmpty()) {
                ok = false;
            } else if (!SalesforceNames.isApiName(name.get())) {
                fields.problem(item.location(), "'" + name.get() + "' is not an object API name.",
                        SalesforceNames.apiNameHint(name.get()));
                ok = false;
            } else {
                names.add(name.get());
            }
        }
        return ok ? new ObjectScope.Named(names) : null;
    }

    private static Set<Operation> readOperations(YamlNode.Mapping row, String key, String where, YamlFields fields) {
        Set<Operation> out = EnumSet.noneOf(Operation.class);
        YamlNode node = row.get(key);
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return out;
        }
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING
                && "all".equalsIgnoreCase(s.text().trim())) {
            out.addAll(EnumSet.allOf(Operation.class));
            return out;
        }
        Optional<YamlNode.Sequence> seq = fields.sequence(node, "'" + key + "' of a row of " + where);
        if (seq.isEmpty()) {
            return out;
        }
        for (YamlNode item : seq.get().items()) {
            fields.text(item, "each operation in '" + key + "'").ifPresent(word -> {
                if ("all".equalsIgnoreCase(word)) {
                    out.addAll(EnumSet.allOf(Operation.class));
                    return;
                }
                Optional<Operation> op = Operation.fromKeyword(word);
                if (op.isEmpty()) {
                    fields.problem(item.location(), "unknown operation '" + word + "' in '" + key + "' of " + where + ".",
                            Suggestions.didYouMean(word, Operation.keywords(),
                                    "Operations: " + YamlFields.oneOf(Operation.keywords()) + ", or all."));
                } else {
                    out.add(op.get());
                }
            });
        }
        return out;
    }

    private static Confidence readConfidence(YamlNode.Mapping row, String where, YamlFields fields) {
        if (!fields.require(row, "confidence", "this row of " + where)) {
            return null;
        }
        return fields.text(row.get("confidence"), "the confidence").map(word -> {
            for (Confidence c : Confidence.values()) {
                if (c.keyword().equalsIgnoreCase(word)) {
                    return c;
                }
            }
            fields.problem(row.get("confidence").location(), "unknown confidence '" + word + "' in " + where + ".",
                    Suggestions.didYouMean(word, CONFIDENCE_WORDS, "Use high, medium or low."));
            return null;
        }).orElse(null);
    }

    private static String readSource(YamlNode.Mapping row, String where, YamlFields fields) {
        if (!row.has("source") || (row.get("source") instanceof YamlNode.Scalar s && s.isNull())) {
            fields.problem(row.location(), "this row of " + where + " has no 'source'.",
                    "Add 'source:' with a URL or a short note of how it was checked (\"deployed to our sandbox, 2024-05\"),"
                            + " so the next person can verify it.");
            return null;
        }
        return fields.text(row.get("source"), "the source").orElse(null);
    }

    private static Optional<PermissionEntry> readPermissionRow(YamlNode node, String license, String where,
                                                               YamlFields fields) {
        Optional<YamlNode.Mapping> m = fields.mapping(node, "each 'permissions' row of " + where);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping row = m.get();
        int problemsBefore = fields.problems().size();
        fields.onlyKeys(row, PERMISSION_ROW_KEYS, "a 'permissions' row of " + where);
        Set<String> allow = readPermissionNames(row, "allow", where, fields);
        Set<String> deny = readPermissionNames(row, "deny", where, fields);
        Confidence confidence = readConfidence(row, where, fields);
        String source = readSource(row, where, fields);
        String note = fields.optionalText(row, "note", "the note").orElse(null);
        if (fields.problems().size() > problemsBefore) {
            return Optional.empty();
        }
        if (allow.isEmpty() && deny.isEmpty()) {
            fields.problem(row.location(), "this row of " + where + " neither allows nor denies a permission.",
                    "Add 'allow: [...]' or 'deny: [...]' with system permission API names.");
            return Optional.empty();
        }
        PermissionEntry entry = new PermissionEntry(license, allow, deny, confidence, source, note, row.location());
        List<String> both = entry.allow().stream().filter(entry.deny()::contains).toList();
        if (!both.isEmpty()) {
            fields.problem(row.location(), "this row of " + where + " both allows and denies " + String.join(", ", both) + ".",
                    "A row says one thing per permission; drop one side.");
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static Set<String> readPermissionNames(YamlNode.Mapping row, String key, String where, YamlFields fields) {
        Set<String> out = new LinkedHashSet<>();
        for (Located<String> name : fields.textList(row, key, "'" + key + "' of a permissions row of " + where)) {
            SalesforceNames.checkPermission(name, fields, "'" + key + "' of " + where).ifPresent(out::add);
        }
        return out;
    }

    /** Two rows of one block that cover the same objects at the same level of detail must not contradict. */
    private static void checkObjectRowsAgree(List<CatalogueEntry> rows, YamlFields fields) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                CatalogueEntry a = rows.get(i);
                CatalogueEntry b = rows.get(j);
                Optional<String> shared = overlap(a.objects(), b.objects());
                if (shared.isEmpty()) {
                    continue;
                }
                Set<Operation> clash = EnumSet.noneOf(Operation.class);
                Set<Operation> x = EnumSet.copyOf(a.effectiveAllow());
                x.retainAll(b.effectiveDeny());
                clash.addAll(x);
                Set<Operation> y = EnumSet.copyOf(a.effectiveDeny());
                y.retainAll(b.effectiveAllow());
                clash.addAll(y);
                if (!clash.isEmpty()) {
                    fields.problem(b.location(), "this row contradicts the row at line " + a.location().line()
                                    + " on " + shared.get() + " (" + keywords(clash) + ").",
                            "Rows at the same level of detail must agree; a named object wins over standard/custom/all,"
                                    + " so name the exception in its own row instead.");
                }
            }
        }
    }

    private static Optional<String> overlap(ObjectScope a, ObjectScope b) {
        if (a.specificity() != b.specificity()) {
            return Optional.empty();
        }
        if (a instanceof ObjectScope.Named na && b instanceof ObjectScope.Named nb) {
            return na.objects().stream().filter(nb.objects()::contains).findFirst();
        }
        return a.getClass() == b.getClass() ? Optional.of(a.describe()) : Optional.empty();
    }

    private static void checkPermissionRowsAgree(List<PermissionEntry> rows, YamlFields fields) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                PermissionEntry a = rows.get(i);
                PermissionEntry b = rows.get(j);
                List<String> clash = new ArrayList<>();
                a.allow().stream().filter(b.deny()::contains).forEach(clash::add);
                a.deny().stream().filter(b.allow()::contains).forEach(clash::add);
                if (!clash.isEmpty()) {
                    fields.problem(b.location(), "this row contradicts the row at line " + a.location().line()
                            + " on " + String.join(", ", clash) + ".", "Keep one answer per permission.");
                }
            }
        }
    }

    private static String keywords(Set<Operation> ops) {
        return String.join(", ", ops.stream().map(Operation::keyword).toList());
    }

    private static Set<String> ordered(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
