package dev.sfapi.access;

import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclaredUser;
import dev.sfapi.declaration.Integration;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.license.LicenseDefinition;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.Suggestions;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who holds what when no org is connected: the declaration's {@code users} section, checked against
 * the metadata source. Every integration's user must have an entry, and every profile, permission set
 * and group it names must exist in the metadata — otherwise the declaration is wrong, and the build
 * stops with the file, line and nearest existing name.
 */
public final class DeclaredSetups {

    private DeclaredSetups() {
    }

    /**
     * Resolves every integration user to a {@link UserSetup}.
     *
     * @return setups by username (case-insensitive keys)
     * @throws YamlException     listing every unresolvable reference, with locations and suggestions
     * @throws MetadataException when the metadata source cannot be read
     */
    public static Map<String, UserSetup> resolve(Declaration declaration, MetadataSource metadata,
                                                 LicenseCatalogue catalogue) throws YamlException, MetadataException {
        YamlFields problems = new YamlFields();
        Map<String, UserSetup> setups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // A user shared by several integrations is checked (and its mistakes reported) once.
        Set<String> checked = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Integration integration : declaration.integrations()) {
            if (!checked.add(integration.user())) {
                continue;
            }
            Optional<DeclaredUser> declared = declaration.user(integration.user());
            if (declared.isEmpty()) {
                problems.problem(integration.location(), "integration '" + integration.name() + "' runs as user '"
                                + integration.user() + "', but the users section has no entry for it.",
                        "Add it under 'users:' with its profile and permission sets, or connect an org "
                                + "(see the README) so the plugin reads them from there."
                                + nearestUser(integration.user(), declaration));
                continue;
            }
            UserSetup setup = check(declared.get(), metadata, catalogue, problems);
            if (setup != null) {
                setups.put(integration.user(), setup);
            }
        }
        problems.throwIfAny();
        return setups;
    }

    private static String nearestUser(String username, Declaration declaration) {
        return Suggestions.nearest(username, declaration.users().keySet())
                .map(s -> " (Did you mean '" + s + "'?)")
                .orElse("");
    }

    private static UserSetup check(DeclaredUser user, MetadataSource metadata, LicenseCatalogue catalogue,
                                   YamlFields problems) throws MetadataException {
        int before = problems.problems().size();
        if (user.profile() == null) {
            problems.problem(user.location(), "user '" + user.username() + "' has no profile.",
                    "Every Salesforce user has exactly one: add 'profile: <name as Setup shows it>'.");
        } else if (metadata.profile(user.profile().value()).isEmpty()) {
            notFound(problems, user.profile(), MetadataKind.PROFILE, metadata);
        }
        for (Located<String> set : user.permissionSets()) {
            if (metadata.permissionSet(set.value()).isEmpty()) {
                notFound(problems, set, MetadataKind.PERMISSION_SET, metadata);
            }
        }
        for (Located<String> group : user.permissionSetGroups()) {
            if (metadata.permissionSetGroup(group.value()).isEmpty()) {
                notFound(problems, group, MetadataKind.PERMISSION_SET_GROUP, metadata);
            }
        }
        for (Located<String> psl : user.permissionSetLicenses()) {
            Optional<LicenseDefinition> known = catalogue.find(psl.value());
            if (known.isPresent() && known.get().kind() != LicenseDefinition.Kind.PERMISSION_SET_LICENSE) {
                problems.problem(psl.location(), "'" + psl.value() + "' is a user license, not a permission set license.",
                        "A user's license comes from its profile; list only permission set licenses here.");
            } else if (known.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (LicenseDefinition d : catalogue.definitions()) {
                    if (d.kind() == LicenseDefinition.Kind.PERMISSION_SET_LICENSE) {
                        names.add(d.name());
                        names.addAll(d.aliases());
                    }
                }
                Optional<String> near = Suggestions.nearest(psl.value(), names);
                if (near.isPresent()) {
                    problems.problem(psl.location(), "unknown permission set license '" + psl.value() + "'.",
                            "Did you mean '" + near.get() + "'?");
                }
                // Otherwise: a PSL the catalogue doesn't know (there are hundreds). It is kept, and any
                // license question it might change is reported as unverified rather than decided.
            }
        }
        if (problems.problems().size() > before || user.profile() == null) {
            return null;
        }
        return new UserSetup(user.username(), UserSetup.Status.ACTIVE, user.profile().value(), null,
                values(user.permissionSets()), values(user.permissionSetGroups()),
                values(user.permissionSetLicenses()), user.location().toString());
    }

    private static void notFound(YamlFields problems, Located<String> name, MetadataKind kind, MetadataSource metadata)
            throws MetadataException {
        Set<String> names = metadata.names(kind);
        String hint = Suggestions.nearest(name.value(), names)
                .map(s -> "Did you mean '" + s + "'?")
                .orElse("Check the name as Setup shows it, or add its " + kind.folder() + "/ file to the metadata source.");
        problems.problem(name.location(), "there is no " + kind.label() + " '" + name.value() + "' in "
                + metadata.describe() + ".", hint);
    }

    private static List<String> values(List<Located<String>> located) {
        return located.stream().map(Located::value).toList();
    }
}
