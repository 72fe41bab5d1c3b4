package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legacy SOAP login() through the unmodified force-wsc partner client. */
class PartnerLoginTest {

    private static SalesforceStandIn org;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.control().reset();
        org.log().clear();
    }

    private static ConnectorConfig config(String username, String password) {
        ConnectorConfig cfg = new ConnectorConfig();
        cfg.setAuthEndpoint(org.partnerUrl());
        cfg.setUsername(username);
        cfg.setPassword(password);
        cfg.setConnectionTimeout(5_000);
        cfg.setReadTimeout(10_000);
        return cfg;
    }

    @Test
    void loginWithPasswordAndTokenGivesASessionAndTheEndpoints() throws ConnectionException {
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        Connector.newConnection(cfg); // logs in by itself (gzip on by default)

        assertNotNull(cfg.getSessionId());
        assertTrue(cfg.getSessionId().startsWith(org.org().orgId().substring(0, 15) + "!"), cfg.getSessionId());
        String orgId15 = org.org().orgId().substring(0, 15);
        assertEquals(org.baseUrl() + "/services/Soap/u/62.0/" + orgId15, cfg.getServiceEndpoint());
        assertEquals(1, org.log().count(Endpoint.PARTNER_SOAP, "login"));

        // The session is accepted by the Metadata API, at the org-specific URL login() returned.
        ConnectorConfig mcfg = new ConnectorConfig();
        mcfg.setServiceEndpoint(org.metadataUrl() + "/" + orgId15);
        mcfg.setSessionId(cfg.getSessionId());
        FileProperties[] profiles = new MetadataConnection(mcfg).listMetadata(new ListMetadataQuery[] {query("Profile")}, 62.0);
        assertTrue(profiles.length > 0);
    }

    private static ListMetadataQuery query(String type) {
        ListMetadataQuery q = new ListMetadataQuery();
        q.setType(type);
        return q;
    }

    @Test
    void loginResultCarriesUserInfoInTheOrderWscReads() throws ConnectionException {
        ConnectorConfig cfg = config(CorpusOrg.INTEGRATION_USER, CorpusOrg.INTEGRATION_PASSWORD + CorpusOrg.INTEGRATION_TOKEN);
        cfg.setManualLogin(true);
        cfg.setServiceEndpoint(org.partnerUrl());
        PartnerConnection pc = new PartnerConnection(cfg);
        LoginResult r = pc.login(CorpusOrg.INTEGRATION_USER, CorpusOrg.INTEGRATION_PASSWORD + CorpusOrg.INTEGRATION_TOKEN);

        assertEquals(org.org().user(CorpusOrg.INTEGRATION_USER).orElseThrow().id(), r.getUserId());
        assertEquals(CorpusOrg.INTEGRATION_USER, r.getUserInfo().getUserName());
        assertEquals(org.org().orgId(), r.getUserInfo().getOrganizationId());
        assertEquals("Standard", r.getUserInfo().getUserType());
        assertEquals(7200, r.getUserInfo().getSessionSecondsValid());
        assertTrue(r.getMetadataServerUrl().startsWith(org.metadataUrl() + "/"), r.getMetadataServerUrl());
        assertEquals(null, r.getUserInfo().getRoleId());
    }

    @Test
    void wrongPasswordIsALoginFaultWithTheRealText() {
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD); // token missing
        LoginFault f = assertThrows(LoginFault.class, () -> Connector.newConnection(cfg));
        assertEquals(ExceptionCode.INVALID_LOGIN, f.getExceptionCode());
        assertEquals("Invalid username, password, security token; or user locked out.", f.getExceptionMessage());
        assertEquals(500, org.log().requests().get(0).status());
    }

    @Test
    void unknownInactiveAndFrozenUsersCannotLogIn() {
        for (String user : new String[] {"nobody@acme.example", CorpusOrg.INACTIVE_USER, CorpusOrg.FROZEN_USER}) {
            String pw = user.equals(CorpusOrg.FROZEN_USER) ? CorpusOrg.FROZEN_PASSWORD : "Inactive-pw-1";
            LoginFault f = assertThrows(LoginFault.class, () -> Connector.newConnection(config(user, pw)), user);
            assertEquals(ExceptionCode.INVALID_LOGIN, f.getExceptionCode(), user);
        }
    }

    @Test
    void loginDisabledAnswersAsNewOrgsDo() {
        org.control().soapLoginEnabled(false);
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        ApiFault f = assertThrows(ApiFault.class, () -> Connector.newConnection(cfg));
        assertEquals(ExceptionCode.INVALID_OPERATION, f.getExceptionCode());
        assertTrue(f.getExceptionMessage().contains("SOAP API login() is disabled"), f.getExceptionMessage());
    }

    @Test
    void anUnservedVersionIsRefused() {
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        cfg.setAuthEndpoint(org.baseUrl() + "/services/Soap/u/65.0");
        ApiFault f = assertThrows(ApiFault.class, () -> Connector.newConnection(cfg));
        assertEquals(ExceptionCode.UNSUPPORTED_API_VERSION, f.getExceptionCode());
    }

    @Test
    void uncompressedRequestsWorkToo() throws ConnectionException {
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        cfg.setCompression(false);
        Connector.newConnection(cfg);
        assertNotNull(cfg.getSessionId());
    }

    @Test
    void anOperationTheStandInLacksIsAClientFaultNotASilentSuccess() throws ConnectionException {
        ConnectorConfig cfg = config(CorpusOrg.PLATFORM_USER, CorpusOrg.PLATFORM_PASSWORD + CorpusOrg.PLATFORM_TOKEN);
        PartnerConnection pc = Connector.newConnection(cfg);
        SoapFaultException f = assertThrows(SoapFaultException.class, () -> pc.getServerTimestamp());
        assertTrue(f.getMessage().contains("getServerTimestamp"), f.getMessage());
    }
}
