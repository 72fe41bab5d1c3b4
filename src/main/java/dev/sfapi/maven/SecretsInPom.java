package dev.sfapi.maven;

import dev.sfapi.org.SettingKey;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds credentials in the pom (this project's and its parents', as written): an {@code sfapi.*} secret
 * property in plain text (a warning: it works, but anyone who can read the repository can use it), and
 * a secret in the plugin's {@code <configuration>}, in the build, its plugin management, an execution or
 * a profile (an error: secrets are not plugin parameters, see {@link SecretProperties}, so the plugin
 * would never read it). A property value that is a {@code ${…}} reference is not plain text. Messages name
 * the setting and the file, never the value.
 *
 * @param warnings one sentence per plain-text secret property
 * @param errors   one sentence per secret in the plugin configuration
 */
record SecretsInPom(List<String> warnings, List<String> errors) {

    static final String PLUGIN_ARTIFACT_ID = "sfapi-maven-plugin";

    static SecretsInPom find(MavenProject project) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model model = p.getOriginalModel();
            if (model == null) {
                continue;
            }
            String pom = describe(p.getFile());
            properties(model.getProperties(), pom, "", warnings);
            plugins(model.getBuild() == null ? List.of() : model.getBuild().getPlugins(), pom, "", errors);
            if (model.getBuild() != null && model.getBuild().getPluginManagement() != null) {
                plugins(model.getBuild().getPluginManagement().getPlugins(), pom, "", errors);
            }
            for (Profile profile : model.getProfiles()) {
                String where = " (profile '" + profile.getId() + "')";
                properties(profile.getProperties(), pom, where, warnings);
                if (profile.getBuild() != null) {
                    plugins(profile.getBuild().getPlugins(), pom, where, errors);
                    if (profile.getBuild().getPluginManagement() != null) {
                        plugins(profile.getBuild().getPluginManagement().getPlugins(), pom, where, errors);
                    }
                }
            }
        }
        return new SecretsInPom(List.copyOf(warnings), List.copyOf(errors));
    }

    private static void properties(Properties properties, String pom, String where, List<String> warnings) {
        if (properties == null) {
            return;
        }
        for (SettingKey key : SettingKey.values()) {
            if (key.isSecret() && isPlain(properties.getProperty(key.property()))) {
                warnings.add("sfapi: " + pom + " sets the property " + key.property() + where + " in plain text: the "
                        + key.parameterName() + " is a credential, and anyone who can read the repository can use it. "
                        + safePlaces(key) + ", and remove it from the pom.");
            }
        }
    }

    private static void plugins(List<Plugin> plugins, String pom, String where, List<String> errors) {
        for (Plugin plugin : plugins) {
            if (!PLUGIN_ARTIFACT_ID.equals(plugin.getArtifactId())) {
                continue;
            }
            configuration(plugin.getConfiguration(), pom + " configures <%s> of " + PLUGIN_ARTIFACT_ID + where,
                    errors);
            for (PluginExecution execution : plugin.getExecutions()) {
                configuration(execution.getConfiguration(), pom + " configures <%s> of " + PLUGIN_ARTIFACT_ID
                        + " (execution '" + execution.getId() + "')" + where, errors);
            }
        }
    }

    private static void configuration(Object configuration, String whereTemplate, List<String> errors) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (SettingKey key : SettingKey.values()) {
            Xpp3Dom child = dom.getChild(key.parameterName());
            if (key.isSecret() && child != null) {
                errors.add("sfapi: " + String.format(whereTemplate, key.parameterName()) + ", but the "
                        + key.parameterName() + " is a credential and no plugin parameter (Maven's debug output,"
                        + " mvn -X, prints every parameter's value), so it is not read from there"
                        + (isPlain(child.getValue()) ? "; in plain text there, anyone who can read the repository"
                        + " can use it" : "") + ". " + safePlaces(key) + " (or pass -D" + key.property()
                        + "), and remove it from the plugin configuration.");
            }
        }
    }

    private static String safePlaces(SettingKey key) {
        return "Put it in a settings.xml <server> (encrypted with mvn --encrypt-password, element "
                + key.settingsXmlElement() + ") named by sfapi.serverId, or in the environment variable "
                + key.envVar();
    }

    private static boolean isPlain(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    private static String describe(File pom) {
        return pom == null ? "the pom" : pom.getName().equals("pom.xml") && pom.getParentFile() != null
                ? pom.getParentFile().getName() + "/pom.xml" : pom.toString();
    }
}
