package dev.sfapi.org;

import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata API calls through force-wsc's {@link MetadataConnection}, with what wsc leaves to us:
 * retries with backoff on 503s, HTML pages and timeouts; and, because wsc's SessionRenewer never fires
 * on the metadata endpoint (its faults carry no detail), one re-authentication and retry when the org
 * answers INVALID_SESSION_ID. Thread-safe: each attempt uses its own connection (construction is free).
 *
 * <p>The endpoint always uses the metadata jar's own API version ({@link #SCHEMA_VERSION}): a newer
 * server answers with elements the 62.0 classes cannot parse.
 */
public final class MetadataCalls {

    /** The API version the force-metadata-api jar was generated for ("62.0"). */
    public static final String SCHEMA_VERSION = jarVersion();

    /** A call on a connection, e.g. {@code c -> c.readMetadata("Profile", names)}. */
    @FunctionalInterface
    public interface MetadataCall<T> {
        T apply(MetadataConnection connection) throws ConnectionException;
    }

    private final OrgSession session;
    private final ConnectionSettings settings;
    private final OrgHttp http;

    /** Calls on the session's org, sent through {@code http}'s client (its proxy, trust and retry pauses). */
    public MetadataCalls(OrgSession session, ConnectionSettings settings, OrgHttp http) {
        this.session = session;
        this.settings = settings;
        this.http = http;
    }

    /** {@code <instance>/services/Soap/m/62.0}. */
    public static URI endpoint(URI instanceUrl) {
        return URI.create(instanceUrl + "/services/Soap/m/" + SCHEMA_VERSION);
    }

    /** A connection for the session's current grant (no I/O happens here). */
    public MetadataConnection connection() throws OrgException {
        return open(session.current(), settings, http);
    }

    /**
     * A connection with explicit endpoint, session id, compression and timeouts, whose requests go through
     * {@code http}'s JDK HttpClient ({@link HttpClientTransport}): the proxy, its credentials and
     * nonProxyHosts are the client's, so nothing proxy-related is set on the wsc config itself.
     */
    public static MetadataConnection open(AccessGrant grant, ConnectionSettings settings, OrgHttp http)
            throws OrgException {
        URI endpoint = endpoint(grant.instanceUrl());
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(endpoint.toString());
        config.setAuthEndpoint(endpoint.toString()); // never the jar's internal default host
        config.setSessionId(grant.accessToken().reveal());
        config.setManualLogin(true);
        config.setCompression(true);
        config.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        config.setTraceMessage(false); // tracing would print the session id
        config.setTransportFactory(http.soapTransports());
        try {
            return new MetadataConnection(config);
        } catch (ConnectionException e) {
            throw new OrgException(OrgException.Kind.PROTOCOL, "Cannot set up the Metadata API client for "
                    + endpoint + ": " + SoapFaults.describe(e), e);
        }
    }

    /**
     * Runs the call, retrying transient faults and renewing the session once on INVALID_SESSION_ID.
     *
     * @param what what the call does, for messages ("readMetadata of 7 Profiles")
     */
    public <T> T call(String what, MetadataCall<T> call) throws OrgException {
        AccessGrant grant = session.current();
        boolean renewed = false;
        while (true) {
            MetadataConnection connection = open(grant, settings, http);
            URI endpoint = endpoint(grant.instanceUrl());
            try {
                return SoapRetry.call(what, endpoint, settings.retryPolicy(), http.sleeper(),
                        () -> call.apply(connection));
            } catch (ConnectionException e) {
                if ("INVALID_SESSION_ID".equals(SoapFaults.code(e)) && !renewed) {
                    grant = session.reauthenticate(grant);
                    renewed = true;
                    continue;
                }
                throw failure(e, what, endpoint);
            }
        }
    }

    private OrgException failure(ConnectionException e, String what, URI endpoint) {
        String code = SoapFaults.code(e);
        String said = SoapFaults.describe(e);
        String refused = "The " + what + " was refused: " + Messages.sentence(said) + " ";
        if (code == null) {
            return new OrgException(OrgException.Kind.PROTOCOL, "The answer to the " + what + " from " + endpoint
                    + " could not be read (" + said + "). A server that is not Salesforce, or one answering with "
                    + "another API version's schema, causes this; check the instance URL.", e);
        }
        return switch (code) {
            case "INVALID_SESSION_ID" -> new OrgException(OrgException.Kind.AUTHENTICATION, "The org refused the "
                    + "session for the " + what + " again right after a new login (" + said + "). Check that the "
                    + "connected app's OAuth scopes include \"Manage user data via APIs (api)\".", e);
            case "REQUEST_LIMIT_EXCEEDED" -> new OrgException(OrgException.Kind.API_LIMIT,
                    refused + RestClient.API_LIMIT_ADVICE, e);
            case "INSUFFICIENT_ACCESS" -> new OrgException(OrgException.Kind.PERMISSION, refused + "Reading Profile "
                    + "and PermissionSet metadata needs the connecting user to have \"Modify Metadata Through Metadata "
                    + "API Functions\" or \"Modify All Data\".", e);
            case "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED" -> new OrgException(OrgException.Kind.PERMISSION,
                    refused + "The connecting user needs \"API Enabled\", and the org's edition must include API "
                    + "access.", e);
            case "UNSUPPORTED_API_VERSION" -> new OrgException(OrgException.Kind.API_VERSION, "The org does not "
                    + "serve Metadata API version " + SCHEMA_VERSION + " (" + said + ").", e);
            default -> new OrgException(OrgException.Kind.REJECTED, "The org rejected the " + what + ": "
                    + Messages.sentence(said), e);
        };
    }

    private static String jarVersion() {
        Matcher m = Pattern.compile("/Soap/m/(\\d+\\.\\d+)").matcher(com.sforce.soap.metadata.Connector.END_POINT);
        return m.find() ? m.group(1) : ConnectionSettings.DEFAULT_API_VERSION;
    }
}
