package dev.sfapi.declaration;

import dev.sfapi.yaml.YamlLocation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * "This integration performs these operations on this object", as declared.
 *
 * @param object     object API name as written (Account, Invoice__c, ns__Thing__c)
 * @param operations the declared operations (never empty)
 * @param location   where the object's line is in the declaration
 */
public record ObjectRequirement(String object, Set<Operation> operations, YamlLocation location) {
    public ObjectRequirement {
        // Enum order (read, create, …) so reports list operations the same way every run.
        operations = operations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }
}
