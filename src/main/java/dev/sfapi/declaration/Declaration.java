package dev.sfapi.declaration;

import dev.sfapi.license.LicenseDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole declaration file: integrations, who holds what, and the team's license catalogue additions.
 * Read it with {@link DeclarationReader}, which documents the file's shape.
 *
 * @param source       the file it was read from (for messages)
 * @param integrations in file order; names unique (ignoring case)
 * @param users        by username as written, in file order; usernames unique ignoring case
 * @param licenses     license definitions from the {@code licenses} section that add to or override the
 *                     built-in catalogue (see {@code LicenseCatalogue#withAdditions})
 */
public record Declaration(String source, List<Integration> integrations, Map<String, DeclaredUser> users,
                          List<LicenseDefinition> licenses) {
    public Declaration {
        integrations = List.copyOf(integrations);
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        licenses = List.copyOf(licenses);
    }

    /**
     * The {@code users} entry for a username. Salesforce usernames are not case-sensitive, so neither is
     * this look-up: an integration's {@code user: ERP.Integration@acme.example} finds the entry written
     * {@code erp.integration@acme.example}.
     */
    public Optional<DeclaredUser> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        DeclaredUser exact = users.get(username);
        if (exact != null) {
            return Optional.of(exact);
        }
        String wanted = username.trim();
        return users.values().stream().filter(u -> u.username().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The integrations that log in as this user (ignoring case), in file order. */
    public List<Integration> integrationsOf(String username) {
        return integrations.stream().filter(i -> i.user().equalsIgnoreCase(username.trim())).toList();
    }

    /** The integration with this name (ignoring case). */
    public Optional<Integration> integration(String name) {
        return integrations.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
    }
}
