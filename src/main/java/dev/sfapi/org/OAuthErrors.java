package dev.sfapi.org;

import java.util.Locale;

/**
 * Turns an OAuth error from {@code /services/oauth2/token} ({@code {"error":…,"error_description":…}})
 * into what to check. Matching is on substrings of the lower-cased code and description, because
 * Salesforce's wording varies slightly between flows and releases.
 */
final class OAuthErrors {

    private OAuthErrors() {
    }

    static String advice(AuthMethod method, String error, String description, ConnectionSettings settings) {
        String e = error == null ? "" : error.toLowerCase(Locale.ROOT);
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        String user = settings.value(SettingKey.USERNAME).map(u -> "the user " + u).orElse("the user");
        String app = "the connected app or External Client App (consumer key from "
                + settings.describeOrigin(SettingKey.CLIENT_ID) + ")";

        if (d.contains("approved this consumer") || d.contains("not approved")) {
            return user + " is not pre-authorized for " + app + ". In Setup, open the app's policies: set "
                    + "Permitted Users to \"Admin approved users are pre-authorized\" and add a profile or permission "
                    + "set that " + user + " has (External Client App: Policies → App Policies).";
        }
        if (e.contains("invalid_app_access") || d.contains("not admin approved")) {
            return user + " is not admin-approved for " + app + ". Add the user's profile or a permission set "
                    + "the user has to the app's policies (Setup → Connected Apps → Manage, or the External Client "
                    + "App's Policies).";
        }
        if (d.contains("audience")) {
            return "The JWT audience (aud) was " + JwtAssertion.audienceFor(settings.loginUrl()) + ", derived from "
                    + settings.describeOrigin(SettingKey.LOGIN_URL) + ". Use https://login.salesforce.com for "
                    + "production and https://test.salesforce.com for sandboxes and scratch orgs.";
        }
        if (d.contains("not supported on this domain")) {
            return "The client credentials flow must be sent to the org's My Domain URL "
                    + "(https://yourdomain.my.salesforce.com), not to login.salesforce.com or test.salesforce.com. "
                    + "Set " + SettingKey.INSTANCE_URL.howToSet() + ".";
        }
        if (d.contains("no client credentials user")) {
            return "The app does not allow the client credentials flow, or has no run-as user. In the app's OAuth "
                    + "policies, enable the Client Credentials Flow and choose a Run As user (an integration user "
                    + "with API Enabled).";
        }
        if (d.contains("invalid assertion") || d.contains("signature")) {
            return "Salesforce could not verify the JWT. Check that the certificate uploaded to " + app
                    + " is the one made from the private key in " + settings.describeOrigin(SettingKey.PRIVATE_KEY_FILE)
                    + ", that the consumer key belongs to that app, and that this machine's clock is correct.";
        }
        if (d.contains("expired") && method == AuthMethod.SFDX_AUTH_URL) {
            return "The refresh token in the SFDX auth URL has expired or was revoked (the app's refresh token "
                    + "policy, a password reset, or 'sf org logout'). Log in again with 'sf org login web' and "
                    + "export a new URL with 'sf org auth show-sfdx-auth-url'.";
        }
        if (d.contains("expired")) {
            return "The JWT had expired when Salesforce checked it. Check this machine's clock (the assertion is "
                    + "valid for " + JwtAssertion.LIFETIME.toMinutes() + " minutes).";
        }
        if (d.contains("inactive") || e.contains("inactive")) {
            return user + " or the org is inactive. Use an active user (Setup → Users) in an active org.";
        }
        if (d.contains("ip restricted") || d.contains("login hours")) {
            return user + " may not log in from this machine or at this time: check the profile's Login IP "
                    + "Ranges and Login Hours, and the app's IP Relaxation policy.";
        }
        if (e.contains("invalid_client_id") || d.contains("client identifier invalid")) {
            return "This org does not know the consumer key " + settings.describeOrigin(SettingKey.CLIENT_ID)
                    + ". Check the value, that the app lives in the org you log in to (production vs sandbox: "
                    + settings.describeOrigin(SettingKey.LOGIN_URL) + " is " + settings.loginUrl()
                    + "), and allow up to 10 minutes after creating the app.";
        }
        if (e.contains("invalid_client") || d.contains("client credentials") || d.contains("client secret")) {
            return "The consumer secret " + settings.describeOrigin(SettingKey.CLIENT_SECRET) + " does not match "
                    + "the consumer key. Copy both again from the app's settings (Consumer Key and Secret).";
        }
        if (e.contains("unsupported_grant_type")) {
            return "The server does not accept this grant type. Check that the URL is a Salesforce login or My "
                    + "Domain URL and that the app enables this flow.";
        }
        if (d.contains("authentication failure")) {
            return "Salesforce refused the credentials without saying why. Check the username, that the app "
                    + "lives in this org (production vs sandbox), and the app's Permitted Users policy.";
        }
        return "Check the settings of " + app + " and that " + user + " may use it.";
    }
}
