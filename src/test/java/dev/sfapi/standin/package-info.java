/**
 * A local stand-in for a Salesforce org, for tests, invoker ITs and the benchmark (test code only).
 *
 * <h2>What it answers</h2>
 * One loopback server ({@link dev.sfapi.standin.SalesforceStandIn}, {@code http://127.0.0.1:<port>})
 * is both login URL and instance URL:
 * <ul>
 *   <li>{@code POST /services/oauth2/token}: JWT bearer (RS256 checked against the connected app's
 *       public key; iss, sub, aud, exp ≤ 3 min + 60 s), client credentials (form or HTTP Basic),
 *       refresh token. Errors are HTTP 400 {@code {"error","error_description"}}.</li>
 *   <li>{@code POST /services/Soap/u/NN.0[/orgId]}: partner {@code login()} with password + token.</li>
 *   <li>{@code POST /services/Soap/m/NN.0[/orgId]}: {@code readMetadata} (≤ 10 names) and
 *       {@code listMetadata} (≤ 3 queries) over the org's components, re-emitted in the 62.0 schema
 *       order read from the force-metadata-api jar. Faults are HTTP 500 without detail.</li>
 *   <li>{@code GET /services/data/vNN.0/query?q=…} and {@code /query/<locator>}: a SOQL subset
 *       over the org model (see {@code soql.SoqlEngine}), with {@code Sforce-Limit-Info}.</li>
 * </ul>
 * Only the versions the org model lists are served (default 62.0, the jars' version).
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * try (SalesforceStandIn org = SalesforceStandIn.start(CorpusOrg.model())) {
 *     String session = org.sessionFor(CorpusOrg.INTEGRATION_USER);   // or go through org.tokenUrl()
 *     ConnectorConfig cfg = new ConnectorConfig();
 *     cfg.setServiceEndpoint(org.metadataUrl());
 *     cfg.setSessionId(session);
 *     new MetadataConnection(cfg).readMetadata("Profile", new String[] {"Admin"});
 *     org.log().count(Endpoint.METADATA_SOAP, "readMetadata", "Profile");   // 1
 * }
 * }</pre>
 * Build an org in Java with {@code OrgModel.builder()}, load one from YAML with
 * {@code org.OrgFixture}, or start from the ready-made {@link dev.sfapi.standin.CorpusOrg} (real
 * corpus files; add a JWT app with a key from {@link dev.sfapi.standin.StandInKeys}). For invoker
 * ITs see {@link dev.sfapi.standin.StandInLauncher}.
 *
 * <h2>Observing and breaking it</h2>
 * {@link dev.sfapi.standin.RequestLog} counts requests per endpoint, operation and subject and keeps
 * the highest concurrency; it never holds a header, a body or a secret.
 * {@link dev.sfapi.standin.StandInControl} adds latency, shrinks the query batch size, expires
 * sessions after N requests, injects REQUEST_LIMIT_EXCEEDED, an HTML 503, an empty 500 or a delay
 * for the next N requests (optionally per endpoint), takes away View Setup or Modify Metadata, turns
 * user access policies off (PermissionSetAssignment.IsRevoked then doesn't exist), and turns SOAP login()
 * off.
 *
 * <h2>Where it is unsure</h2>
 * Behaviour not confirmed against a real org is marked {@code [?]} in the code: the exact fault of a
 * user without View Setup, the type shown for a polymorphic lookup without TYPEOF, what
 * PermissionSetAssignment.IsActive shows (here: the user's own active state), the texts for inactive users in OAuth, the detail type of the
 * login()-disabled fault.
 */
package dev.sfapi.standin;
