package dev.sfapi.declaration;

import dev.sfapi.license.CatalogueReader;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlLocation;
import dev.sfapi.yaml.YamlNode;
import dev.sfapi.yaml.YamlProblem;
import dev.sfapi.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the declaration file ({@code sfapi-users.yml}) into a {@link Declaration}.
 *
 * <pre>
 * integrations:                                  # required, one entry per outside system
 *   - name: erp-sync                             # required, unique (ignoring case)
 *     user: erp.integration@acme.example         # required, the Salesforce username it logs in as
 *     description: Nightly order sync from the ERP
 *     objects:                                   # object API name: operations
 *       Account: [read, create, edit]            #   read, create, edit, delete, viewAll, modifyAll
 *       Invoice__c: [read, create, edit, delete]
 *     fields:                                    # Object.Field: read and/or edit
 *       Opportunity.Amount: [read, edit]
 *     permissions: [ApiEnabled]                  # system permission API names
 *
 * users:                                         # who holds what, when no org is connected
 *   erp.integration@acme.example:                # usernames are not case-sensitive
 *     profile: ERP Integration                   # as Setup shows it ("Custom: Support Profile") or its full name
 *     permissionSets: [ERP_Access]               # API names
 *     permissionSetGroups: []
 *     permissionSetLicenses: [SalesforceAPIIntegrationPsl]   # developer name or label
 *
 * licenses:                                      # optional: add to or override the license catalogue
 *   - name: Salesforce Platform                  # same shape as the built-in catalogue, see CatalogueReader
 *     objects:
 *       - objects: [WorkOrder]
 *         allow: [read]
 *         confidence: high
 *         source: checked in our sandbox with a Platform-licensed permission set, 2024-05
 * </pre>
 *
 * <p>Every mistake in the file is reported at once, each with file, line and column, what is wrong and
 * the nearest valid word: unknown keys, unknown operations, a single value where a list belongs, a number
 * where a name belongs, an empty operation list, a repeated integration name or username, an
 * integration without name or user, a field not written {@code Object.Field}, a name that is not an API
 * name, a username that is not in the form of an email address.
 *
 * <p>System permission names are checked against the list sfapi knows (see {@link SalesforceNames}):
 * a name that is one typo away from a known one is refused with "did you mean"; a name unlike any known
 * one is accepted as written, because Salesforce adds permissions every release. Permission set
 * license names are checked the same way against the catalogue's.
 *
 * <p>Not checked here: whether each integration's user has a {@code users} entry, and whether profiles
 * and permission sets exist. That depends on whether an org is connected and is done by the checks,
 * using the locations kept in {@link DeclaredUser} and {@link Integration}.
 */
public final class DeclarationReader {

    static final Set<String> TOP_KEYS = ordered("integrations", "users", "licenses");
    static final Set<String> INTEGRATION_KEYS = ordered("name", "user", "description", "objects", "fields", "permissions");
    static final Set<String> USER_KEYS = ordered("profile", "permissionSets", "permissionSetGroups", "permissionSetLicenses");

    private final LicenseCatalogue catalogue;

    /** A reader that checks {@code licenses} additions against the built-in catalogue. */
    public DeclarationReader() {
        this(LicenseCatalogue.builtIn());
    }

