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
 * Finds credentials written in plain text in the pom (this project's and its parents'): an
 * {@code sfapi.*} secret property, or a secret parameter in the plugin's configuration, in the build, its
 * plugin management, an execution or a profile. A value that is a {@code ${…}} reference (to an
 * environment variable or a settings property) is not plain text. Warnings name the parameter and the
 * file, never the value.
 */
final class PlainTextSecrets {

    static final String PLUGIN_ARTIFACT_ID = "sfapi-maven-plugin";

    private PlainTextSecrets() {
    }

    static List<String> find(MavenProject project) {
        List<String> warnings = new ArrayList<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model model = p.getOriginalModel();
            if (model == null) {
                continue;
            }
            String pom = describe(p.getFile());
            properties(model.getProperties(), pom, "", warnings);
            plugins(model.getBuild() == null ? List.of() : model.getBuild().getPlugins(), pom, "", warnings);
            if (model.getBuild() != null && model.getBuild().getPluginManagement() != null) {
                plugins(model.getBuild().getPluginManagement().getPlugins(), pom, "", warnings);
            }
            for (Profile profile : model.getProfiles()) {
                String where = " (profile '" + profile.getId() + "')";
                properties(profile.getProperties(), pom, where, warnings);
                if (profile.getBuild() != null) {
                    plugins(profile.getBuild().getPlugins(), pom, where, warnings);
                    if (profile.getBuild().getPluginManagement() != null) {
                        plugins(profile.getBuild().getPluginManagement().getPlugins(), pom, where, warnings);
                    }
                }
            }
        }
        return warnings;
    }

    private static void properties(Properties properties, String pom, String where, List<String> warnings) {
        if (properties == null) {
            return;
        }
        for (SettingKey key : SettingKey.values()) {
            if (key.isSecret() && isPlain(properties.getProperty(key.property()))) {
                warnings.add(warning(key, pom + " sets the property " + key.property() + where));
            }
        }
    }

    private static void plugins(List<Plugin> plugins, String pom, String where, List<String> warnings) {
        for (Plugin plugin : plugins) {
            if (!PLUGIN_ARTIFACT_ID.equals(plugin.getArtifactId())) {
                continue;
            }
            configuration(plugin.getConfiguration(), pom + " configures <" + "%s> of " + PLUGIN_ARTIFACT_ID + where,
                    warnings);
            for (PluginExecution execution : plugin.getExecutions()) {
                configuration(execution.getConfiguration(), pom + " configures <%s> of " + PLUGIN_ARTIFACT_ID
                        + " (execution '" + execution.getId() + "')" + where, warnings);
            }
        }
    }

    private static void configuration(Object configuration, String whereTemplate, List<String> warnings) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (SettingKey key : SettingKey.values()) {
            Xpp3Dom child = dom.getChild(key.parameterName());
            if (key.isSecret() && child != null && isPlain(child.getValue())) {
                warnings.add(warning(key, String.format(whereTemplate, key.parameterName())));
            }
        }
    }

    private static boolean isPlain(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    private static String warning(SettingKey key, String where) {
        return "sfapi: " + where + " in plain text: the " + key.parameterName() + " is a credential, and anyone who"
                + " can read the repository can use it. Put it in a settings.xml <server> (encrypted with"
                + " mvn --encrypt-password, element " + key.settingsXmlElement() + ") named by sfapi.serverId, or in"
                + " the environment variable " + key.envVar() + ", and remove it from the pom.";
    }

    private static String describe(File pom) {
        return pom == null ? "the pom" : pom.getName().equals("pom.xml") && pom.getParentFile() != null
                ? pom.getParentFile().getName() + "/pom.xml" : pom.toString();
    }
}
