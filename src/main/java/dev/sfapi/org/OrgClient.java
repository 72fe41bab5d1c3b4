package dev.sfapi.org;

import java.time.Clock;
import java.util.List;

/**
 * The entry point for talking to an org: authenticates once, then offers SOQL over REST and Metadata API
 * calls on the same session.
 *
 * <pre>{@code
 * OrgClient org = OrgClient.connect(settings);
 * List<JsonNode> users = org.rest().query("SELECT Id, Username FROM User WHERE ...");
 * ReadResult r = org.metadata().call("readMetadata of 3 Profiles", c -> c.readMetadata("Profile", names));
 * }</pre>
 */
public final class OrgClient {

    private final ConnectionSettings settings;
    private final OrgHttp http;
    private final Authenticator authenticator;
    private final OrgSession session;
    private final RestClient rest;
    private final MetadataCalls metadata;

    private OrgClient(ConnectionSettings settings, OrgHttp http, Authenticator authenticator, OrgSession session) {
        this.settings = settings;
        this.http = http;
        this.authenticator = authenticator;
        this.session = session;
        this.rest = new RestClient(session, http);
        this.metadata = new MetadataCalls(session, settings, http);
    }

    /** Authenticates with the configured method. */
    public static OrgClient connect(ConnectionSettings settings) throws OrgException {
        return connect(settings, Sleeper.REAL, Clock.systemUTC());
    }

    /** As {@link #connect(ConnectionSettings)}, with the waiting between retries and the clock injectable. */
    public static OrgClient connect(ConnectionSettings settings, Sleeper sleeper, Clock clock) throws OrgException {
        OrgHttp http = OrgHttp.create(settings, sleeper);
        Authenticator authenticator = Authenticators.create(settings, http, clock);
        OrgSession session = OrgSession.open(authenticator, settings.apiVersion());
        return new OrgClient(settings, http, authenticator, session);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public OrgSession session() {
        return session;
    }

    public RestClient rest() {
        return rest;
    }

    public MetadataCalls metadata() {
        return metadata;
    }

    /** Warnings for the build log (SOAP login is legacy). */
    public List<String> warnings() {
        return authenticator.warnings();
    }

    /** The same warnings before connecting, so they reach the log even when the login fails. */
    public static List<String> warningsFor(ConnectionSettings settings) {
        return settings.authMethod() == AuthMethod.SOAP_LOGIN ? List.of(SoapLoginAuthenticator.LEGACY_WARNING)
                : List.of();
    }

    /** HTTP requests sent by the REST and OAuth clients so far (SOAP calls are not counted here). */
    public int httpRequestCount() {
        return http.requestCount();
    }
}
