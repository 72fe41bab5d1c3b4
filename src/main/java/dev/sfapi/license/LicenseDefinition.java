package dev.sfapi.license;

import dev.sfapi.yaml.YamlLocation;
import java.util.List;

/**
 * A user license or permission set license the catalogue knows, with every name it goes by and the
 * rows saying what it reaches.
 *
 * @param name            the canonical name: UserLicense.Name ("Salesforce Platform") or PSL developer name
 *                        ("SalesforceAPIIntegrationPsl")
 * @param kind            user license or permission set license; null only in a declaration's
 *                        {@code licenses} block that adds to a license the built-in catalogue defines
 * @param aliases         other names seen for it: labels, LicenseDefinitionKey, marketing names
 * @param extendsLicenses for a PSL, the user licenses it can be assigned with (empty = any)
 * @param note            one line for people, may be null
 * @param objects         object rows
 * @param permissions     system permission rows
 * @param location        where it was defined
 */
public record LicenseDefinition(String name, Kind kind, List<String> aliases, List<String> extendsLicenses,
                                String note, List<CatalogueEntry> objects, List<PermissionEntry> permissions,
                                YamlLocation location) {

    public enum Kind { USER_LICENSE, PERMISSION_SET_LICENSE }

    public LicenseDefinition {
        aliases = List.copyOf(aliases);
        extendsLicenses = List.copyOf(extendsLicenses);
        objects = List.copyOf(objects);
        permissions = List.copyOf(permissions);
    }

    /** True when {@code candidate} is this license's name or one of its aliases (case-insensitive). */
    public boolean isNamed(String candidate) {
        if (candidate == null) {
            return false;
        }
        String c = candidate.trim();
        if (name.equalsIgnoreCase(c)) {
            return true;
        }
        for (String a : aliases) {
            if (a.equalsIgnoreCase(c)) {
                return true;
            }
        }
        return false;
    }
}
