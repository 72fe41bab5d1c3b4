package dev.sfapi.org;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.SalesforceStandIn;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Connection settings and clients for a {@link SalesforceStandIn}, for the org-source tests. */
final class StandInSettings {

    private StandInSettings() {
    }

    /** Client credentials of the corpus org's CI app (runs as the API integration user). */
    static Map<SettingKey, String> clientCredentials(SalesforceStandIn org) {
        Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
        v.put(SettingKey.INSTANCE_URL, org.baseUrl());
        v.put(SettingKey.CLIENT_ID, CorpusOrg.CLIENT_ID);
        v.put(SettingKey.CLIENT_SECRET, CorpusOrg.CLIENT_SECRET);
        v.put(SettingKey.MAX_RETRIES, "3");
        v.put(SettingKey.RETRY_BACKOFF, "1");
        return v;
    }

    static ConnectionSettings settings(Map<SettingKey, String> values) throws OrgException {
        return ConnectionSettings.resolve(SettingLayer.of("test", values));
    }

    /** Connects without real waits between retries. */
    static OrgClient connect(SalesforceStandIn org) throws OrgException {
        return connect(settings(clientCredentials(org)));
    }

    static OrgClient connect(ConnectionSettings settings) throws OrgException {
        return OrgClient.connect(settings, new RecordingSleeper(), Clock.systemUTC());
    }
}
