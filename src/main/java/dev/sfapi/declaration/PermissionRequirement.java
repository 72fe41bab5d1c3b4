package dev.sfapi.declaration;

import dev.sfapi.yaml.YamlLocation;

/**
 * A system (user) permission the integration relies on, by API name: ApiEnabled, ViewSetup, …
 */
public record PermissionRequirement(String name, YamlLocation location) {
}
