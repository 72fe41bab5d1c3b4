package dev.sfapi.declaration;

import dev.sfapi.yaml.YamlLocation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * "This integration reads/edits this field".
 *
 * @param object     the object part of {@code Object.Field}
 * @param field      the field part
 * @param operations read and/or edit
 * @param location   where the field's line is
 */
public record FieldRequirement(String object, String field, Set<FieldOperation> operations, YamlLocation location) {
    public FieldRequirement {
        // Enum order (read, edit) so reports list operations the same way every run.
        operations = operations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    /** {@code Object.Field}, the form metadata uses. */
    public String qualifiedName() {
        return object + "." + field;
    }
}
