package dev.sfapi.declaration;

import dev.sfapi.yaml.YamlLocation;
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
        operations = Set.copyOf(operations);
    }

    /** {@code Object.Field}, the form metadata uses. */
    public String qualifiedName() {
        return object + "." + field;
    }
}
