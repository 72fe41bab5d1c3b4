package dev.sfapi.org;

import dev.sfapi.yaml.Suggestions;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything needed to connect to an org, resolved from {@link SettingLayer}s.
 *
 * <h2>Precedence</h2>
 * Each setting is taken from the first layer that sets it; the mojo passes the layers in the order
 * plugin parameter / {@code -Dsfapi.*} &gt; settings.xml {@code <server>} &gt; {@code SFAPI_*} environment.
 *
 * <h2>Choosing the authentication method</h2>
 * {@code authMethod} when set. Otherwise it is inferred from the highest-precedence layer that holds a
 * credential, looking in this order: {@code accessToken} → access token; {@code authUrl} → SFDX auth
 * URL; {@code privateKeyFile} → JWT bearer; {@code clientSecret} → client credentials; {@code password}
 * → SOAP login (legacy). Looking layer by layer means a credential written in the build configuration
 * beats a stale one lying in the environment.
 */
public final class ConnectionSettings {

    public static final URI PRODUCTION_LOGIN_URL = URI.create("https://login.salesforce.com");
    public static final URI SANDBOX_LOGIN_URL = URI.create("https://test.salesforce.com");
    public static final String DEFAULT_API_VERSION = "62.0";

    private static final List<SettingKey> CREDENTIAL_ORDER = List.of(SettingKey.ACCESS_TOKEN, SettingKey.AUTH_URL,
            SettingKey.PRIVATE_KEY_FILE, SettingKey.CLIENT_SECRET, SettingKey.PASSWORD);
    private static final Map<AuthMethod, SettingKey> CREDENTIAL_OF = Map.of(
            AuthMethod.ACCESS_TOKEN, SettingKey.ACCESS_TOKEN, AuthMethod.SFDX_AUTH_URL, SettingKey.AUTH_URL,
            AuthMethod.JWT_BEARER, SettingKey.PRIVATE_KEY_FILE, AuthMethod.CLIENT_CREDENTIALS,
            SettingKey.CLIENT_SECRET, AuthMethod.SOAP_LOGIN, SettingKey.PASSWORD);
    private static final Set<SettingKey> ALWAYS_USED = EnumSet.of(SettingKey.AUTH_METHOD, SettingKey.API_VERSION,
            SettingKey.CONNECT_TIMEOUT, SettingKey.READ_TIMEOUT, SettingKey.MAX_RETRIES, SettingKey.RETRY_BACKOFF);

    private final AuthMethod authMethod;
    private final String methodReason;
    private final Map<SettingKey, String> values;
    private final Map<SettingKey, String> origins;
    private final URI loginUrl;
    private final URI instanceUrl;
    /** Where an SFDX auth URL's refresh token is exchanged (its host); null for the other methods. */
    private final URI authUrlHost;
    private final String apiVersion;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final ProxySettings proxy;
    private final Path baseDirectory;
    private final javax.net.ssl.SSLContext sslContext;

    private ConnectionSettings(Resolver r, ProxySettings proxy) {
        this.authMethod = r.method;
        this.methodReason = r.methodReason;
        this.values = r.values;
        this.origins = r.origins;
        this.loginUrl = r.loginUrl;
        this.instanceUrl = r.instanceUrl;
        this.authUrlHost = r.authUrlHost;
        this.apiVersion = r.apiVersion;
        this.connectTimeout = r.connectTimeout;
        this.readTimeout = r.readTimeout;
        this.retryPolicy = r.retryPolicy;
        this.proxy = proxy;
        this.baseDirectory = null;
        this.sslContext = null;
    }

    private ConnectionSettings(ConnectionSettings other, ProxySettings proxy, Path baseDirectory,
                               javax.net.ssl.SSLContext sslContext) {
        this.authMethod = other.authMethod;
        this.methodReason = other.methodReason;
        this.values = other.values;
        this.origins = other.origins;
        this.loginUrl = other.loginUrl;
        this.instanceUrl = other.instanceUrl;
        this.authUrlHost = other.authUrlHost;
        this.apiVersion = other.apiVersion;
        this.connectTimeout = other.connectTimeout;
        this.readTimeout = other.readTimeout;
        this.retryPolicy = other.retryPolicy;
        this.proxy = proxy;
        this.baseDirectory = baseDirectory;
        this.sslContext = sslContext;
    }

