package dev.sfapi.org;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LEGACY: username, password and security token through the partner API's SOAP {@code login()}.
 * Salesforce removed login() from API 65.0, turns it off by default in orgs created from Winter '26,
 * and retires it in Summer '27; it is here for orgs that cannot use OAuth yet.
 *
 * <p>login() is always called at the partner jar's own API version ({@link #SCHEMA_VERSION}, 62.0), not at
 * {@code sfapi.apiVersion}, as the Metadata API calls use the metadata jar's: force-wsc reads answers with
 * strict element order, and a newer version's LoginResult / GetUserInfoResult may carry elements the 62.0
 * classes don't know, which fails the parse (salesforce-wire.md, trap 3). A session id is not tied to the
 * version it was issued at, so REST queries at {@code sfapi.apiVersion} use it as well; and 62.0 still has
 * login(), which 65.0 and later don't.
 */
final class SoapLoginAuthenticator implements Authenticator {

    /** The API version the force-partner-api jar was generated for ("62.0"). */
    static final String SCHEMA_VERSION = jarVersion();

    static final String LEGACY_WARNING = "Authenticating with SOAP login() (username, password and security "
            + "token) is legacy: Salesforce removed login() from API 65.0, it is off by default in orgs created "
            + "from Winter '26, and it is retired for every API version in Summer '27. Switch to the OAuth 2.0 JWT "
            + "bearer flow (clientId, username, privateKeyFile).";

    private final ConnectionSettings settings;
    private final OrgHttp http;

    SoapLoginAuthenticator(ConnectionSettings settings, OrgHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SOAP_LOGIN;
    }

    @Override
    public List<String> warnings() {
        return List.of(LEGACY_WARNING);
    }

    /** The partner endpoint on the login URL, at the jar's version. */
    URI endpoint() {
        return URI.create(settings.loginUrl() + "/services/Soap/u/" + SCHEMA_VERSION);
    }

    @Override
    public AccessGrant authenticate() throws OrgException {
        URI endpoint = endpoint();
        String username = settings.value(SettingKey.USERNAME).orElseThrow();
        // login() takes the security token appended to the password.
        Secret password = settings.secret(SettingKey.PASSWORD).orElseThrow()
                .concat(settings.secret(SettingKey.SECURITY_TOKEN).orElse(null));
        String what = "SOAP login() of " + username + " at " + endpoint;
        try {
            LoginResult result = SoapRetry.call(what, endpoint, settings.retryPolicy(), http.sleeper(),
                    () -> connection(endpoint).login(username, password.reveal()));
            if (result.isPasswordExpired()) {
                throw new OrgException(OrgException.Kind.AUTHENTICATION, "The password of " + username + " has "
                        + "expired, so its session cannot call the API. Log in to Salesforce once to set a new "
                        + "password, then update " + settings.describeOrigin(SettingKey.PASSWORD) + ".");
            }
            URI server = URI.create(result.getServerUrl());
            URI instance = ConnectionSettings.parseBaseUrl(OrgHttp.hostOf(server), "serverUrl returned by login()");
            String orgId = result.getUserInfo() == null ? null : result.getUserInfo().getOrganizationId();
            return new AccessGrant(instance, Secret.of(result.getSessionId()), orgId, result.getUserId());
        } catch (ConnectionException e) {
            throw new OrgException(OrgException.Kind.AUTHENTICATION, "Salesforce refused the " + what + ": "
                    + Messages.sentence(SoapFaults.describe(e)) + " " + advice(SoapFaults.code(e), username), e);
        }
    }

    private PartnerConnection connection(URI endpoint) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        // The jar's default endpoint is an internal Salesforce host: always set both explicitly.
        config.setAuthEndpoint(endpoint.toString());
        config.setServiceEndpoint(endpoint.toString());
        config.setManualLogin(true); // we call login() ourselves, to keep its result
        config.setCompression(true);
        config.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        config.setTraceMessage(false); // tracing would print the password
        // Through the plugin's HttpClient: its proxy, proxy credentials, nonProxyHosts and TLS trust.
        config.setTransportFactory(http.soapTransports());
        return Connector.newConnection(config);
    }

    private String advice(String code, String username) {
        if (code == null) {
            return "Check " + settings.describeOrigin(SettingKey.LOGIN_URL) + ".";
        }
        return switch (code) {
            case "INVALID_LOGIN" -> "Check the username, the password and the security token of " + username
                    + " (a new token comes from Settings → Reset My Security Token), that the user is not locked "
                    + "out, and that " + settings.describeOrigin(SettingKey.LOGIN_URL) + " is " + settings.loginUrl()
                    + " (https://test.salesforce.com for a sandbox).";
            case "LOGIN_MUST_USE_SECURITY_TOKEN" -> "This machine's IP address is not trusted by the org, so the "
                    + "password needs the security token appended: set " + SettingKey.SECURITY_TOKEN.howToSet() + ".";
            case "INVALID_OPERATION" -> "SOAP API login() is disabled in this org (the default for orgs created "
                    + "from Winter '26). Switch to the JWT bearer flow; an admin can re-enable login() under Setup → "
                    + "User Interface → \"Enable SOAP API login()\" only until Summer '27.";
            case "INSUFFICIENT_ACCESS" -> username + " lacks the \"Use Any API Auth\" permission that SOAP "
                    + "login() requires from Summer '26. Prefer switching to the JWT bearer flow.";
            case "API_DISABLED_FOR_ORG" -> "This org's edition or settings do not allow API access; the plugin "
                    + "needs an org with the API enabled.";
            case "API_CURRENTLY_DISABLED" -> username + " lacks the \"API Enabled\" permission (profile or "
                    + "permission set).";
            case "PASSWORD_LOCKOUT" -> username + " is locked out after too many failed logins. An admin can "
                    + "unlock the user in Setup → Users; fix the credentials before retrying.";
            case "UNSUPPORTED_API_VERSION" -> "The org does not accept login() at API " + SCHEMA_VERSION
                    + ". Switch to the JWT bearer flow.";
            case "REQUEST_LIMIT_EXCEEDED" -> RestClient.API_LIMIT_ADVICE;
            default -> "Check the credentials and " + settings.describeOrigin(SettingKey.LOGIN_URL) + ".";
        };
    }

    private static String jarVersion() {
        Matcher m = Pattern.compile("/Soap/u/(\\d+\\.\\d+)").matcher(Connector.END_POINT);
        return m.find() ? m.group(1) : ConnectionSettings.DEFAULT_API_VERSION;
    }
}
