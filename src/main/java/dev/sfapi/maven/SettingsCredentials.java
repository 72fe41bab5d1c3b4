package dev.sfapi.maven;

import dev.sfapi.org.ConnectionSettings;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.ProxySettings;
import dev.sfapi.org.Secret;
import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import dev.sfapi.yaml.Suggestions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads Salesforce credentials from Maven's settings.xml, decrypted with Maven's own
 * {@link SettingsDecrypter} (so {@code mvn --encrypt-password} values work), and the active proxy.
 *
 * <pre>{@code
 * <server>
 *   <id>sf-prod</id>
 *   <username>ci@acme.example</username>                 <!-- username -->
 *   <privateKey>${user.home}/.sf/server.key</privateKey>  <!-- privateKeyFile -->
 *   <passphrase>{encrypted}</passphrase>                   <!-- privateKeyPassphrase -->
 *   <password>{encrypted}</password>                       <!-- password (legacy SOAP login) -->
 *   <configuration>
 *     <clientId>3MVG9...</clientId>
 *     <loginUrl>https://test.salesforce.com</loginUrl>
 *     <clientSecret>{encrypted}</clientSecret>             <!-- any sfapi setting by its parameter name -->
 *   </configuration>
 * </server>
 * }</pre>
 *
 * <p>Precedence, highest first: plugin parameter or {@code -Dsfapi.*}, this server, the {@code SFAPI_*}
 * environment variables (see {@link ConnectionSettings}).
 */
public final class SettingsCredentials {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    public SettingsCredentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /**
     * Resolves the connection settings: {@code explicit} (plugin parameters / -D), then the settings.xml
     * server {@code serverId} (none when null or blank), then the environment looked up through
     * {@code env}; and the active Maven proxy.
     */
    public ConnectionSettings resolve(SettingLayer explicit, String serverId, Function<String, String> env)
            throws OrgException {
        ConnectionSettings resolved = ConnectionSettings.resolve(explicit, server(serverId),
                SettingLayer.environment(env));
        return resolved.withProxy(proxy().orElse(null));
    }

    /** The settings of the server {@code serverId}, decrypted; an empty layer when no id is given. */
    public SettingLayer server(String serverId) throws OrgException {
        if (serverId == null || serverId.isBlank()) {
            return SettingLayer.empty("settings.xml (no sfapi.serverId given)");
        }
        String source = "settings.xml server '" + serverId + "'";
        Server server = settings.getServer(serverId);
        if (server == null) {
            List<String> ids = settings.getServers().stream().map(Server::getId).toList();
            throw new OrgException(OrgException.Kind.CONFIGURATION, "sfapi.serverId is '" + serverId + "', but "
                    + "settings.xml has no <server> with that <id>. "
                    + Suggestions.didYouMean(serverId, ids, ids.isEmpty() ? "It defines no servers."
                            : "It defines: " + String.join(", ", ids) + ".")
                    + " Maven reads ~/.m2/settings.xml, or the file given with -s.");
        }
        Server decrypted = decrypt(server, source);
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        Map<SettingKey, String> where = new EnumMap<>(SettingKey.class);
        put(values, where, SettingKey.USERNAME, decrypted.getUsername(), "<username>", source);
        put(values, where, SettingKey.PASSWORD, decrypted.getPassword(), "<password>", source);
        put(values, where, SettingKey.PRIVATE_KEY_FILE, decrypted.getPrivateKey(), "<privateKey>", source);
        put(values, where, SettingKey.PRIVATE_KEY_PASSPHRASE, decrypted.getPassphrase(), "<passphrase>", source);
        if (decrypted.getConfiguration() instanceof Xpp3Dom configuration) {
            for (Xpp3Dom child : configuration.getChildren()) {
                SettingKey key = SettingKey.byParameterName(child.getName()).orElseThrow(() -> new OrgException(
                        OrgException.Kind.CONFIGURATION, "The <configuration> of " + source + " has an element <"
                        + child.getName() + "> that the plugin does not know. "
                        + Suggestions.didYouMean(child.getName(), SettingKey.parameterNames(), "Known elements: "
                        + String.join(", ", SettingKey.parameterNames()) + ".")));
                String value = child.getValue();
                if (key.isSecret() && value != null) {
                    value = decryptValue(server, value, source, child.getName());
                }
                put(values, where, key, value, "<configuration><" + child.getName() + ">", source);
            }
        }
        return SettingLayer.of(source, values);
    }

    /** The active proxy for https (or, failing that, for http), decrypted. */
    public Optional<ProxySettings> proxy() throws OrgException {
        List<Proxy> active = settings.getProxies().stream().filter(Proxy::isActive).toList();
        Optional<Proxy> chosen = active.stream().filter(p -> "https".equalsIgnoreCase(p.getProtocol())).findFirst()
                // Most corporate proxies tunnel https through an entry declared for http.
                .or(() -> active.stream().filter(p -> "http".equalsIgnoreCase(p.getProtocol())).findFirst());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Proxy proxy = chosen.get();
        String source = "settings.xml proxy '" + proxy.getId() + "'";
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        failOnProblems(result, source, "its <password>");
        Proxy p = result.getProxy() != null ? result.getProxy() : proxy;
        if (p.getHost() == null || p.getHost().isBlank()) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, source + " has no <host>.");
        }
        try {
            return Optional.of(new ProxySettings(p.getHost().trim(), p.getPort(), blankToNull(p.getUsername()),
                    Secret.ofNullable(p.getPassword()), ProxySettings.parseNonProxyHosts(p.getNonProxyHosts()),
                    proxy.getId()));
        } catch (IllegalArgumentException e) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, source + " is invalid: " + e.getMessage() + ".");
        }
    }

    private Server decrypt(Server server, String source) throws OrgException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnProblems(result, source, "its <password> or <passphrase>");
        return result.getServer() != null ? result.getServer() : server;
    }

    /**
     * Maven decrypts only {@code <password>} and {@code <passphrase>}; a secret written encrypted under
     * {@code <configuration>} is decrypted by handing it to the decrypter as a password.
     */
    private String decryptValue(Server server, String value, String source, String element) throws OrgException {
        Server carrier = new Server();
        carrier.setId(server.getId());
        carrier.setPassword(value);
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(carrier));
        failOnProblems(result, source, "its <configuration><" + element + ">");
        return result.getServer() != null ? result.getServer().getPassword() : value;
    }

    private static void failOnProblems(SettingsDecryptionResult result, String source, String what)
            throws OrgException {
        List<SettingsProblem> errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING).toList();
        if (!errors.isEmpty()) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, "Maven could not decrypt " + what + " in "
                    + source + ": " + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + ". Check ~/.m2/settings-security.xml (the master password) and re-encrypt the value with "
                    + "mvn --encrypt-password.");
        }
    }

    private static void put(Map<SettingKey, String> values, Map<SettingKey, String> where, SettingKey key,
                            String value, String element, String source) throws OrgException {
        if (value == null || value.isBlank()) {
            return;
        }
        if (values.containsKey(key)) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, source + " sets " + key.parameterName()
                    + " twice, in " + where.get(key) + " and in " + element + ". Keep one.");
        }
        values.put(key, value);
        where.put(key, element);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
