package dev.sfapi.org;

import java.net.URI;

/**
 * A Salesforce CLI auth URL, {@code force://<clientId>:<clientSecret>:<refreshToken>@<host>}, as printed
 * by {@code sf org auth show-sfdx-auth-url}. The secret part is empty for the CLI's own app
 * ({@code PlatformCLI}).
 *
 * <p>The host normally has no scheme and means {@code https://host}. As an extension for a local
 * stand-in, an explicit {@code http://127.0.0.1:port} after the {@code @} is accepted (loopback only).
 *
 * @param clientId     the consumer key
 * @param clientSecret the consumer secret, or null when empty
 * @param refreshToken the refresh token
 * @param tokenBaseUrl where the refresh token is exchanged ({@code /services/oauth2/token} is appended)
 */
public record SfdxAuthUrl(String clientId, Secret clientSecret, Secret refreshToken, URI tokenBaseUrl) {

    /** Parses the URL; errors never repeat the value, only what is wrong with its shape. */
    public static SfdxAuthUrl parse(Secret authUrl, String origin) throws OrgException {
        String value = authUrl.reveal().trim();
        String expected = " Expected force://<clientId>:<clientSecret>:<refreshToken>@<host> as printed by "
                + "'sf org auth show-sfdx-auth-url --json' (result.sfdxAuthUrl).";
        if (!value.startsWith("force://")) {
            throw bad(origin, "does not start with force://." + expected);
        }
        String rest = value.substring("force://".length());
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            throw bad(origin, "has no @<host> part." + expected);
        }
        String credentials = rest.substring(0, at);
        String host = rest.substring(at + 1);
        int first = credentials.indexOf(':');
        int second = first < 0 ? -1 : credentials.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw bad(origin, "does not have the three ':'-separated parts before the @." + expected);
        }
        String clientId = credentials.substring(0, first);
        String secret = credentials.substring(first + 1, second);
        String refresh = credentials.substring(second + 1);
        if (refresh.isEmpty()) {
            throw bad(origin, "has an empty refresh token." + expected);
        }
        if (host.isEmpty() || host.contains("/") && !host.contains("://")) {
            throw bad(origin, "has no host after the @ (e.g. acme.my.salesforce.com)." + expected);
        }
        URI base = ConnectionSettings.parseBaseUrl(host.contains("://") ? host : "https://" + host,
                origin + "'s host");
        return new SfdxAuthUrl(clientId, Secret.ofNullable(secret), Secret.of(refresh), base);
    }

    private static OrgException bad(String origin, String what) {
        return new OrgException(OrgException.Kind.CONFIGURATION, origin + " is not a valid SFDX auth URL: it " + what);
    }

    @Override
    public String toString() {
        return "SFDX auth URL for " + tokenBaseUrl + " (client id " + clientId + ")";
    }
}