    /** Resolves the settings from layers given highest precedence first. */
    public static ConnectionSettings resolve(SettingLayer... layersHighestFirst) throws OrgException {
        return resolve(List.of(layersHighestFirst));
    }

    /** Resolves the settings from layers given highest precedence first. */
    public static ConnectionSettings resolve(List<SettingLayer> layersHighestFirst) throws OrgException {
        return new ConnectionSettings(new Resolver(layersHighestFirst).resolve(), null);
    }

    /** A copy that connects through {@code proxy} (null for none). */
    public ConnectionSettings withProxy(ProxySettings proxy) {
        return new ConnectionSettings(this, proxy, baseDirectory, sslContext);
    }

    /** A copy that resolves a relative {@code privateKeyFile} against {@code directory} (the project's). */
    public ConnectionSettings withBaseDirectory(Path directory) {
        return new ConnectionSettings(this, proxy, directory, sslContext);
    }

    /**
     * A copy whose connections (all of them: OAuth, REST, Metadata API, SOAP login) use {@code context}'s
     * TLS trust instead of the JVM's default. Not a user setting: Maven builds trust what the JVM trusts;
     * tests use it to trust a loopback certificate without touching the JVM's defaults.
     */
    public ConnectionSettings withSslContext(javax.net.ssl.SSLContext context) {
        return new ConnectionSettings(this, proxy, baseDirectory, context);
    }

    /** The TLS context set with {@link #withSslContext}, if any. */
    public Optional<javax.net.ssl.SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** The private key file, resolved against the base directory when relative. */
    public Optional<Path> privateKeyFile() {
        return value(SettingKey.PRIVATE_KEY_FILE).map(Path::of)
                .map(p -> p.isAbsolute() || baseDirectory == null ? p : baseDirectory.resolve(p));
    }

    public AuthMethod authMethod() {
        return authMethod;
    }

    /** Why this method was chosen, for a debug line ("privateKeyFile is set in the environment"). */
    public String methodReason() {
        return methodReason;
    }

    /** Where the login happens; also the JWT audience's basis. Default https://login.salesforce.com. */
    public URI loginUrl() {
        return loginUrl;
    }

    /** The My Domain URL, when configured. */
    public Optional<URI> instanceUrl() {
        return Optional.ofNullable(instanceUrl);
    }

    /** A non-secret setting's value. */
    public Optional<String> value(SettingKey key) {
        if (key.isSecret()) {
            throw new IllegalArgumentException(key + " is a secret; use secret()");
        }
        return Optional.ofNullable(values.get(key));
    }

    /** A secret setting's value. */
    public Optional<Secret> secret(SettingKey key) {
        if (!key.isSecret()) {
            throw new IllegalArgumentException(key + " is not a secret; use value()");
        }
        return Optional.ofNullable(values.get(key)).map(Secret::of);
    }

