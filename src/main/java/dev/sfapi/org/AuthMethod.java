package dev.sfapi.org;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the plugin authenticates to the org. Set with {@code sfapi.authMethod}, or inferred. */
public enum AuthMethod {

    /** OAuth 2.0 JWT bearer: client id, username, private key. The CI default. */
    JWT_BEARER("jwt", "OAuth 2.0 JWT bearer flow", "jwt-bearer"),
    /** OAuth 2.0 client credentials: My Domain URL, client id and secret; acts as the app's run-as user. */
    CLIENT_CREDENTIALS("client-credentials", "OAuth 2.0 client credentials flow", "client_credentials"),
    /** A Salesforce CLI auth URL ({@code force://…}) whose refresh token is exchanged for a session. */
    SFDX_AUTH_URL("sfdx-auth-url", "SFDX auth URL (refresh token)", "auth-url", "sfdx", "refresh-token"),
    /** A ready access token and its instance URL, e.g. from {@code sf org auth show-access-token}. */
    ACCESS_TOKEN("access-token", "access token", "token"),
    /** Username, password and security token through SOAP login(). LEGACY: retired by Salesforce. */
    SOAP_LOGIN("soap-login", "SOAP login() with username and password (legacy)", "password", "username-password");

    private final String id;
    private final String label;
    private final List<String> aliases;

    AuthMethod(String id, String label, String... aliases) {
        this.id = id;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** The value written in settings ({@code jwt}, {@code client-credentials}, …). */
    public String id() {
        return id;
    }

    /** A human name for messages. */
    public String label() {
        return label;
    }

    /** The method named by a setting value (its id, an alias, or the enum name), case-insensitive. */
    public static Optional<AuthMethod> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(m -> m.id.equals(v) || m.aliases.stream().anyMatch(a -> a.replace('_', '-').equals(v))
                        || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(v))
                .findFirst();
    }

    /** All ids, for "expected one of" messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(AuthMethod::id).toList();
    }
}
