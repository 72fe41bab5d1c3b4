package dev.sfapi.license;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.YamlLocation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One row of the license catalogue: for a user license or permission set license and a set of objects,
 * which operations the license lets a permission grant ({@code allow}) and which it can never grant
 * ({@code deny}), how sure we are, and where that comes from. Operations in neither set are unknown.
 *
 * @param license    user license name or PSL developer name/label, as in {@link LicenseDefinition}
 * @param objects    the objects the row speaks for
 * @param allow      operations the license can grant on them
 * @param deny       operations the license can never grant on them
 * @param confidence how sure we are
 * @param source     a URL (or a short citation) a person can check
 * @param note       one line for the report ("needs the Marketing User feature license"), may be null
 * @param location   where the row was written (resource or declaration file)
 */
public record CatalogueEntry(String license, ObjectScope objects, Set<Operation> allow, Set<Operation> deny,
                             Confidence confidence, String source, String note, YamlLocation location) {
    public CatalogueEntry {
        allow = ordered(allow);
        deny = ordered(deny);
    }

    /** Enum order, so messages and reports list operations the same way every run. */
    private static Set<Operation> ordered(Set<Operation> ops) {
        return ops.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(ops));
    }

    /** What the row lets a permission grant, with what those operations require (edit allowed ⇒ read allowed). */
    public Set<Operation> effectiveAllow() {
        Set<Operation> out = EnumSet.noneOf(Operation.class);
        allow.forEach(o -> out.addAll(o.withRequired()));
        return out;
    }

    /** What the row rules out, with everything that depends on it (read denied ⇒ nothing at all). */
    public Set<Operation> effectiveDeny() {
        Set<Operation> out = EnumSet.noneOf(Operation.class);
        deny.forEach(o -> {
            out.add(o);
            out.addAll(o.dependents());
        });
        return out;
    }
}