    /** "clientId (from the environment)": for messages that must say where a value came from. */
    public String describeOrigin(SettingKey key) {
        String origin = origins.get(key);
        return key.parameterName() + (origin == null ? " (default)" : " (from " + origin + ")");
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Settings that are set but that the chosen method does not use: worth a line in the debug log. */
    public List<String> unusedSettings() {
        Set<SettingKey> used = EnumSet.copyOf(ALWAYS_USED);
        used.addAll(Resolver.required(authMethod));
        used.addAll(Resolver.optional(authMethod));
        return origins.keySet().stream().filter(k -> !used.contains(k)).map(this::describeOrigin).toList();
    }

    /**
     * A one-line summary with no secret in it, for the log. It names only what the chosen method uses, so
     * that a reader never looks for a problem in a URL the connection doesn't touch (an access token
     * connection has no login URL, whatever the default says).
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(authMethod.label());
        switch (authMethod) {
            case JWT_BEARER, SOAP_LOGIN -> sb.append(", login URL ").append(loginUrl);
            // The token request goes to the My Domain: instanceUrl, else a loginUrl that is one.
            case CLIENT_CREDENTIALS -> sb.append(", instance ").append(instanceUrl == null ? loginUrl : instanceUrl);
            case SFDX_AUTH_URL -> sb.append(", login URL ").append(authUrlHost).append(" (from the auth URL)");
            case ACCESS_TOKEN -> sb.append(", instance ").append(instanceUrl);
        }
        if (authMethod == AuthMethod.JWT_BEARER || authMethod == AuthMethod.SOAP_LOGIN) {
            value(SettingKey.USERNAME).ifPresent(u -> sb.append(", user ").append(u));
        }
        if (authMethod == AuthMethod.JWT_BEARER || authMethod == AuthMethod.CLIENT_CREDENTIALS) {
            value(SettingKey.CLIENT_ID).ifPresent(c -> sb.append(", client id ").append(abbreviate(c)));
        }
        sb.append(", API ").append(apiVersion);
        proxy().ifPresent(p -> sb.append(", ").append(p));
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String abbreviate(String s) {
        return s.length() <= 10 ? s : s.substring(0, 6) + "…" + s.substring(s.length() - 4);
    }

    /** Whether the URL's host is Salesforce's generic login host (production or sandbox). */
    static boolean isGenericLoginHost(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("login.salesforce.com") || host.equals("test.salesforce.com");
    }

    /** Loopback hosts are the only ones where plain http is allowed (a local stand-in for tests). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            // Only literal addresses: never resolve a name just to validate a setting.
            return h.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Parses a login / instance URL to scheme://host[:port], refusing anything that would leak credentials. */
    static URI parseBaseUrl(String value, String what) throws OrgException {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, what + " '" + value
                    + "' is not a URL. Expected something like https://yourdomain.my.salesforce.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, what + " '" + value
                    + "' is not an https URL. Expected something like https://yourdomain.my.salesforce.com.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, what + " '" + value
                    + "' uses http, which would send credentials unencrypted. Use https://.");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, what + " '" + value
                    + "' has a path; give only the scheme and host, e.g. https://yourdomain.my.salesforce.com.");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    /** Merges the layers and validates them; collects every missing setting into one message. */
    private static final class Resolver {

        private final List<SettingLayer> layers;
        private final Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        private final Map<SettingKey, String> origins = new EnumMap<>(SettingKey.class);
        private AuthMethod method;
        private String methodReason;
        private URI loginUrl;
        private URI instanceUrl;
        private URI authUrlHost;
        private String apiVersion;
        private Duration connectTimeout;
        private Duration readTimeout;
        private RetryPolicy retryPolicy;

        Resolver(List<SettingLayer> layers) {
            this.layers = layers;
        }

        Resolver resolve() throws OrgException {
            for (SettingKey key : SettingKey.values()) {
                for (SettingLayer layer : layers) {
                    if (layer.has(key)) {
                        values.put(key, layer.get(key).orElseThrow());
                        origins.put(key, layer.source(key));
                        break;
                    }
                }
            }
            chooseMethod();
            loginUrl = values.containsKey(SettingKey.LOGIN_URL)
                    ? parseBaseUrl(values.get(SettingKey.LOGIN_URL), origin(SettingKey.LOGIN_URL))
                    : PRODUCTION_LOGIN_URL;
            instanceUrl = values.containsKey(SettingKey.INSTANCE_URL)
                    ? parseBaseUrl(values.get(SettingKey.INSTANCE_URL), origin(SettingKey.INSTANCE_URL))
                    : null;
            apiVersion = parseApiVersion();
            connectTimeout = secondsSetting(SettingKey.CONNECT_TIMEOUT, 10, 600);
            readTimeout = secondsSetting(SettingKey.READ_TIMEOUT, 120, 3600);
            Duration backoff = Duration.ofMillis(intSetting(SettingKey.RETRY_BACKOFF, 1000, 0, 600_000));
            Duration cap = backoff.compareTo(Duration.ofSeconds(30)) > 0 ? backoff : Duration.ofSeconds(30);
            retryPolicy = new RetryPolicy(intSetting(SettingKey.MAX_RETRIES, 3, 0, 10), backoff, cap);
            checkRequired();
            checkMethodSpecific();
            return this;
        }

