package dev.sfapi.maven;

import dev.sfapi.org.SettingKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the secret settings ({@link SettingKey#isSecret()}: clientSecret, privateKeyPassphrase, authUrl,
 * accessToken, password, securityToken) by their {@code sfapi.*} property names.
 *
 * <p>They are deliberately not plugin parameters. With {@code mvn -X}, Maven logs the value of every
 * parameter it injects ({@code [DEBUG]   (f) accessToken = 00D…!…}, printed with {@code toString()}) and
 * the execution's configuration as written in the pom; a credential must never be printed. Reading the
 * properties here keeps them out of both.
 *
 * <p>Sources, highest precedence first, in the order Maven gives a parameter's property: the user
 * properties ({@code -Dsfapi.accessToken=…}), the system properties ({@code MAVEN_OPTS},
 * {@code .mvn/jvm.config}), the project's properties (the pom's {@code <properties>}, interpolated, so
 * {@code ${env.X}} works, and one that didn't resolve counts as unset; a plain value there is warned
 * about by {@link SecretsInPom}).
 */
final class SecretProperties {

    /**
     * A set of properties, and how to name one of them in messages.
     *
     * @param properties   the properties (null counts as empty)
     * @param naming       a format taking the property name: "-D%s"
     * @param interpolated whether Maven interpolated the values (the pom's), so a {@code ${…}} left in one
     *                     is a reference that did not resolve rather than part of a password
     */
    record Source(Properties properties, String naming, boolean interpolated) {

        String origin(SettingKey key) {
            return String.format(naming, key.property());
        }
    }

    /**
     * What was found.
     *
     * @param values     the secret values by key
     * @param origins    where each came from ("-Dsfapi.accessToken"), for messages
     * @param unresolved one sentence per pom value that is still a {@code ${…}} reference (left out of
     *                   {@code values})
     */
    record Found(Map<SettingKey, String> values, Map<SettingKey, String> origins, List<String> unresolved) {
    }

    private SecretProperties() {
    }

    static Source userProperties(Properties p) {
        return new Source(p, "-D%s", false);
    }

    static Source systemProperties(Properties p) {
        return new Source(p, "the system property %s", false);
    }

    static Source projectProperties(Properties p) {
        return new Source(p, "the property %s of the pom", true);
    }

    static Found read(List<Source> sources) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        Map<SettingKey, String> origins = new EnumMap<>(SettingKey.class);
        List<String> unresolved = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            if (!key.isSecret()) {
                continue;
            }
            for (Source source : sources) {
                String value = source.properties() == null ? null : source.properties().getProperty(key.property());
                if (value == null || value.isBlank()) {
                    continue;
                }
                String origin = source.origin(key);
                if (source.interpolated() && value.matches("(?s).*\\$\\{[^}]+}.*")) {
                    // Maven leaves a reference it can't resolve as it is. The value itself is not shown: a
                    // password may contain "${" too.
                    unresolved.add(origin + " holds a ${…} reference that Maven could not resolve (for ${env.NAME}:"
                            + " is the environment variable set?), so it is not used.");
                } else {
                    values.put(key, value);
                    origins.put(key, origin);
                }
                break;
            }
        }
        return new Found(values, origins, unresolved);
    }
}
