package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static SettingLayer layer(String name, Map<SettingKey, String> values) {
        return SettingLayer.of(name, values);
    }

    @Test
    void eachSettingComesFromTheHighestLayerThatSetsIt() throws OrgException {
        SettingLayer explicit = layer("plugin configuration", Map.of(SettingKey.USERNAME, "ci@acme.example"));
        SettingLayer server = layer("settings.xml server 'sf'", Map.of(SettingKey.USERNAME, "other@acme.example",
                SettingKey.CLIENT_ID, "3MVG9server", SettingKey.PRIVATE_KEY_FILE, "/keys/server.key"));
        SettingLayer env = SettingLayer.environment(Map.of("SFAPI_CLIENT_ID", "3MVG9env",
                "SFAPI_LOGIN_URL", "https://test.salesforce.com")::get);

        ConnectionSettings s = ConnectionSettings.resolve(explicit, server, env);

        assertEquals(AuthMethod.JWT_BEARER, s.authMethod());
        assertEquals("ci@acme.example", s.value(SettingKey.USERNAME).orElseThrow());
        assertEquals("3MVG9server", s.value(SettingKey.CLIENT_ID).orElseThrow());
        assertEquals(URI.create("https://test.salesforce.com"), s.loginUrl());
        assertEquals("clientId (from settings.xml server 'sf')", s.describeOrigin(SettingKey.CLIENT_ID));
        assertEquals("loginUrl (from the environment)", s.describeOrigin(SettingKey.LOGIN_URL));
        assertEquals("privateKeyFile is set in settings.xml server 'sf'", s.methodReason());
    }

    @Test
    void defaultsApplyWhenNothingOverridesThem() throws OrgException {
        ConnectionSettings s = ConnectionSettings.resolve(layer("p", Map.of(SettingKey.ACCESS_TOKEN, "tok-1234",
                SettingKey.INSTANCE_URL, "https://acme.my.salesforce.com/")));
        assertEquals(AuthMethod.ACCESS_TOKEN, s.authMethod());
        assertEquals(ConnectionSettings.PRODUCTION_LOGIN_URL, s.loginUrl());
        assertEquals(URI.create("https://acme.my.salesforce.com"), s.instanceUrl().orElseThrow());
        assertEquals("62.0", s.apiVersion());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(120), s.readTimeout());
        assertEquals(3, s.retryPolicy().maxRetries());
    }

    @Test
    void theMethodIsInferredFromTheHighestLayerHoldingACredential() throws OrgException {
        // A stale token in the environment must not beat a key file configured in the build.
        SettingLayer explicit = layer("plugin configuration", Map.of(SettingKey.PRIVATE_KEY_FILE, "server.key",
                SettingKey.CLIENT_ID, "3MVG9x", SettingKey.USERNAME, "ci@acme.example"));
        SettingLayer env = SettingLayer.environment(Map.of("SFAPI_ACCESS_TOKEN", "00Dxx!stale",
                "SFAPI_INSTANCE_URL", "https://acme.my.salesforce.com")::get);
        assertEquals(AuthMethod.JWT_BEARER, ConnectionSettings.resolve(explicit, env).authMethod());
    }

    @Test
    void withinOneLayerTheInferenceOrderIsTokenAuthUrlKeySecretPassword() throws OrgException {
        Map<SettingKey, String> all = Map.of(SettingKey.ACCESS_TOKEN, "tok-1234", SettingKey.INSTANCE_URL,
                "https://acme.my.salesforce.com", SettingKey.AUTH_URL, "force://id::5Aep861xyz@acme.my.salesforce.com",
                SettingKey.PRIVATE_KEY_FILE, "k.pem", SettingKey.CLIENT_ID, "3MVG9", SettingKey.USERNAME, "u@x.example",
                SettingKey.CLIENT_SECRET, "secret-1", SettingKey.PASSWORD, "pw-12345");
        assertEquals(AuthMethod.ACCESS_TOKEN, ConnectionSettings.resolve(layer("p", all)).authMethod());
        assertEquals(AuthMethod.SFDX_AUTH_URL, ConnectionSettings.resolve(layer("p", without(all,
                SettingKey.ACCESS_TOKEN))).authMethod());
        assertEquals(AuthMethod.JWT_BEARER, ConnectionSettings.resolve(layer("p", without(all,
                SettingKey.ACCESS_TOKEN, SettingKey.AUTH_URL))).authMethod());
        assertEquals(AuthMethod.CLIENT_CREDENTIALS, ConnectionSettings.resolve(layer("p", without(all,
                SettingKey.ACCESS_TOKEN, SettingKey.AUTH_URL, SettingKey.PRIVATE_KEY_FILE))).authMethod());
        assertEquals(AuthMethod.SOAP_LOGIN, ConnectionSettings.resolve(layer("p", without(all,
                SettingKey.ACCESS_TOKEN, SettingKey.AUTH_URL, SettingKey.PRIVATE_KEY_FILE,
                SettingKey.CLIENT_SECRET))).authMethod());
    }

    @Test
    void anExplicitMethodWinsAndAcceptsAliases() throws OrgException {
        Map<SettingKey, String> v = Map.of(SettingKey.AUTH_METHOD, "SOAP_LOGIN", SettingKey.USERNAME, "u@x.example",
                SettingKey.PASSWORD, "pw-12345", SettingKey.ACCESS_TOKEN, "tok-1234",
                SettingKey.INSTANCE_URL, "https://acme.my.salesforce.com");
        ConnectionSettings s = ConnectionSettings.resolve(layer("p", v));
        assertEquals(AuthMethod.SOAP_LOGIN, s.authMethod());
        assertTrue(s.unusedSettings().contains("accessToken (from p)"), s.unusedSettings().toString());
        assertEquals(AuthMethod.CLIENT_CREDENTIALS, AuthMethod.parse("client_credentials").orElseThrow());
        assertEquals(AuthMethod.JWT_BEARER, AuthMethod.parse("JWT").orElseThrow());
    }

    @Test
    void anUnknownMethodSuggestsTheNearestOne() {
        OrgException e = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                layer("plugin configuration", Map.of(SettingKey.AUTH_METHOD, "jwtt"))));
        assertEquals(OrgException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("authMethod (from plugin configuration) is 'jwtt'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'jwt'?"), e.getMessage());
    }

    @Test
    void missingSettingsAreAllNamedWithEveryWayToSetThem() {
        SettingLayer env = SettingLayer.environment(Map.of("SFAPI_PRIVATE_KEY_FILE", "/ci/server.key")::get);
        OrgException e = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(env));
        String m = e.getMessage();
        assertTrue(m.startsWith("Cannot connect with the OAuth 2.0 JWT bearer flow (chosen because privateKeyFile "
                + "is set in the environment): settings are missing."), m);
        assertTrue(m.contains("clientId: the consumer key of the connected app or External Client App"), m);
        assertTrue(m.contains("-Dsfapi.clientId"), m);
        assertTrue(m.contains("<configuration><clientId>"), m);
        assertTrue(m.contains("SFAPI_CLIENT_ID"), m);
        assertTrue(m.contains("username: the Salesforce username"), m);
        assertTrue(m.contains("<username> in the settings.xml <server>"), m);
        assertTrue(m.contains("SFAPI_USERNAME"), m);
    }

    @Test
    void noCredentialsAtAllListsTheMethods() {
        OrgException e = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                SettingLayer.empty("plugin configuration"), SettingLayer.environment(k -> null)));
        assertTrue(e.getMessage().startsWith("No Salesforce credentials are configured."), e.getMessage());
        assertTrue(e.getMessage().contains("JWT bearer (recommended for CI): clientId, username, privateKeyFile"));
        assertTrue(e.getMessage().contains("Looked in: plugin configuration, the environment."), e.getMessage());
    }

    @Test
    void clientCredentialsNeedTheMyDomainUrl() {
        OrgException missing = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(layer("p",
                Map.of(SettingKey.CLIENT_ID, "3MVG9", SettingKey.CLIENT_SECRET, "cs-12345"))));
        assertTrue(missing.getMessage().contains("instanceUrl: the org's My Domain URL"), missing.getMessage());
        assertTrue(missing.getMessage().contains("only works on the org's My Domain URL"), missing.getMessage());

        OrgException generic = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(layer("p",
                Map.of(SettingKey.CLIENT_ID, "3MVG9", SettingKey.CLIENT_SECRET, "cs-12345",
                        SettingKey.INSTANCE_URL, "https://login.salesforce.com"))));
        assertTrue(generic.getMessage().contains("only works on the org's My Domain URL"), generic.getMessage());
    }

    @Test
    void clientCredentialsAcceptAMyDomainLoginUrl() throws OrgException {
        ConnectionSettings s = ConnectionSettings.resolve(layer("p", Map.of(SettingKey.CLIENT_ID, "3MVG9",
                SettingKey.CLIENT_SECRET, "cs-12345", SettingKey.LOGIN_URL, "https://acme.my.salesforce.com")));
        assertEquals(AuthMethod.CLIENT_CREDENTIALS, s.authMethod());
    }

    /** login() is called at the partner jar's 62.0 whatever apiVersion says, so 65.0 (which has no login()) is fine. */
    @Test
    void soapLoginWorksWithAnyRestApiVersion() throws OrgException {
        ConnectionSettings s = ConnectionSettings.resolve(layer("p", Map.of(SettingKey.USERNAME, "u@x.example",
                SettingKey.PASSWORD, "pw-12345", SettingKey.API_VERSION, "65.0")));
        assertEquals(AuthMethod.SOAP_LOGIN, s.authMethod());
        assertEquals("65.0", s.apiVersion());
    }

    @Test
    void urlsMustBeHttpsExceptOnLoopback() throws OrgException {
        OrgException e = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(layer("p",
                Map.of(SettingKey.ACCESS_TOKEN, "tok-1234", SettingKey.INSTANCE_URL, "http://acme.my.salesforce.com"))));
        assertTrue(e.getMessage().contains("uses http, which would send credentials unencrypted"), e.getMessage());
        OrgException path = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(layer("p",
                Map.of(SettingKey.ACCESS_TOKEN, "tok-1234",
                        SettingKey.INSTANCE_URL, "https://acme.my.salesforce.com/services/Soap/u/62.0"))));
        assertTrue(path.getMessage().contains("has a path"), path.getMessage());
        ConnectionSettings local = ConnectionSettings.resolve(layer("p",
                Map.of(SettingKey.ACCESS_TOKEN, "tok-1234", SettingKey.INSTANCE_URL, "http://127.0.0.1:8123")));
        assertEquals(URI.create("http://127.0.0.1:8123"), local.instanceUrl().orElseThrow());
    }

    @Test
    void numbersAndVersionsAreValidated() {
        Map<SettingKey, String> base = Map.of(SettingKey.ACCESS_TOKEN, "tok-1234",
                SettingKey.INSTANCE_URL, "https://acme.my.salesforce.com");
        OrgException timeout = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                layer("p", with(base, SettingKey.READ_TIMEOUT, "soon"))));
        assertTrue(timeout.getMessage().contains("readTimeoutSeconds (from p) is 'soon'; expected a number of seconds"),
                timeout.getMessage());
        OrgException retries = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                layer("p", with(base, SettingKey.MAX_RETRIES, "-1"))));
        assertTrue(retries.getMessage().contains("maxRetries (from p) is '-1'; expected a whole number from 0 to 10"),
                retries.getMessage());
        OrgException version = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                layer("p", with(base, SettingKey.API_VERSION, "v62"))));
        assertTrue(version.getMessage().contains("an API version looks like 62.0"), version.getMessage());
    }

    @Test
    void aMalformedAuthUrlIsReportedWithoutItsValue() {
        String authUrl = "force://PlatformCLI:5Aep861SecretRefresh";
        OrgException e = assertThrows(OrgException.class, () -> ConnectionSettings.resolve(
                SettingLayer.environment(Map.of("SFAPI_AUTH_URL", authUrl)::get)));
        assertTrue(e.getMessage().contains("authUrl (from the environment) is not a valid SFDX auth URL"),
                e.getMessage());
        NoSecrets.assertNotIn(e, authUrl, "5Aep861SecretRefresh");
    }

    @Test
    void describeShowsNoSecrets() throws OrgException {
        ConnectionSettings s = ConnectionSettings.resolve(layer("p", Map.of(SettingKey.USERNAME, "u@x.example",
                SettingKey.PASSWORD, "pw-describe-1", SettingKey.SECURITY_TOKEN, "sectok-describe")))
                .withProxy(new ProxySettings("proxy.acme.example", 3128, "puser", Secret.of("proxy-pw-1"), null));
        String d = s.describe() + " " + s;
        NoSecrets.assertNotIn(d, "pw-describe-1", "sectok-describe", "proxy-pw-1");
        assertTrue(d.contains("SOAP login() with username and password (legacy)"), d);
        assertTrue(d.contains("proxy proxy.acme.example:3128 as puser"), d);
        assertThrows(IllegalArgumentException.class, () -> s.value(SettingKey.PASSWORD));
        assertTrue(s.secret(SettingKey.PASSWORD).orElseThrow().sameValueAs(Secret.of("pw-describe-1")));
    }

    @Test
    void describeNamesOnlyWhatTheChosenMethodUses() throws OrgException {
        // Every setting is set, so each line shows exactly what its method picks out of them.
        Map<SettingKey, String> all = new java.util.EnumMap<>(SettingKey.class);
        all.put(SettingKey.LOGIN_URL, "https://test.salesforce.com");
        all.put(SettingKey.INSTANCE_URL, "https://acme.my.salesforce.com");
        all.put(SettingKey.CLIENT_ID, "3MVG9describe");
        all.put(SettingKey.USERNAME, "ci@acme.example");
        all.put(SettingKey.PRIVATE_KEY_FILE, "server.key");
        all.put(SettingKey.CLIENT_SECRET, "describe-secret-1");
        all.put(SettingKey.AUTH_URL, "force://PlatformCLI::5AepDescribeRefreshToken0123456789@acme-dev.my.salesforce.com");
        all.put(SettingKey.ACCESS_TOKEN, "00Dxx0000000001!describeToken");
        all.put(SettingKey.PASSWORD, "describe-password-1");
        Map<AuthMethod, String> expected = Map.of(
                AuthMethod.ACCESS_TOKEN, "access token, instance https://acme.my.salesforce.com, API 62.0",
                AuthMethod.CLIENT_CREDENTIALS, "OAuth 2.0 client credentials flow, instance "
                        + "https://acme.my.salesforce.com, client id 3MVG9d…ribe, API 62.0",
                AuthMethod.JWT_BEARER, "OAuth 2.0 JWT bearer flow, login URL https://test.salesforce.com, user "
                        + "ci@acme.example, client id 3MVG9d…ribe, API 62.0",
                AuthMethod.SFDX_AUTH_URL, "SFDX auth URL (refresh token), login URL "
                        + "https://acme-dev.my.salesforce.com (from the auth URL), API 62.0",
                AuthMethod.SOAP_LOGIN, "SOAP login() with username and password (legacy), login URL "
                        + "https://test.salesforce.com, user ci@acme.example, API 62.0");
        for (AuthMethod method : AuthMethod.values()) {
            Map<SettingKey, String> values = new java.util.EnumMap<>(all);
            values.put(SettingKey.AUTH_METHOD, method.id());
            ConnectionSettings s = ConnectionSettings.resolve(layer("p", values));
            assertEquals(expected.get(method), s.describe(), method.id());
        }
        // Client credentials against a My Domain given as the login URL: that is where the token comes from.
        ConnectionSettings myDomainLogin = ConnectionSettings.resolve(layer("p", Map.of(SettingKey.LOGIN_URL,
                "https://acme.my.salesforce.com", SettingKey.CLIENT_ID, "3MVG9x", SettingKey.CLIENT_SECRET, "s-1234")));
        assertTrue(myDomainLogin.describe().contains("instance https://acme.my.salesforce.com"),
                myDomainLogin.describe());
    }

    @Test
    void secretsFromLayersAreRedactedEvenBeforeTheyAreUsed() {
        SettingLayer.environment(Map.of("SFAPI_CLIENT_SECRET", "layer-secret-value")::get);
        assertFalse(Redactor.scrub("echo layer-secret-value").contains("layer-secret-value"));
    }

    @Test
    void proxyBypassFollowsMavenNonProxyHosts() {
        ProxySettings p = new ProxySettings("proxy", 8080, null, null,
                ProxySettings.parseNonProxyHosts("localhost|*.internal.example|127.0.0.1"));
        assertTrue(p.bypasses("localhost"));
        assertTrue(p.bypasses("svc.internal.example"));
        assertFalse(p.bypasses("acme.my.salesforce.com"));
        assertEquals(java.net.Proxy.NO_PROXY, p.selector().select(URI.create("http://127.0.0.1:1/")).get(0));
        assertEquals(java.net.Proxy.Type.HTTP,
                p.selector().select(URI.create("https://acme.my.salesforce.com/")).get(0).type());
    }

    @Test
    void proxyCredentialsGoOnlyToTheProxyAndAreScrubbedEncoded() {
        ProxySettings p = new ProxySettings("proxy", 8080, "puser", Secret.of("proxy-pw-basic-1"),
                ProxySettings.parseNonProxyHosts("*.internal.example"), "corp");
        Secret header = p.proxyAuthorization(URI.create("https://acme.my.salesforce.com/services")).orElseThrow();
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("puser:proxy-pw-basic-1".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), header.reveal());
        assertFalse(Redactor.scrub("echo " + header.reveal()).contains(header.reveal().substring(6)),
                "a proxy page echoing the header is scrubbed");
        assertTrue(p.proxyAuthorization(URI.create("https://svc.internal.example/")).isEmpty(),
                "a host reached directly never gets the proxy's credentials");
        assertTrue(new ProxySettings("proxy", 8080, null, null, List.of())
                .proxyAuthorization(URI.create("https://acme.my.salesforce.com/")).isEmpty());
        assertEquals("the <proxy> 'corp' in settings.xml", p.describeSource());
        assertEquals("the <proxy> in settings.xml", new ProxySettings("proxy", 8080, null, null, null).describeSource());
    }

    /** Parsed, not set: setting the property in this JVM could change how its HttpClient behaves from then on. */
    @Test
    void basicOnTunnelsFollowsTheJdkProperty() {
        assertTrue(ProxySettings.basicDisabledForTunnels(null), "the JDK's default disables Basic");
        assertFalse(ProxySettings.basicDisabledForTunnels(""));
        assertTrue(ProxySettings.basicDisabledForTunnels("Digest, basic"));
        assertFalse(ProxySettings.basicDisabledForTunnels("Digest"));
    }

    private static Map<SettingKey, String> without(Map<SettingKey, String> map, SettingKey... keys) {
        java.util.EnumMap<SettingKey, String> copy = new java.util.EnumMap<>(map);
        for (SettingKey k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    private static Map<SettingKey, String> with(Map<SettingKey, String> map, SettingKey key, String value) {
        java.util.EnumMap<SettingKey, String> copy = new java.util.EnumMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