        private void chooseMethod() throws OrgException {
            if (values.containsKey(SettingKey.AUTH_METHOD)) {
                String v = values.get(SettingKey.AUTH_METHOD);
                method = AuthMethod.parse(v).orElseThrow(() -> new OrgException(OrgException.Kind.CONFIGURATION,
                        origin(SettingKey.AUTH_METHOD) + " is '" + v + "', which is not an authentication method. "
                                + Suggestions.didYouMean(v, AuthMethod.ids(), "Expected one of: "
                                + String.join(", ", AuthMethod.ids()) + ".")));
                methodReason = origin(SettingKey.AUTH_METHOD) + " is '" + v + "'";
                return;
            }
            for (SettingLayer layer : layers) {
                for (SettingKey credential : CREDENTIAL_ORDER) {
                    if (layer.has(credential)) {
                        method = CREDENTIAL_OF.entrySet().stream().filter(e -> e.getValue() == credential)
                                .findFirst().orElseThrow().getKey();
                        methodReason = credential.parameterName() + " is set in " + layer.source(credential);
                        return;
                    }
                }
            }
            throw new OrgException(OrgException.Kind.CONFIGURATION, "No Salesforce credentials are configured. "
                    + "Name a settings.xml <server> with -Dsfapi.serverId, or set the SFAPI_* environment "
                    + "variables, for one of:\n"
                    + "  - JWT bearer (recommended for CI): clientId, username, privateKeyFile\n"
                    + "  - client credentials: instanceUrl (My Domain), clientId, clientSecret\n"
                    + "  - SFDX auth URL: authUrl (from sf org auth show-sfdx-auth-url)\n"
                    + "  - access token: instanceUrl, accessToken (from sf org auth show-access-token)\n"
                    + "  - SOAP login (legacy): username, password, securityToken\n"
                    + "Looked in: " + layers.stream().map(SettingLayer::source).collect(Collectors.joining(", "))
                    + ".");
        }

        static List<SettingKey> required(AuthMethod m) {
            return switch (m) {
                case JWT_BEARER -> List.of(SettingKey.CLIENT_ID, SettingKey.USERNAME, SettingKey.PRIVATE_KEY_FILE);
                case CLIENT_CREDENTIALS -> List.of(SettingKey.CLIENT_ID, SettingKey.CLIENT_SECRET);
                case SFDX_AUTH_URL -> List.of(SettingKey.AUTH_URL);
                case ACCESS_TOKEN -> List.of(SettingKey.INSTANCE_URL, SettingKey.ACCESS_TOKEN);
                case SOAP_LOGIN -> List.of(SettingKey.USERNAME, SettingKey.PASSWORD);
            };
        }

        static List<SettingKey> optional(AuthMethod m) {
            return switch (m) {
                case JWT_BEARER -> List.of(SettingKey.LOGIN_URL, SettingKey.PRIVATE_KEY_PASSPHRASE);
                case CLIENT_CREDENTIALS -> List.of(SettingKey.INSTANCE_URL, SettingKey.LOGIN_URL);
                case SFDX_AUTH_URL, ACCESS_TOKEN -> List.of();
                case SOAP_LOGIN -> List.of(SettingKey.LOGIN_URL, SettingKey.SECURITY_TOKEN);
            };
        }

