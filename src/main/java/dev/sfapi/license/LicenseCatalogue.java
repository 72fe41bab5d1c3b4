package dev.sfapi.license;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlNode;
import dev.sfapi.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each user license and permission set license can reach, as data: the built-in catalogue
 * ({@code dev/sfapi/license/catalogue.yml}) plus a team's additions from the declaration's
 * {@code licenses} section.
 *
 * <p>Answering "can a user holding these licenses ever be granted operation O on object X?":
 * <ol>
 *   <li>Each held license (the user license and each PSL) answers on its own: of its rows covering X,
 *       the most specific scope (named object over external/standard/custom over all) that mentions O
 *       decides; rows from the declaration win over built-in rows of the same specificity. A row
 *       mentions O when it allows O or something that needs O (allowing edit allows read), or denies
 *       O or something O needs (denying read denies everything). No row: unknown. Rows of one
 *       standing that disagree: unknown (conflict). A decision resting only on low-confidence rows:
 *       unknown (low confidence).</li>
 *   <li>Combined: allowed if any held license allows with actionable confidence; denied if every held
 *       license denies with actionable confidence (a PSL that "adds nothing" for X says deny); otherwise
 *       unknown, with the reason (which license has no entry, or only a low-confidence one). A PSL whose
 *       {@code extends} list does not include the user license can't be assigned with it and is left
 *       out (the verdict's note says so).</li>
 *   <li>A license name the catalogue does not know at all answers unknown, never allowed.</li>
 * </ol>
 * System permissions are answered the same way from the permission rows (by name, no scopes).
 *
 * <p>Instances are immutable; {@link #withAdditions} returns a new one.
 */
public final class LicenseCatalogue {

    static final String RESOURCE = "/dev/sfapi/license/catalogue.yml";
    static final String RESOURCE_NAME = "sfapi built-in catalogue (dev/sfapi/license/catalogue.yml)";

    /** A row and the layer it came from: 0 built-in, then one more per {@link #withAdditions} call. */
    private record Layered<T>(T row, int layer) {
    }

    private record Known(LicenseDefinition definition, List<Layered<CatalogueEntry>> objectRows,
                         List<Layered<PermissionEntry>> permissionRows) {
    }

    private static volatile LicenseCatalogue builtIn;

    private final List<Known> known;
    private final int topLayer;

    private LicenseCatalogue(List<Known> known, int topLayer) {
        this.known = List.copyOf(known);
        this.topLayer = topLayer;
    }

    /** The catalogue shipped with the plugin (read once, then shared). */
    public static LicenseCatalogue builtIn() {
        LicenseCatalogue c = builtIn;
        if (c == null) {
            c = of(readBuiltInDefinitions());
            builtIn = c;
        }
        return c;
    }

    /** A catalogue made of these definitions alone (tests, or a team that wants none of the built-in rows). */
    public static LicenseCatalogue of(List<LicenseDefinition> definitions) {
        return new LicenseCatalogue(List.of(), -1).withAdditions(definitions);
    }

    /** The built-in catalogue file as definitions; a problem in it is a packaging fault. */
    static List<LicenseDefinition> readBuiltInDefinitions() {
        String text;
        try (InputStream in = LicenseCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sfapi is packaged without " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            YamlNode root = YamlReader.read(RESOURCE_NAME, text);
            YamlFields fields = new YamlFields();
            List<LicenseDefinition> defs = CatalogueReader.readDocument(root, fields, true);
            fields.throwIfAny();
            return defs;
        } catch (YamlException e) {
            throw new IllegalStateException("The built-in license catalogue is broken: " + e.getMessage(), e);
        }
    }

    /**
     * This catalogue with a team's definitions laid over it. A definition whose name or an alias names a
     * license already here adds its aliases, {@code extends} and rows to that license, and its rows win
     * over the existing rows of the same specificity; any other definition is a new license and must
     * say its kind.
     *
     * @throws IllegalArgumentException for a definition that can't be laid over (the declaration reader
     *                                  reports these with their line before it gets here)
     */
    public LicenseCatalogue withAdditions(List<LicenseDefinition> additions) {
        int layer = topLayer + 1;
        List<Known> out = new ArrayList<>(known);
        for (LicenseDefinition add : additions) {
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                LicenseDefinition existing = out.get(i).definition();
                if (existing.isNamed(add.name()) || add.aliases().stream().anyMatch(existing::isNamed)) {
                    matches.add(i);
                }
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("'" + add.name() + "' and its aliases name several licenses: "
                        + matches.stream().map(i -> out.get(i).definition().name()).collect(Collectors.joining(", ")));
            }
            if (matches.isEmpty()) {
                if (add.kind() == null) {
                    throw new IllegalArgumentException("'" + add.name() + "' is not in the catalogue and says no kind");
                }
                out.add(new Known(add, layered(add.objects(), layer), layered(add.permissions(), layer)));
            } else {
                int i = matches.get(0);
                out.set(i, merge(out.get(i), add, layer));
            }
        }
        return new LicenseCatalogue(out, layer);
    }

    private static Known merge(Known base, LicenseDefinition add, int layer) {
        LicenseDefinition old = base.definition();
        if (add.kind() != null && add.kind() != old.kind()) {
            throw new IllegalArgumentException("'" + add.name() + "' is a " + CatalogueReader.keyword(old.kind())
                    + " in the catalogue, not a " + CatalogueReader.keyword(add.kind()));
        }
        String canonical = old.name();
        List<String> aliases = distinctIgnoringCase(old.aliases(), List.of(add.name()), add.aliases());
        aliases.removeIf(canonical::equalsIgnoreCase);
        List<String> ext = distinctIgnoringCase(old.extendsLicenses(), add.extendsLicenses());
        List<CatalogueEntry> newObjects = add.objects().stream()
                .map(e -> new CatalogueEntry(canonical, e.objects(), e.allow(), e.deny(), e.confidence(), e.source(),
                        e.note(), e.location()))
                .toList();
        List<PermissionEntry> newPermissions = add.permissions().stream()
                .map(e -> new PermissionEntry(canonical, e.allow(), e.deny(), e.confidence(), e.source(), e.note(),
                        e.location()))
                .toList();
        List<CatalogueEntry> objects = new ArrayList<>(old.objects());
        objects.addAll(newObjects);
        List<PermissionEntry> permissions = new ArrayList<>(old.permissions());
        permissions.addAll(newPermissions);
        LicenseDefinition merged = new LicenseDefinition(canonical, old.kind(), aliases, ext,
                add.note() != null ? add.note() : old.note(), objects, permissions, old.location());
        List<Layered<CatalogueEntry>> objectRows = new ArrayList<>(base.objectRows());
        objectRows.addAll(layered(newObjects, layer));
        List<Layered<PermissionEntry>> permissionRows = new ArrayList<>(base.permissionRows());
        permissionRows.addAll(layered(newPermissions, layer));
        return new Known(merged, objectRows, permissionRows);
    }

    @SafeVarargs
    private static List<String> distinctIgnoringCase(List<String>... lists) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> l : lists) {
            for (String s : l) {
                if (seen.add(s.trim().toLowerCase(Locale.ROOT))) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static <T> List<Layered<T>> layered(List<T> rows, int layer) {
        return rows.stream().map(r -> new Layered<>(r, layer)).toList();
    }

    /** The license known by this name, developer name, label or definition key (case-insensitive). */
    public Optional<LicenseDefinition> find(String nameOrAlias) {
        return findKnown(nameOrAlias).map(Known::definition);
    }

    private Optional<Known> findKnown(String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isBlank()) {
            return Optional.empty();
        }
        return known.stream().filter(k -> k.definition().isNamed(nameOrAlias)).findFirst();
    }

    public List<LicenseDefinition> definitions() {
        return known.stream().map(Known::definition).toList();
    }

    /** Every name and alias the catalogue knows (for "did you mean"). */
    public List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (Known k : known) {
            out.add(k.definition().name());
            out.addAll(k.definition().aliases());
        }
        return out;
    }

    /**
     * Whether two license names mean the same license (for permission sets bound to a license):
     * equal ignoring case, or both names of one catalogue definition ("Salesforce API Integration" and
     * "SalesforceAPIIntegrationPsl").
     */
    public boolean sameLicense(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.trim().equalsIgnoreCase(b.trim())) {
            return true;
        }
        Optional<Known> ka = findKnown(a);
        return ka.isPresent() && ka.get().definition().isNamed(b);
    }

    // ---------------------------------------------------------------- answers

    /** One license's own answer. */
    /** @param teamRow where the deciding row of a team's licenses section is; null for built-in rows */
    private record Answer(LicenseVerdict.Outcome outcome, Confidence confidence, LicenseVerdict.Reason reason,
                          List<String> sources, String note, String detail, String teamRow) {

        static Answer unknown(LicenseVerdict.Reason reason, String detail) {
            return new Answer(LicenseVerdict.Outcome.UNKNOWN, null, reason, List.of(), null, detail, null);
        }

        boolean allows() {
            return outcome == LicenseVerdict.Outcome.ALLOWED && confidence.isActionable();
        }

        boolean denies() {
            return outcome == LicenseVerdict.Outcome.DENIED && confidence.isActionable();
        }
    }

    /** Whether {@code held} can ever be granted {@code operation} on {@code object}. */
    public LicenseVerdict objectAccess(HeldLicenses held, String object, Operation operation) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(operation, "operation");
        String what = operation.keyword() + " on " + object;
        return combine(held, k -> answerObject(k, object, operation, what), what);
    }

    /** Whether {@code held} can ever be granted the system permission {@code permission} (API name). */
    public LicenseVerdict systemPermission(HeldLicenses held, String permission) {
        Objects.requireNonNull(permission, "permission");
        String what = "the system permission " + permission;
        return combine(held, k -> answerPermission(k, permission, what), what);
    }

    private static Answer answerObject(Known k, String object, Operation op, String what) {
        List<Layered<CatalogueEntry>> speaking = k.objectRows().stream()
                .filter(r -> r.row().objects().covers(object))
                .filter(r -> r.row().effectiveAllow().contains(op) || r.row().effectiveDeny().contains(op))
                .toList();
        if (speaking.isEmpty()) {
            return Answer.unknown(LicenseVerdict.Reason.NO_ENTRY,
                    "the catalogue has no entry for " + what + " under '" + k.definition().name() + "'");
        }
        int spec = speaking.stream().mapToInt(r -> r.row().objects().specificity()).max().orElseThrow();
        List<Layered<CatalogueEntry>> mostSpecific = speaking.stream()
                .filter(r -> r.row().objects().specificity() == spec).toList();
        int layer = mostSpecific.stream().mapToInt(Layered::layer).max().orElseThrow();
        List<CatalogueEntry> deciding = mostSpecific.stream().filter(r -> r.layer() == layer).map(Layered::row).toList();
        List<CatalogueEntry> allowing = deciding.stream().filter(e -> e.effectiveAllow().contains(op)).toList();
        List<CatalogueEntry> denying = deciding.stream().filter(e -> e.effectiveDeny().contains(op)).toList();
        return decide(k, what, allowing, denying, CatalogueEntry::confidence, CatalogueEntry::source,
                CatalogueEntry::note, e -> e.location().toString(), layer > 0);
    }

    private static Answer answerPermission(Known k, String permission, String what) {
        List<Layered<PermissionEntry>> speaking = k.permissionRows().stream()
                .filter(r -> r.row().allow().contains(permission) || r.row().deny().contains(permission))
                .toList();
        if (speaking.isEmpty()) {
            return Answer.unknown(LicenseVerdict.Reason.NO_ENTRY,
                    "the catalogue has no entry for " + what + " under '" + k.definition().name() + "'");
        }
        int layer = speaking.stream().mapToInt(Layered::layer).max().orElseThrow();
        List<PermissionEntry> deciding = speaking.stream().filter(r -> r.layer() == layer).map(Layered::row).toList();
        List<PermissionEntry> allowing = deciding.stream().filter(e -> e.allow().contains(permission)).toList();
        List<PermissionEntry> denying = deciding.stream().filter(e -> e.deny().contains(permission)).toList();
        return decide(k, what, allowing, denying, PermissionEntry::confidence, PermissionEntry::source,
                PermissionEntry::note, e -> e.location().toString(), layer > 0);
    }

    private static <E> Answer decide(Known k, String what, List<E> allowing, List<E> denying,
                                     Function<E, Confidence> confidence, Function<E, String> source,
                                     Function<E, String> note, Function<E, String> where, boolean team) {
        String name = k.definition().name();
        if (!allowing.isEmpty() && !denying.isEmpty()) {
            List<String> sources = distinct(concat(allowing, denying).stream().map(source).toList());
            return new Answer(LicenseVerdict.Outcome.UNKNOWN, null, LicenseVerdict.Reason.CONFLICT, sources, null,
                    "entries for '" + name + "' disagree on " + what + " (" + where.apply(allowing.get(0)) + " allows, "
                            + where.apply(denying.get(0)) + " denies)", null);
        }
        boolean allowed = !allowing.isEmpty();
        List<E> rows = allowed ? allowing : denying;
        Confidence best = rows.stream().map(confidence).min(Comparator.naturalOrder()).orElseThrow();
        List<String> sources = distinct(rows.stream().map(source).toList());
        String rowNote = rows.stream().map(note).filter(Objects::nonNull).distinct().collect(Collectors.joining(" "));
        LicenseVerdict.Outcome outcome = allowed ? LicenseVerdict.Outcome.ALLOWED : LicenseVerdict.Outcome.DENIED;
        String teamRow = team ? where.apply(rows.get(0)) : null;
        if (!best.isActionable()) {
            return new Answer(outcome, best, LicenseVerdict.Reason.LOW_CONFIDENCE, sources, rowNote.isEmpty() ? null : rowNote,
                    "only a low-confidence entry says '" + name + "' " + (allowed ? "allows " : "cannot grant ") + what,
                    teamRow);
        }
        return new Answer(outcome, best, null, sources, rowNote.isEmpty() ? null : rowNote, null, teamRow);
    }

    private static <E> List<E> concat(List<E> a, List<E> b) {
        List<E> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> distinct(List<String> in) {
        return in.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** A held license: the name as held, what the catalogue knows of it (null: nothing) and its answer. */
    private record Part(String heldAs, Known known, Answer answer, boolean psl) {
        String name() {
            return known != null ? known.definition().name() : heldAs;
        }
    }

    private LicenseVerdict combine(HeldLicenses held, Function<Known, Answer> ask, String what) {
        List<Part> parts = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        String userLicense = held == null ? null : held.userLicense();
        Optional<Known> userKnown = findKnown(userLicense);
        if (userLicense == null || userLicense.isBlank()) {
            parts.add(new Part("(unknown)", null, Answer.unknown(LicenseVerdict.Reason.USER_LICENSE_UNKNOWN,
                    "the user's license is not known (no profile, or its file has no <userLicense>)"), false));
        } else if (userKnown.isEmpty()) {
            parts.add(new Part(userLicense, null, Answer.unknown(LicenseVerdict.Reason.LICENSE_NOT_IN_CATALOGUE,
                    "the license '" + userLicense + "' is not in the catalogue"
                            + Suggestions.nearest(userLicense, allNames(), 3).map(n -> " (did you mean '" + n + "'?)")
                            .orElse("")), false));
        } else {
            parts.add(new Part(userLicense, userKnown.get(), ask.apply(userKnown.get()), false));
        }
        for (String psl : held == null ? List.<String>of() : held.permissionSetLicenses()) {
            Optional<Known> k = findKnown(psl);
            if (k.isEmpty()) {
                parts.add(new Part(psl, null, Answer.unknown(LicenseVerdict.Reason.PSL_NOT_IN_CATALOGUE,
                        "the permission set license '" + psl + "' is not in the catalogue and may extend the user license"),
                        true));
                continue;
            }
            LicenseDefinition d = k.get().definition();
            if (d.kind() == LicenseDefinition.Kind.USER_LICENSE) {
                leftOut.add("'" + psl + "' is a user license, not a permission set license");
                continue;
            }
            if (userKnown.isPresent() && !d.extendsLicenses().isEmpty()
                    && d.extendsLicenses().stream().noneMatch(e -> sameLicense(e, userLicense))) {
                leftOut.add("'" + d.name() + "' can only be assigned with " + String.join(" or ", d.extendsLicenses())
                        + ", not with " + userKnown.get().definition().name());
                continue;
            }
            parts.add(new Part(psl, k.get(), ask.apply(k.get()), true));
        }
        String leftOutNote = leftOut.isEmpty() ? "" : "Not counted: " + String.join("; ", leftOut) + ".";

        // Allowed: the first license (user license first) that allows with actionable confidence.
        for (Part p : parts) {
            if (p.answer().allows()) {
                return new LicenseVerdict(LicenseVerdict.Outcome.ALLOWED, p.answer().confidence(), p.name(),
                        p.answer().sources(), join(p.answer().note(), leftOutNote), null, p.answer().teamRow());
            }
        }
        // Denied: every counted license denies with actionable confidence; as sure as the least sure of them.
        if (parts.stream().allMatch(p -> p.answer().denies())) {
            Confidence weakest = parts.stream().map(p -> p.answer().confidence()).max(Comparator.naturalOrder())
                    .orElseThrow();
            List<String> sources = distinct(parts.stream().flatMap(p -> p.answer().sources().stream()).toList());
            String by = parts.stream().map(Part::name).collect(Collectors.joining(" + "));
            String notes = parts.stream().map(p -> p.answer().note()).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(" "));
            String teamRow = parts.stream().map(p -> p.answer().teamRow()).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            return new LicenseVerdict(LicenseVerdict.Outcome.DENIED, weakest, by, sources,
                    join(notes.isEmpty() ? null : notes, leftOutNote), null, teamRow);
        }
        return unknownVerdict(parts, what, leftOutNote);
    }

    private static LicenseVerdict unknownVerdict(List<Part> parts, String what, String leftOutNote) {
        List<Part> open = parts.stream().filter(p -> !p.answer().allows() && !p.answer().denies()).toList();
        LicenseVerdict.Reason reason = open.get(0).answer().reason();
        StringBuilder note = new StringBuilder("Cannot tell whether ");
        note.append(parts.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(" + ")));
        note.append(" can grant ").append(what).append(": ");
        note.append(open.stream().map(p -> p.answer().detail()).collect(Collectors.joining("; ")));
        List<String> decided = parts.stream().filter(p -> p.answer().denies())
                .map(p -> "'" + p.name() + "' cannot (" + p.answer().confidence().keyword() + ")").toList();
        if (!decided.isEmpty()) {
            note.append("; ").append(String.join(", ", decided));
        }
        note.append(".");
        if (!leftOutNote.isEmpty()) {
            note.append(' ').append(leftOutNote);
        }
        Confidence confidence = reason == LicenseVerdict.Reason.LOW_CONFIDENCE ? Confidence.LOW : null;
        List<String> sources = distinct(parts.stream().flatMap(p -> p.answer().sources().stream()).toList());
        return new LicenseVerdict(LicenseVerdict.Outcome.UNKNOWN, confidence, null, sources, note.toString(), reason);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }
}
