package dev.sfapi.org;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every connection setting, with the three names that can supply it: the {@code sfapi.*} property
 * (plugin parameter or {@code -D}), the element in the {@code settings.xml} {@code <server>} and the
 * environment variable. Error messages use these names so a reader knows exactly what to set.
 *
 * <p>A {@linkplain #isSecret() secret} has a property but is no plugin parameter: Maven's debug output
 * ({@code mvn -X}) prints every parameter's value.
 */
public enum SettingKey {

    AUTH_METHOD("authMethod", "SFAPI_AUTH_METHOD", null, false,
            "the authentication method (" + String.join(", ", AuthMethod.ids()) + ")"),
    LOGIN_URL("loginUrl", "SFAPI_LOGIN_URL", null, false,
            "the login URL (https://login.salesforce.com, or https://test.salesforce.com for a sandbox)"),
    INSTANCE_URL("instanceUrl", "SFAPI_INSTANCE_URL", null, false,
            "the org's My Domain URL (https://yourdomain.my.salesforce.com)"),
    CLIENT_ID("clientId", "SFAPI_CLIENT_ID", null, false,
            "the consumer key of the connected app or External Client App"),
    CLIENT_SECRET("clientSecret", "SFAPI_CLIENT_SECRET", null, true,
            "the consumer secret of the connected app or External Client App"),
    USERNAME("username", "SFAPI_USERNAME", "username", false, "the Salesforce username to connect as"),
    PRIVATE_KEY_FILE("privateKeyFile", "SFAPI_PRIVATE_KEY_FILE", "privateKey", false,
            "the PEM private key file whose certificate is uploaded to the app"),
    PRIVATE_KEY_PASSPHRASE("privateKeyPassphrase", "SFAPI_PRIVATE_KEY_PASSPHRASE", "passphrase", true,
            "the passphrase of an encrypted private key file"),
    AUTH_URL("authUrl", "SFAPI_AUTH_URL", null, true,
            "the SFDX auth URL (force://…, from sf org auth show-sfdx-auth-url)"),
    ACCESS_TOKEN("accessToken", "SFAPI_ACCESS_TOKEN", null, true,
            "an access token (from sf org auth show-access-token)"),
    PASSWORD("password", "SFAPI_PASSWORD", "password", true, "the user's password (legacy SOAP login)"),
    SECURITY_TOKEN("securityToken", "SFAPI_SECURITY_TOKEN", null, true,
            "the user's security token (legacy SOAP login)"),
    API_VERSION("apiVersion", "SFAPI_API_VERSION", null, false, "the API version (default 62.0)"),
    CONNECT_TIMEOUT("connectTimeoutSeconds", "SFAPI_CONNECT_TIMEOUT_SECONDS", null, false,
            "the connect timeout in seconds (default 10)"),
    READ_TIMEOUT("readTimeoutSeconds", "SFAPI_READ_TIMEOUT_SECONDS", null, false,
            "the read timeout in seconds (default 120)"),
    MAX_RETRIES("maxRetries", "SFAPI_MAX_RETRIES", null, false,
            "how often a call is retried after 503s and timeouts (default 3)"),
    RETRY_BACKOFF("retryBackoffMillis", "SFAPI_RETRY_BACKOFF_MILLIS", null, false,
            "the first retry delay in milliseconds, doubled on each retry (default 1000)");

    private final String name;
    private final String envVar;
    private final String serverElement;
    private final boolean secret;
    private final String description;

    SettingKey(String name, String envVar, String serverElement, boolean secret, String description) {
        this.name = name;
        this.envVar = envVar;
        this.serverElement = serverElement;
        this.secret = secret;
        this.description = description;
    }

    /** The plugin parameter name; also the {@code <configuration>} child of a settings.xml server. */
    public String parameterName() {
        return name;
    }

    /** The user property, {@code sfapi.clientId}. */
    public String property() {
        return "sfapi." + name;
    }

    public String envVar() {
        return envVar;
    }

    /**
     * Where a settings.xml {@code <server>} holds it: one of Maven's own server elements
     * ({@code <username>}, {@code <password>}, {@code <privateKey>}, {@code <passphrase>}) or a child of
     * its {@code <configuration>}.
     */
    public String settingsXmlElement() {
        return serverElement != null ? "<" + serverElement + ">" : "<configuration><" + name + ">";
    }

    /** Maven's own server element for this key, if it has one. */
    public Optional<String> serverElement() {
        return Optional.ofNullable(serverElement);
    }

    /** Whether the value is a credential: wrapped in {@link Secret}, never printed, warned about in a pom. */
    public boolean isSecret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /**
     * "-Dsfapi.clientId (or the plugin parameter &lt;clientId&gt;), &lt;configuration&gt;&lt;clientId&gt; in the
     * settings.xml &lt;server&gt; …, or the environment variable SFAPI_CLIENT_ID". A secret is no plugin
     * parameter (Maven's debug output would print it), and its safe places come first.
     */
    public String howToSet() {
        if (secret) {
            return settingsXmlElement() + " in the settings.xml <server> named by sfapi.serverId (encrypted with "
                    + "mvn --encrypt-password), the environment variable " + envVar + ", or -D" + property();
        }
        return "-D" + property() + " (or the plugin parameter <" + name + ">), " + settingsXmlElement()
                + " in the settings.xml <server> named by sfapi.serverId, or the environment variable " + envVar;
    }

    /** The key whose {@code <configuration>} child name is {@code name} (exact match). */
    public static Optional<SettingKey> byParameterName(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }

    /** All {@code <configuration>} child names, for "did you mean" messages. */
    public static List<String> parameterNames() {
        return Arrays.stream(values()).map(SettingKey::parameterName).toList();
    }
}
