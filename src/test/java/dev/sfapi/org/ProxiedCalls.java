package dev.sfapi.org;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.LoopbackProxy;
import dev.sfapi.standin.SalesforceStandIn;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The four kinds of connection the plugin makes, each as the first call that goes on the wire, for the
 * proxy tests: SOAP login() and the Metadata API (force-wsc), the OAuth token request and a REST query
 * (JDK HttpClient).
 */
enum ProxiedCalls {

    SOAP_LOGIN("SOAP login()") {
        @Override
        Map<SettingKey, String> values(SalesforceStandIn org) {
            Map<SettingKey, String> v = base();
            v.put(SettingKey.LOGIN_URL, org.baseUrl());
            v.put(SettingKey.USERNAME, CorpusOrg.INTEGRATION_USER);
            v.put(SettingKey.PASSWORD, CorpusOrg.INTEGRATION_PASSWORD);
            v.put(SettingKey.SECURITY_TOKEN, CorpusOrg.INTEGRATION_TOKEN);
            return v;
        }

        @Override
        void firstCall(OrgClient client) {
            // connect() has logged in
        }
    },
    OAUTH_TOKEN("OAuth 2.0 client credentials flow") {
        @Override
        Map<SettingKey, String> values(SalesforceStandIn org) {
            Map<SettingKey, String> v = base();
            v.put(SettingKey.INSTANCE_URL, org.baseUrl());
            v.put(SettingKey.CLIENT_ID, CorpusOrg.CLIENT_ID);
            v.put(SettingKey.CLIENT_SECRET, CorpusOrg.CLIENT_SECRET);
            return v;
        }

        @Override
        void firstCall(OrgClient client) {
            // connect() has requested the token
        }
    },
    METADATA_API("listMetadata of Profiles") {
        @Override
        void firstCall(OrgClient client) throws OrgException {
            client.metadata().call("listMetadata of Profiles", c -> {
                com.sforce.soap.metadata.ListMetadataQuery q = new com.sforce.soap.metadata.ListMetadataQuery();
                q.setType("Profile");
                return c.listMetadata(new com.sforce.soap.metadata.ListMetadataQuery[] {q}, 62.0);
            });
        }
    },
    REST_QUERY("SOQL query on Organization") {
        @Override
        void firstCall(OrgClient client) throws OrgException {
            client.rest().query("SELECT Id, Name FROM Organization");
        }
    };

    /** What the plugin's messages call the call. */
    final String what;

    ProxiedCalls(String what) {
        this.what = what;
    }

    /** Settings for this call against {@code org}; the access-token ones for the Metadata API and REST. */
    Map<SettingKey, String> values(SalesforceStandIn org) {
        Map<SettingKey, String> v = base();
        v.put(SettingKey.INSTANCE_URL, org.baseUrl());
        v.put(SettingKey.ACCESS_TOKEN, org.sessionFor(CorpusOrg.INTEGRATION_USER));
        return v;
    }

    /** The call after {@link OrgClient#connect}, for the calls connect() does not make itself. */
    abstract void firstCall(OrgClient client) throws OrgException;

    /** Connects and makes the call. */
    OrgClient run(ConnectionSettings settings, Sleeper sleeper) throws OrgException {
        OrgClient client = OrgClient.connect(settings, sleeper, Clock.systemUTC());
        firstCall(client);
        return client;
    }

    /** Settings with {@code proxy} (user and password may be null) and, for https, {@code trust}. */
    ConnectionSettings through(SalesforceStandIn org, LoopbackProxy proxy, String user, String password,
                               List<String> nonProxyHosts, SSLContext trust) throws OrgException {
        ConnectionSettings s = ConnectionSettings.resolve(SettingLayer.of("test", values(org)));
        if (proxy != null) {
            s = s.withProxy(new ProxySettings(proxy.host(), proxy.port(), user, Secret.ofNullable(password),
                    nonProxyHosts, "corp"));
        }
        return trust == null ? s : s.withSslContext(trust);
    }

    private static Map<SettingKey, String> base() {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.MAX_RETRIES, "3");
        v.put(SettingKey.RETRY_BACKOFF, "1");
        v.put(SettingKey.CONNECT_TIMEOUT, "5");
        v.put(SettingKey.READ_TIMEOUT, "20");
        return v;
    }
}
