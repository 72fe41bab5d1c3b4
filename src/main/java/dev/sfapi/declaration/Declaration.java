package dev.sfapi.declaration;

import dev.sfapi.license.CatalogueEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole declaration file: integrations, who holds what, and the team's license catalogue additions.
 *
 * @param source       the file it was read from (for messages)
 * @param integrations in file order; names unique
 * @param users        by username, in file order
 * @param licenses     catalogue entries that add to or override the built-in catalogue
 */
public record Declaration(String source, List<Integration> integrations, Map<String, DeclaredUser> users,
                          List<CatalogueEntry> licenses) {
    public Declaration {
        integrations = List.copyOf(integrations);
        users = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(users));
        licenses = List.copyOf(licenses);
    }

    public Optional<DeclaredUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }
}
