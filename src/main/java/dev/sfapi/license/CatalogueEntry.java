package dev.sfapi.license;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.YamlLocation;
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
        allow = Set.copyOf(allow);
        deny = Set.copyOf(deny);
    }
}