        private void checkRequired() throws OrgException {
            List<SettingKey> missing = new ArrayList<>();
            for (SettingKey key : required(method)) {
                if (!values.containsKey(key)) {
                    missing.add(key);
                }
            }
            if (method == AuthMethod.CLIENT_CREDENTIALS && instanceUrl == null
                    && (!values.containsKey(SettingKey.LOGIN_URL) || isGenericLoginHost(loginUrl))) {
                missing.add(0, SettingKey.INSTANCE_URL);
            }
            if (!missing.isEmpty()) {
                StringBuilder sb = new StringBuilder("Cannot connect with the ").append(method.label())
                        .append(" (chosen because ").append(methodReason).append("): ")
                        .append(missing.size() == 1 ? "a setting is" : "settings are").append(" missing.");
                for (SettingKey key : missing) {
                    sb.append("\n  - ").append(key.parameterName()).append(": ").append(key.description())
                            .append(". Set ").append(key.howToSet()).append('.');
                }
                if (method == AuthMethod.CLIENT_CREDENTIALS && missing.contains(SettingKey.INSTANCE_URL)) {
                    sb.append("\nThe client credentials flow only works on the org's My Domain URL, "
                            + "not on login.salesforce.com or test.salesforce.com.");
                }
                throw new OrgException(OrgException.Kind.CONFIGURATION, sb.toString());
            }
        }

        private void checkMethodSpecific() throws OrgException {
            if (method == AuthMethod.CLIENT_CREDENTIALS && instanceUrl != null && isGenericLoginHost(instanceUrl)) {
                throw new OrgException(OrgException.Kind.CONFIGURATION, origin(SettingKey.INSTANCE_URL) + " is "
                        + instanceUrl + ", but the client credentials flow only works on the org's My Domain URL "
                        + "(https://yourdomain.my.salesforce.com; Setup → My Domain shows it).");
            }
            // No check of apiVersion for SOAP login: login() always goes to the partner jar's version (62.0),
            // which has it whatever version the REST queries use (see SoapLoginAuthenticator).
            if (method == AuthMethod.SFDX_AUTH_URL) {
                authUrlHost = SfdxAuthUrl.parse(Secret.of(values.get(SettingKey.AUTH_URL)), origin(SettingKey.AUTH_URL))
                        .tokenBaseUrl();
            }
            if (method == AuthMethod.JWT_BEARER) {
                try {
                    Path.of(values.get(SettingKey.PRIVATE_KEY_FILE));
                } catch (InvalidPathException e) {
                    throw new OrgException(OrgException.Kind.CONFIGURATION, origin(SettingKey.PRIVATE_KEY_FILE)
                            + " is not a valid file path: " + e.getReason() + ".");
                }
            }
        }

        private String parseApiVersion() throws OrgException {
            String v = values.getOrDefault(SettingKey.API_VERSION, DEFAULT_API_VERSION);
            String normalized = v.matches("\\d{2,3}") ? v + ".0" : v;
            if (!normalized.matches("\\d{2,3}\\.0")) {
                throw new OrgException(OrgException.Kind.CONFIGURATION, origin(SettingKey.API_VERSION) + " is '" + v
                        + "'; an API version looks like " + DEFAULT_API_VERSION + ".");
            }
            return normalized;
        }

        private int intSetting(SettingKey key, int defaultValue, int min, int max) throws OrgException {
            String v = values.get(key);
            if (v == null) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new OrgException(OrgException.Kind.CONFIGURATION, origin(key) + " is '" + v
                    + "'; expected a whole number from " + min + " to " + max + " (" + key.description() + ").");
        }

        /** Seconds, fractions allowed (tests use 0.2); more than 0, at most {@code max}. */
        private Duration secondsSetting(SettingKey key, int defaultSeconds, int max) throws OrgException {
            String v = values.get(key);
            if (v == null) {
                return Duration.ofSeconds(defaultSeconds);
            }
            try {
                long millis = new java.math.BigDecimal(v).movePointRight(3).longValueExact();
                if (millis > 0 && millis <= max * 1000L) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            throw new OrgException(OrgException.Kind.CONFIGURATION, origin(key) + " is '" + v
                    + "'; expected a number of seconds above 0 and at most " + max + " (" + key.description() + ").");
        }

        private String origin(SettingKey key) {
            String o = origins.get(key);
            return key.parameterName() + (o == null ? "" : " (from " + o + ")");
        }
    }
}
