package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretToStringNeverShowsTheValue() {
        Secret s = Secret.of("hunter2-very-secret");
        assertEquals("****", s.toString());
        assertEquals("****", String.valueOf(s));
        assertFalse(("value=" + s).contains("hunter2"));
    }

    @Test
    void sameValueAsComparesValuesWithoutEquals() {
        Secret a = Secret.of("tok-AAAA-1");
        assertTrue(a.sameValueAs(Secret.of("tok-AAAA-1")));
        assertFalse(a.sameValueAs(Secret.of("tok-AAAA-2")));
        assertFalse(a.sameValueAs(null));
        assertFalse(a.equals(Secret.of("tok-AAAA-1")), "identity equality, so assertEquals can't print values");
    }

    @Test
    void blankIsNotASecret() {
        assertEquals(null, Secret.ofNullable("  "));
        assertEquals(null, Secret.ofNullable(null));
    }

    @Test
    void scrubsRegisteredValuesInEveryEncoding() {
        String raw = "p&ss<w0rd>\"/+x y";
        Secret.of(raw);
        String form = URLEncoder.encode(raw, StandardCharsets.UTF_8);
        String xml = "p&amp;ss&lt;w0rd&gt;&quot;/+x y";
        String json = "p&ss<w0rd>\\\"\\/+x y";
        String text = "raw " + raw + " form " + form + " xml " + xml + " json " + json;
        String scrubbed = Redactor.scrub(text);
        NoSecrets.assertNotIn(scrubbed, raw, form, xml, json);
        assertTrue(scrubbed.startsWith("raw **** form **** xml **** json ****"), scrubbed);
    }

    @Test
    void scrubsSalesforceSessionIdsButKeepsTheOrgId() {
        String msg = "session 00DXX0000008abc!AQ0AQFakeSession.x_y-z expired";
        assertEquals("session 00DXX0000008abc!**** expired", Redactor.scrub(msg));
    }

    @Test
    void scrubsBearerRefreshTokensAuthUrlsAndJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";
        String text = "Authorization: Bearer abc.def-ghi-jkl, refresh 5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrfNg, "
                + "url force://PlatformCLI::5Aep861abc@acme.my.salesforce.com, assertion " + jwt;
        String scrubbed = Redactor.scrub(text);
        NoSecrets.assertNotIn(scrubbed, "abc.def-ghi-jkl", "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrfNg",
                "5Aep861abc", jwt, "PlatformCLI::");
        assertTrue(scrubbed.contains("Bearer ****"), scrubbed);
        assertTrue(scrubbed.contains("force://****@acme.my.salesforce.com"), scrubbed);
    }

    @Test
    void scrubsCredentialKeyValuePairsInFormsJsonAndXml() {
        String text = "grant_type=refresh_token&refresh_token=abcdEFGH1234&client_secret=s3cr3tValue "
                + "{\"access_token\":\"tokenValue99\",\"password\": \"pw-value\"} "
                + "<m:password>xml-pass</m:password><sessionId>sid-value</sessionId>";
        String scrubbed = Redactor.scrub(text);
        NoSecrets.assertNotIn(scrubbed, "abcdEFGH1234", "s3cr3tValue", "tokenValue99", "pw-value", "xml-pass",
                "sid-value");
        assertTrue(scrubbed.contains("grant_type=refresh_token"), "non-secret fields stay: " + scrubbed);
    }

    @Test
    void leavesProseAboutPasswordsAndBearerFlowsAlone() {
        String msg = "Check the password and the security token of the user (JWT bearer flow).";
        assertEquals(msg, Redactor.scrub(msg));
    }

    @Test
    void scrubsPemPrivateKeys() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        String scrubbed = Redactor.scrub("bad key: " + pem);
        NoSecrets.assertNotIn(scrubbed, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    }

    @Test
    void orgExceptionScrubsItsMessageAndEveryCause() {
        Secret token = Secret.of("my-access-token-value");
        IOException inner = new IOException("server echoed " + token.reveal());
        RuntimeException outer = new RuntimeException("wrapped Bearer xyz-123-secret", inner);
        OrgException e = new OrgException(OrgException.Kind.AUTHENTICATION,
                "refused " + token.reveal(), outer);
        NoSecrets.assertNotIn(e, token.reveal(), "xyz-123-secret");
        assertTrue(e.getCause().toString().startsWith("java.lang.RuntimeException: "),
                "the original class stays visible: " + e.getCause());
        assertEquals(outer.getStackTrace().length, e.getCause().getStackTrace().length);
    }

    @Test
    void aCauseWithNothingToHideIsKeptWithItsRealType() {
        java.net.ConnectException refused = new java.net.ConnectException();
        IOException outer = new IOException("Failed to send request to http://127.0.0.1:9", refused);
        OrgException e = new OrgException(OrgException.Kind.UNAVAILABLE, "could not connect", outer);
        // Maven names a cause without a message by its class: it must be ConnectException, not a stand-in.
        assertEquals(outer, e.getCause());
        assertEquals(refused, e.getCause().getCause());
    }

    @Test
    void aScrubbedCauseWithoutAMessageIsNamedByItsOriginalType() {
        Secret token = Secret.of("hidden-in-tostring-only");
        // Like wsc's ApiFault: no message, the text is in toString().
        Exception fault = new Exception() {
            @Override
            public String toString() {
                return "ApiFault exceptionMessage='session " + token.reveal() + " expired'";
            }
        };
        Exception quiet = new IllegalStateException((String) null, fault);
        OrgException e = new OrgException(OrgException.Kind.AUTHENTICATION, "refused", quiet);
        NoSecrets.assertNotIn(e, token.reveal());
        assertEquals("IllegalStateException", e.getCause().getMessage(), "never null, never 'ScrubbedCause'");
        assertEquals("java.lang.IllegalStateException", e.getCause().toString());
        assertTrue(e.getCause().getCause().getMessage().contains("session **** expired"),
                e.getCause().getCause().getMessage());
    }
}
