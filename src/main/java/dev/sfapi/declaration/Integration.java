package dev.sfapi.declaration;

import dev.sfapi.yaml.YamlLocation;
import java.util.List;

/**
 * One outside system and what it does in the org through its user.
 *
 * @param name        unique name (erp-sync)
 * @param user        the Salesforce username it logs in as
 * @param description free text for people, may be null
 * @param objects     object requirements in declaration order
 * @param fields      field requirements in declaration order
 * @param permissions system permissions in declaration order
 * @param location    where the integration starts in the file
 */
public record Integration(String name, String user, String description,
                          List<ObjectRequirement> objects, List<FieldRequirement> fields,
                          List<PermissionRequirement> permissions, YamlLocation location) {
    public Integration {
        objects = List.copyOf(objects);
        fields = List.copyOf(fields);
        permissions = List.copyOf(permissions);
    }
}
