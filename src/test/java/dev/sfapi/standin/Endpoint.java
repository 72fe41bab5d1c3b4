package dev.sfapi.standin;

import java.util.EnumSet;
import java.util.Set;

/** The endpoints a stand-in answers; counters, the log and fault switches are kept per endpoint. */
public enum Endpoint {
    /** {@code POST /services/oauth2/token} */
    OAUTH_TOKEN,
    /** {@code POST /services/Soap/u/NN.0[/orgId]}: login() */
    PARTNER_SOAP,
    /** {@code POST /services/Soap/m/NN.0[/orgId]}: readMetadata, listMetadata */
    METADATA_SOAP,
    /** {@code GET /services/data/vNN.0/query?q=…} and {@code /query/<locator>} */
    REST_QUERY,
    /** Any other path: answered 404 as a real org would. */
    OTHER;

    /** The endpoints whose calls count against the org's API request limit. */
    public static final Set<Endpoint> API = EnumSet.of(PARTNER_SOAP, METADATA_SOAP, REST_QUERY);

    public static final Set<Endpoint> ALL = EnumSet.of(OAUTH_TOKEN, PARTNER_SOAP, METADATA_SOAP, REST_QUERY);
}