    /** A reader that checks {@code licenses} additions against {@code catalogue}. */
    public DeclarationReader(LicenseCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Reads a declaration file.
     *
     * @throws YamlException with every problem found, each with its line and column
     * @throws IOException   when the file can't be read at all
     */
    public Declaration read(Path file) throws YamlException, IOException {
        return read(YamlReader.read(file), file.toString());
    }

    /** Reads declaration text; {@code sourceName} is what messages call it. */
    public Declaration read(String sourceName, String text) throws YamlException {
        return read(YamlReader.read(sourceName, text), sourceName);
    }

    private Declaration read(YamlNode root, String source) throws YamlException {
        YamlFields fields = new YamlFields();
        Declaration declaration = new Parse(fields, source).declaration(root);
        if (!fields.problems().isEmpty()) {
            List<YamlProblem> sorted = new ArrayList<>(fields.problems());
            sorted.sort(Comparator.comparingInt((YamlProblem p) -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new YamlException(sorted);
        }
        return declaration;
    }

    /** One reading of one file. */
    private final class Parse {
        private final YamlFields fields;
        private final String source;
        private LicenseCatalogue effective;

        Parse(YamlFields fields, String source) {
            this.fields = fields;
            this.source = source;
            this.effective = catalogue;
        }

        Declaration declaration(YamlNode root) {
            List<Integration> integrations = new ArrayList<>();
            Map<String, DeclaredUser> users = new LinkedHashMap<>();
            List<LicenseDefinition> licenses = new ArrayList<>();
            Declaration empty = new Declaration(source, integrations, users, licenses);
            if (root instanceof YamlNode.Scalar s && s.isNull()) {
                fields.problem(root.location(), "the declaration is empty.",
                        "Start with 'integrations:' and one '- name: … user: …' entry per outside system.");
                return empty;
            }
            Optional<YamlNode.Mapping> top = fields.mapping(root, "the declaration");
            if (top.isEmpty()) {
                return empty;
            }
            YamlNode.Mapping map = top.get();
            fields.onlyKeys(map, TOP_KEYS, "the declaration");
            // Licenses first: the users section's permission set licenses are checked against them.
            if (map.has("licenses")) {
                licenses.addAll(licenses(map.get("licenses")));
            }
            boolean misspeltIntegrations = map.entries().keySet().stream()
                    .anyMatch(k -> !TOP_KEYS.contains(k) && Suggestions.nearest(k, TOP_KEYS)
                            .filter("integrations"::equals).isPresent());
            if (map.has("integrations")) {
                integrations.addAll(integrations(map.get("integrations")));
            } else if (!misspeltIntegrations) {
                fields.problem(map.location(), "the declaration has no 'integrations' section.",
                        "Add 'integrations:' with one '- name: … user: …' entry per outside system.");
            }
            if (map.has("users")) {
                users.putAll(users(map.get("users")));
            }
            return new Declaration(source, integrations, users, licenses);
        }

        // ------------------------------------------------------------ integrations

        List<Integration> integrations(YamlNode node) {
            List<Integration> out = new ArrayList<>();
            if (node instanceof YamlNode.Scalar s && s.isNull()) {
                fields.problem(node.location(), "'integrations' is empty.",
                        "Add one '- name: … user: …' entry per outside system.");
                return out;
            }
            if (node instanceof YamlNode.Mapping) {
                fields.problem(node.location(), "'integrations' must be a list, but this is a mapping.",
                        "Start each integration with '- name: …' (a dash, then its keys indented below).");
                return out;
            }
            Optional<YamlNode.Sequence> seq = fields.sequence(node, "'integrations'");
            if (seq.isEmpty()) {
                return out;
            }
            if (seq.get().items().isEmpty()) {
                fields.problem(node.location(), "'integrations' lists no integration.",
                        "Add one '- name: … user: …' entry per outside system.");
            }
            Map<String, YamlLocation> names = new LinkedHashMap<>();
            for (YamlNode item : seq.get().items()) {
                integration(item, names).ifPresent(out::add);
            }
            return out;
        }

        Optional<Integration> integration(YamlNode node, Map<String, YamlLocation> names) {
            Optional<YamlNode.Mapping> m = fields.mapping(node, "each integration");
            if (m.isEmpty()) {
                return Optional.empty();
            }
            YamlNode.Mapping map = m.get();
            fields.onlyKeys(map, INTEGRATION_KEYS, "an integration");
            Optional<String> name = Optional.empty();
            if (fields.require(map, "name", "this integration")) {
                name = fields.text(map.get("name"), "the integration's name");
                name.ifPresent(n -> {
                    YamlLocation first = names.putIfAbsent(n.toLowerCase(Locale.ROOT), map.get("name").location());
                    if (first != null) {
                        fields.problem(map.get("name").location(), "the integration name '" + n
                                        + "' is already used at line " + first.line() + ".",
                                "Give each integration its own name; reports and CI test cases are named after it.");
                    }
                });
            }
            String where = name.map(n -> "integration '" + n + "'").orElse("this integration");
            Optional<String> user = Optional.empty();
            if (fields.require(map, "user", where)) {
                user = fields.text(map.get("user"), "the user of " + where);
                user.ifPresent(u -> checkUsername(u, map.get("user").location()));
            }
            String description = fields.optionalText(map, "description", "the description of " + where).orElse(null);
            List<ObjectRequirement> objects = objects(map.get("objects"), where);
            List<FieldRequirement> fieldList = fieldRequirements(map.get("fields"), where);
            List<PermissionRequirement> permissions = permissions(map.get("permissions"), where);
            if (name.isEmpty() || user.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Integration(name.get(), user.get(), description, objects, fieldList, permissions,
                    map.location()));
        }

        void checkUsername(String username, YamlLocation at) {
            if (!SalesforceNames.isUsername(username)) {
                fields.problem(at, "'" + username + "' is not a Salesforce username.",
                        "Usernames have the form of an email address (erp.integration@acme.example).");
            }
        }

        List<ObjectRequirement> objects(YamlNode node, String where) {
            List<ObjectRequirement> out = new ArrayList<>();
            if (absentOrEmpty(node, "objects", where, "Account: [read, edit]")) {
                return out;
            }
            Optional<YamlNode.Mapping> m = mappingOf(node, "'objects' of " + where, "Account: [read, edit]");
            if (m.isEmpty()) {
                return out;
            }
            Map<String, YamlLocation> seen = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.get().entries().values()) {
                String object = e.key().trim();
                boolean ok = true;
                if (!SalesforceNames.isApiName(object)) {
                    fields.problem(e.keyLocation(), "'" + object + "' in " + where + " is not an object API name.",
                            SalesforceNames.apiNameHint(object));
                    ok = false;
                } else if (!sameSpellingOnce(seen, object, e.keyLocation(), where)) {
                    ok = false;
                }
                Set<Operation> ops = operations(e, object, where, Operation::fromKeyword, Operation.keywords(),
                        Operation.class, null);
                if (ok && !ops.isEmpty()) {
                    out.add(new ObjectRequirement(object, ops, e.keyLocation()));
                }
            }
            return out;
        }

        List<FieldRequirement> fieldRequirements(YamlNode node, String where) {
            List<FieldRequirement> out = new ArrayList<>();
            if (absentOrEmpty(node, "fields", where, "Opportunity.Amount: [read]")) {
                return out;
            }
            Optional<YamlNode.Mapping> m = mappingOf(node, "'fields' of " + where, "Opportunity.Amount: [read]");
            if (m.isEmpty()) {
                return out;
            }
            Map<String, YamlLocation> seen = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.get().entries().values()) {
                String key = e.key().trim();
                String[] parts = key.split("\\.", -1);
                boolean ok = true;
                if (parts.length != 2) {
                    fields.problem(e.keyLocation(), "'" + key + "' in " + where + " is not of the form Object.Field.",
                            parts.length < 2
                                    ? "Write the object's API name, a dot and the field's API name: Opportunity.Amount."
                                    : "Field access is set on the field itself: declare the field on its own object"
                                            + " (Account.Owner.Name is User.Name).");
                    ok = false;
                } else {
                    for (String part : parts) {
                        if (!SalesforceNames.isApiName(part)) {
                            fields.problem(e.keyLocation(), "'" + part + "' in '" + key + "' (" + where
                                    + ") is not an API name.", SalesforceNames.apiNameHint(part));
                            ok = false;
                        }
                    }
                    if (ok && !sameSpellingOnce(seen, key, e.keyLocation(), where)) {
                        ok = false;
                    }
                }
                Set<FieldOperation> ops = operations(e, key, where, FieldOperation::fromKeyword,
                        FieldOperation.keywords(), FieldOperation.class,
                        word -> Operation.fromKeyword(word).map(op -> "Field access has only read and edit; '"
                                + word + "' is an object operation: declare it under 'objects' ("
                                + parts[0] + ": [" + op.keyword() + "])."));
                if (ok && !ops.isEmpty()) {
                    out.add(new FieldRequirement(parts[0], parts[1], ops, e.keyLocation()));
                }
            }
            return out;
        }

        /**
         * True when the key is absent, or written with nothing after it: the latter is a problem, since an
         * empty 'objects:' most often means the lines below it lost their indentation, and would pass.
         */
        boolean absentOrEmpty(YamlNode node, String key, String where, String example) {
            if (node == null) {
                return true;
            }
            if (node instanceof YamlNode.Scalar s && s.isNull()) {
                fields.problem(node.location(), "'" + key + "' of " + where + " is empty.",
                        "List what it touches under it, indented (" + key + ": then " + example
                                + "), or remove the '" + key + ":' line.");
                return true;
            }
            return false;
        }

        /** The same object or field written twice in different case ("Account" and "account"). */
        boolean sameSpellingOnce(Map<String, YamlLocation> seen, String name, YamlLocation at, String where) {
            YamlLocation first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
            if (first != null) {
                fields.problem(at, "'" + name + "' is already listed in " + where + " at line " + first.line()
                        + " (API names are not case-sensitive).", "Keep one line and merge the operations.");
                return false;
            }
            return true;
        }

        /**
         * The operation list of an object or field line: a non-empty list of known words.
         *
         * @param elsewhere a hint for words that are valid somewhere else (create on a field), or null
         */
        <O extends Enum<O>> Set<O> operations(YamlNode.Entry e, String subject, String where,
                                              Function<String, Optional<O>> parse, List<String> words,
                                              Class<O> type, Function<String, Optional<String>> elsewhere) {
            Set<O> out = EnumSet.noneOf(type);
            YamlNode value = e.value();
            String example = subject + ": [" + words.get(0) + "]";
            if (value instanceof YamlNode.Scalar s && s.isNull()) {
                fields.problem(e.keyLocation(), "no operations for " + subject + " in " + where + ".",
                        "List at least one of " + YamlFields.oneOf(words) + ", e.g. " + example + ".");
                return out;
            }
            if (value instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING) {
                fields.problem(value.location(), "the operations for " + subject + " must be a list, but this is "
                        + value.kind() + ".", "Write " + subject + ": [" + s.text().trim() + "].");
                return out;
            }
            Optional<YamlNode.Sequence> seq = fields.sequence(value, "the operations for " + subject);
            if (seq.isEmpty()) {
                return out;
            }
            if (seq.get().items().isEmpty()) {
                fields.problem(value.location(), "no operations for " + subject + " in " + where + ".",
                        "List at least one of " + YamlFields.oneOf(words) + ", or remove the line.");
                return out;
            }
            for (YamlNode item : seq.get().items()) {
                Optional<String> word = fields.text(item, "each operation for " + subject);
                if (word.isEmpty()) {
                    continue;
                }
                Optional<O> op = parse.apply(word.get());
                if (op.isEmpty()) {
                    String hint = Optional.ofNullable(elsewhere).flatMap(f -> f.apply(word.get()))
                            .orElseGet(() -> Suggestions.didYouMean(word.get(), words,
                                    "Operations: " + YamlFields.oneOf(words) + "."));
                    fields.problem(item.location(), "unknown operation '" + word.get() + "' for " + subject
                            + " in " + where + ".", hint);
                } else if (!out.add(op.get())) {
                    fields.problem(item.location(), "'" + word.get() + "' is listed twice for " + subject + ".",
                            "Keep one.");
                }
            }
            return out;
        }

        List<PermissionRequirement> permissions(YamlNode node, String where) {
            List<PermissionRequirement> out = new ArrayList<>();
            if (absentOrEmpty(node, "permissions", where, "[ApiEnabled]")) {
                return out;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Located<String> p : listOf(node, "'permissions' of " + where)) {
                SalesforceNames.checkPermission(p, fields, "'permissions' of " + where).ifPresent(name -> {
                    if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                        fields.problem(p.location(), "'" + name + "' is listed twice in the permissions of " + where + ".",
                                "Keep one.");
                    } else {
                        out.add(new PermissionRequirement(name, p.location()));
                    }
                });
            }
            return out;
        }

        // ------------------------------------------------------------ users

        Map<String, DeclaredUser> users(YamlNode node) {
            Map<String, DeclaredUser> out = new LinkedHashMap<>();
            if (node instanceof YamlNode.Scalar s && s.isNull()) {
                return out;
            }
            if (node instanceof YamlNode.Sequence) {
                fields.problem(node.location(), "'users' must be a mapping of username to what the user holds,"
                        + " but this is a list.", "Write each user as 'name@company.example:' with its keys indented below.");
                return out;
            }
            Optional<YamlNode.Mapping> m = fields.mapping(node, "'users'");
            if (m.isEmpty()) {
                return out;
            }
            Map<String, YamlLocation> seen = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.get().entries().values()) {
                String username = e.key().trim();
                checkUsername(username, e.keyLocation());
                YamlLocation first = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), e.keyLocation());
                if (first != null) {
                    fields.problem(e.keyLocation(), "'" + username + "' is the same user as the entry at line "
                                    + first.line() + " (Salesforce usernames are not case-sensitive).",
                            "Keep one entry and merge what it holds.");
                    continue;
                }
                user(username, e).ifPresent(u -> out.put(username, u));
            }
            return out;
        }

        Optional<DeclaredUser> user(String username, YamlNode.Entry e) {
            String where = "user '" + username + "'";
            if (e.value() instanceof YamlNode.Scalar s && s.isNull()) {
                // Nothing stated: the checks will say the user's setup can't be judged.
                return Optional.of(new DeclaredUser(username, null, List.of(), List.of(), List.of(), e.keyLocation()));
            }
            Optional<YamlNode.Mapping> m = mappingOf(e.value(), where, "profile: ERP Integration");
            if (m.isEmpty()) {
                return Optional.empty();
            }
            YamlNode.Mapping map = m.get();
            fields.onlyKeys(map, USER_KEYS, where);
            Located<String> profile = null;
            YamlNode p = map.get("profile");
            if (p != null && !(p instanceof YamlNode.Scalar ps && ps.isNull())) {
                Optional<String> text = fields.text(p, "the profile of " + where);
                if (text.isPresent()) {
                    profile = new Located<>(text.get(), p.location());
                }
            }
            List<Located<String>> permissionSets = distinctNames(map, "permissionSets", where);
            List<Located<String>> groups = distinctNames(map, "permissionSetGroups", where);
            List<Located<String>> psls = distinctNames(map, "permissionSetLicenses", where);
            psls.forEach(this::checkPermissionSetLicense);
            return Optional.of(new DeclaredUser(username, profile, permissionSets, groups, psls, e.keyLocation()));
        }

        List<Located<String>> distinctNames(YamlNode.Mapping map, String key, String where) {
            List<Located<String>> out = new ArrayList<>();
            YamlNode node = map.get(key);
            if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
                return out;
            }
            Map<String, YamlLocation> seen = new LinkedHashMap<>();
            for (Located<String> name : listOf(node, "'" + key + "' of " + where)) {
                YamlLocation first = seen.putIfAbsent(name.value().toLowerCase(Locale.ROOT), name.location());
                if (first != null) {
                    fields.problem(name.location(), "'" + name.value() + "' is listed twice in '" + key + "' of "
                            + where + " (first at line " + first.line() + ").", "Keep one.");
                } else {
                    out.add(name);
                }
            }
            return out;
        }

        /**
         * A PSL name the catalogue doesn't know is fine (there are many), unless it is a typo of one it
         * does know, or is a user license: the profile decides the user license.
         */
        void checkPermissionSetLicense(Located<String> psl) {
            Optional<LicenseDefinition> known = effective.find(psl.value());
            if (known.isPresent()) {
                if (known.get().kind() == LicenseDefinition.Kind.USER_LICENSE) {
                    fields.problem(psl.location(), "'" + psl.value() + "' is a user license, not a permission set license.",
                            "The user license comes with the profile; list only permission set licenses here.");
                }
                return;
            }
            List<String> pslNames = new ArrayList<>();
            for (LicenseDefinition d : effective.definitions()) {
                if (d.kind() == LicenseDefinition.Kind.PERMISSION_SET_LICENSE) {
                    pslNames.add(d.name());
                    pslNames.addAll(d.aliases());
                }
            }
            SalesforceNames.typoOf(psl.value(), pslNames).ifPresent(typo ->
                    fields.problem(psl.location(), "unknown permission set license '" + psl.value() + "'.",
                            "Did you mean '" + typo + "'?"));
        }

        // ------------------------------------------------------------ licenses

        List<LicenseDefinition> licenses(YamlNode node) {
            int before = fields.problems().size();
            List<LicenseDefinition> read = CatalogueReader.read(node, fields, false);
            List<LicenseDefinition> usable = new ArrayList<>();
            for (LicenseDefinition d : read) {
                if (fitsCatalogue(d)) {
                    usable.add(d);
                }
            }
            if (fields.problems().size() == before) {
                effective = catalogue.withAdditions(usable);
            }
            return usable;
        }

        /** A block either adds to exactly one known license (kind optional, must agree) or is new (kind required). */
        boolean fitsCatalogue(LicenseDefinition d) {
            YamlLocation at = d.location();
            Optional<LicenseDefinition> byName = catalogue.find(d.name());
            for (String alias : d.aliases()) {
                Optional<LicenseDefinition> other = catalogue.find(alias);
                if (other.isPresent() && (byName.isEmpty() || !other.get().name().equals(byName.get().name()))) {
                    fields.problem(at, "the alias '" + alias + "' of license '" + d.name() + "' already names the"
                                    + " built-in license '" + other.get().name() + "'.",
                            "To add to '" + other.get().name() + "', write 'name: " + other.get().name() + "'.");
                    return false;
                }
            }
            if (byName.isPresent()) {
                LicenseDefinition.Kind kind = byName.get().kind();
                if (d.kind() != null && d.kind() != kind) {
                    fields.problem(at, "'" + d.name() + "' is a " + CatalogueReader.keyword(kind)
                                    + " in the built-in catalogue, not a " + CatalogueReader.keyword(d.kind()) + ".",
                            "Write 'kind: " + CatalogueReader.keyword(kind) + "' or leave 'kind' out.");
                    return false;
                }
                return true;
            }
            if (d.kind() == null) {
                fields.problem(at, "license '" + d.name() + "' is not in the built-in catalogue.",
                        Suggestions.nearest(d.name(), catalogue.allNames())
                                .map(s -> "Did you mean '" + s + "'? To define a new license instead, add"
                                        + " 'kind: user-license' or 'kind: permission-set-license'.")
                                .orElse("To define a new license, add 'kind: user-license' or 'kind: permission-set-license'."));
                return false;
            }
            return true;
        }

        // ------------------------------------------------------------ helpers

        /** A list of text values (a single value is refused with "write [x]"). */
        List<Located<String>> listOf(YamlNode node, String what) {
            List<Located<String>> out = new ArrayList<>();
            fields.sequence(node, what).ifPresent(seq -> {
                for (YamlNode item : seq.items()) {
                    fields.text(item, "each entry of " + what).ifPresent(v -> out.add(new Located<>(v, item.location())));
                }
            });
            return out;
        }

        /** A mapping, with an example of the expected line when it isn't one. */
        Optional<YamlNode.Mapping> mappingOf(YamlNode node, String what, String example) {
            if (node instanceof YamlNode.Mapping m) {
                return Optional.of(m);
            }
            fields.problem(node.location(), what + " must be a mapping of 'key: value' lines, but this is "
                    + node.kind() + ".", "Write it like '" + example + "', one per line.");
            return Optional.empty();
        }
    }

    private static Set<String> ordered(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
