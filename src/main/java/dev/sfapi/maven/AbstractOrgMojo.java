package dev.sfapi.maven;

import dev.sfapi.ApiUserValidation;
import dev.sfapi.org.ConnectionSettings;
import dev.sfapi.org.OrgClient;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import dev.sfapi.yaml.YamlException;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal that can talk to an org shares: the declaration, and the connection settings as
 * plugin parameters / {@code -Dsfapi.*} properties, a settings.xml {@code <server>} and {@code SFAPI_*}
 * environment variables, highest precedence first.
 *
 * <p>Credentials are not parameters: Maven's debug output ({@code mvn -X}) prints every parameter's value
 * and the plugin configuration as written. They are read by property name instead
 * ({@link SecretProperties}): {@code -Dsfapi.accessToken=…}, a system property, or the pom's
 * {@code <properties>} (with a warning when written there in plain text); the recommended places are a
 * settings.xml {@code <server>} (encrypted) and the environment. A credential in the plugin's
 * {@code <configuration>} stops the build, because it would be ignored.
 *
 * <p>Failures map to Maven's two exceptions: a setting that is missing, malformed or contradictory
 * ({@link OrgException.Kind#CONFIGURATION}) is the user's to fix: {@link MojoFailureException}; the org
 * refusing the credentials, a missing permission, the API limit, the network: {@link MojoExecutionException}.
 */
abstract class AbstractOrgMojo extends AbstractMojo {

    /** Names the explicit settings layer in messages. */
    static final String EXPLICIT = "the plugin configuration / -Dsfapi.* properties";

    /** The project directory; relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /**
     * The declaration of the integrations: each one's user, objects, fields and system permissions,
     * plus who holds what ({@code users}) and any license catalogue additions ({@code licenses}).
     */
    @Parameter(property = "sfapi.declaration", defaultValue = "${project.basedir}/sfapi-users.yml")
    File declaration;

    /**
     * The id of a {@code <server>} in settings.xml holding the credentials: {@code <username>},
     * {@code <privateKey>} (key file), {@code <passphrase>}, {@code <password>}, and any other setting under
     * {@code <configuration>} by its name ({@code <clientId>}, {@code <clientSecret>}, {@code <authUrl>},
     * {@code <accessToken>}, {@code <securityToken>}, …). Values encrypted with
     * {@code mvn --encrypt-password} are decrypted.
     */
    @Parameter(property = "sfapi.serverId")
    String serverId;

    /**
     * How to log in: {@code jwt} (OAuth JWT bearer, recommended for CI), {@code client-credentials},
     * {@code sfdx-auth-url}, {@code access-token} or {@code soap-login} (legacy). Default: inferred from
     * the credential that is set.
     */
    @Parameter(property = "sfapi.authMethod")
    String authMethod;

    /** The login URL: https://login.salesforce.com (default), https://test.salesforce.com for a sandbox. */
    @Parameter(property = "sfapi.loginUrl")
    String loginUrl;

    /** The org's My Domain URL (https://yourdomain.my.salesforce.com); needed for client credentials and tokens. */
    @Parameter(property = "sfapi.instanceUrl")
    String instanceUrl;

    /** The consumer key of the connected app or External Client App (JWT, client credentials). */
    @Parameter(property = "sfapi.clientId")
    String clientId;

    /** The username to connect as (JWT, legacy SOAP login). */
    @Parameter(property = "sfapi.username")
    String username;

    /**
     * The PEM private key file whose certificate is uploaded to the app (JWT); relative to the project.
     * Its passphrase, if any, is a credential: settings.xml {@code <passphrase>}, SFAPI_PRIVATE_KEY_PASSPHRASE
     * or {@code -Dsfapi.privateKeyPassphrase}.
     */
    @Parameter(property = "sfapi.privateKeyFile")
    String privateKeyFile;

    /** The API version of the REST queries (default 62.0; the Metadata API always speaks 62.0). */
    @Parameter(property = "sfapi.apiVersion")
    String apiVersion;

    /** Connect timeout in seconds (default 10). */
    @Parameter(property = "sfapi.connectTimeoutSeconds")
    String connectTimeoutSeconds;

    /** Read timeout in seconds (default 120). */
    @Parameter(property = "sfapi.readTimeoutSeconds")
    String readTimeoutSeconds;

    /** How often a call is retried after HTTP 503, an HTML maintenance page or a timeout (default 3). */
    @Parameter(property = "sfapi.maxRetries")
    String maxRetries;

    /** The first retry delay in milliseconds, doubled on each retry (default 1000). */
    @Parameter(property = "sfapi.retryBackoffMillis")
    String retryBackoffMillis;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** For the user and system properties holding credentials (-Dsfapi.accessToken=…). */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** The environment, looked up lazily; tests replace it. */
    Function<String, String> environment = System::getenv;

    private boolean unresolvedWarned;

    /**
     * The plugin parameters, -Dsfapi.* properties and the credentials read by property name, as the highest
     * settings layer. A credential the pom gives as a {@code ${env.X}} that didn't resolve counts as unset,
     * with a warning: a pom written for CI must still validate from the metadata on a laptop.
     */
    SettingLayer explicitSettings() {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.AUTH_METHOD, authMethod);
        v.put(SettingKey.LOGIN_URL, loginUrl);
        v.put(SettingKey.INSTANCE_URL, instanceUrl);
        v.put(SettingKey.CLIENT_ID, clientId);
        v.put(SettingKey.USERNAME, username);
        v.put(SettingKey.PRIVATE_KEY_FILE, privateKeyFile);
        v.put(SettingKey.API_VERSION, apiVersion);
        v.put(SettingKey.CONNECT_TIMEOUT, connectTimeoutSeconds);
        v.put(SettingKey.READ_TIMEOUT, readTimeoutSeconds);
        v.put(SettingKey.MAX_RETRIES, maxRetries);
        v.put(SettingKey.RETRY_BACKOFF, retryBackoffMillis);
        SecretProperties.Found secrets = SecretProperties.read(secretSources());
        if (!unresolvedWarned) {
            secrets.unresolved().forEach(u -> getLog().warn("sfapi: " + u));
            unresolvedWarned = true;
        }
        v.putAll(secrets.values());
        return SettingLayer.of(EXPLICIT, v, secrets.origins());
    }

    /** Where credentials are read by property name, highest precedence first (as Maven orders a parameter's). */
    List<SecretProperties.Source> secretSources() {
        List<SecretProperties.Source> sources = new ArrayList<>();
        if (session != null) {
            sources.add(SecretProperties.userProperties(session.getUserProperties()));
            sources.add(SecretProperties.systemProperties(session.getSystemProperties()));
        }
        if (project != null) {
            sources.add(SecretProperties.projectProperties(project.getProperties()));
        }
        return sources;
    }

    /** Whether an org is configured: a settings.xml server named, or a credential in the parameters or environment. */
    boolean orgConfigured() {
        if (serverId != null && !serverId.isBlank()) {
            return true;
        }
        SettingLayer explicit = explicitSettings();
        SettingLayer env = SettingLayer.environment(environment);
        for (SettingKey k : List.of(SettingKey.ACCESS_TOKEN, SettingKey.AUTH_URL, SettingKey.PRIVATE_KEY_FILE,
                SettingKey.CLIENT_SECRET, SettingKey.PASSWORD)) {
            if (explicit.has(k) || env.has(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops on a switch written as neither true nor false ({@code -Dsfapi.failOnError=ture}): Maven reads
     * anything but "true" as false, so a typo would quietly turn a failing CI build green.
     */
    void checkSwitches(String... properties) throws MojoFailureException {
        for (String name : properties) {
            for (Map.Entry<String, java.util.Properties> layer : switchLayers().entrySet()) {
                String value = layer.getValue() == null ? null : layer.getValue().getProperty(name);
                if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("true")
                        && !value.strip().equalsIgnoreCase("false") && !value.contains("${")) {
                    throw new MojoFailureException("sfapi: " + name + " is '" + value + "' " + layer.getKey()
                            + ", which Maven would read as false. Write " + name + "=true or " + name + "=false.");
                }
            }
        }
    }

    private Map<String, Properties> switchLayers() {
        Map<String, Properties> layers = new LinkedHashMap<>();
        layers.put("on the command line", session == null ? null : session.getUserProperties());
        layers.put("in the pom's properties", project == null ? null : project.getProperties());
        return layers;
    }

    /** Reads the declaration; a missing file or a mistake in it is the user's to fix. */
    ApiUserValidation.Inputs readDeclaration(ApiUserValidation validation) throws MojoFailureException,
            MojoExecutionException {
        try {
            return validation.readDeclaration(declaration.toPath());
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("sfapi: no declaration at " + declaration + ". Create sfapi-users.yml in the"
                    + " project directory listing each integration, its user and the objects it touches (see the"
                    + " README), or point sfapi.declaration at it.");
        } catch (YamlException e) {
            throw new MojoFailureException("sfapi: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("sfapi: cannot read " + declaration + ": " + e.getMessage(), e);
        }
    }

    /**
     * Warns about every credential written in plain text in the pom's properties (whatever the goal then
     * does), and stops on one in the plugin configuration, where it would be ignored.
     */
    void checkSecretsInPom() throws MojoFailureException {
        if (project == null) {
            return;
        }
        SecretsInPom found = SecretsInPom.find(project);
        found.warnings().forEach(getLog()::warn);
        if (!found.errors().isEmpty()) {
            throw new MojoFailureException(String.join("\n", found.errors()));
        }
    }

    /** Resolves the settings (parameters, settings.xml server, environment; Maven's proxy) and connects. */
    OrgClient connect() throws MojoFailureException, MojoExecutionException {
        SettingLayer explicit = explicitSettings();
        ConnectionSettings connection;
        try {
            connection = new SettingsCredentials(settings == null ? new Settings() : settings, settingsDecrypter)
                    .resolve(explicit, serverId, environment)
                    .withBaseDirectory(baseDirectory.toPath());
        } catch (OrgException e) {
            connection = fail(e);
        }
        OrgClient.warningsFor(connection).forEach(w -> getLog().warn("sfapi: " + w));
        getLog().info("sfapi: connecting with " + connection.describe());
        Stream.concat(Stream.ofNullable(connection.loginUrl()),
                        connection.instanceUrl().stream())
                .filter(u -> "http".equals(u.getScheme())).findFirst()
                .ifPresent(u -> getLog().info("sfapi: " + u + " is plain http, which sfapi allows for loopback"
                        + " addresses only (a local stand-in); credentials sent there are not encrypted."));
        getLog().debug("sfapi: " + connection.authMethod().label() + " because " + connection.methodReason());
        connection.unusedSettings().forEach(s -> getLog().debug("sfapi: set but not used by this method: " + s));
        try {
            return OrgClient.connect(connection);
        } catch (OrgException e) {
            return fail(e);
        }
    }

    /** The org's API usage after the run, for whoever watches the daily limit. */
    void logApiUsage(OrgClient client) {
        client.rest().apiUsage().ifPresent(u -> getLog().debug("sfapi: " + u));
    }

    /**
     * Configuration mistakes are the user's to fix (failure); the rest are faults (execution exception).
     *
     * <p>The message is the {@link OrgException}'s alone, which already says what the libraries reported.
     * Maven's error line appends the message of every exception in the cause chain it doesn't contain yet,
     * and the class name of one without a message: a chain of JDK and force-wsc exceptions would end the
     * line with their raw text ("Failed to send request to …: Connection refused"), or with
     * "ScrubbedCause" where a credential had to be scrubbed. So the OrgException rides along as a
     * suppressed exception, which Maven's error line ignores; {@link #fail} also logs it at debug level,
     * because Maven 3.8's {@code -e} stack trace doesn't print suppressed exceptions.
     */
    static Exception toMojo(OrgException e) {
        String message = "sfapi: " + e.getMessage();
        Exception mapped = e.kind() == OrgException.Kind.CONFIGURATION
                ? new MojoFailureException(message)
                : new MojoExecutionException(message);
        mapped.addSuppressed(e);
        return mapped;
    }

    /** {@link #toMojo(OrgException)} thrown with its checked type; the (scrubbed) causes go to the debug log. */
    <T> T fail(OrgException e) throws MojoFailureException, MojoExecutionException {
        if (e.getCause() != null) {
            getLog().debug("sfapi: what the failing call reported (credentials masked):", e);
        }
        Exception mapped = toMojo(e);
        if (mapped instanceof MojoFailureException f) {
            throw f;
        }
        throw (MojoExecutionException) mapped;
    }

    Path base() {
        return baseDirectory.toPath();
    }
}
