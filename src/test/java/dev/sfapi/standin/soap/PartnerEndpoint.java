package dev.sfapi.standin.soap;

import dev.sfapi.standin.Call;
import dev.sfapi.standin.StandInState;
import dev.sfapi.standin.http.HttpRequest;
import dev.sfapi.standin.http.HttpResponse;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.Profile;
import dev.sfapi.standin.org.User;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The partner SOAP API, {@code /services/Soap/u/NN.0[/orgId]}: only {@code login()}, the legacy
 * username + password + security token flow. Dispatches on the body element's QName.
 */
public final class PartnerEndpoint {

    static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    private static final String INVALID_LOGIN = "Invalid username, password, security token; or user locked out.";

    private final StandInState state;

    public PartnerEndpoint(StandInState state) {
        this.state = state;
    }

    public Call prepare(HttpRequest request, String version) {
        SoapRequest soap;
        try {
            soap = SoapRequest.parse(request.body());
        } catch (SoapFault f) {
            return Call.answered("?", fault(f));
        }
        String op = soap.operationName();
        if (!PARTNER_NS.equals(soap.operation().namespace()) || !op.equals("login")) {
            return Call.answered(op, fault(SoapFault.client("No operation available for request {"
                    + soap.operation().namespace() + "}" + op + " (the stand-in implements login only)")));
        }
        return Call.of("login", null, () -> login(soap.operation(), version));
    }

    private HttpResponse login(XmlElement login, String version) {
        if (!state.org().servesVersion(version)) {
            return fault(SoapFault.partner("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL",
                    "UnexpectedErrorFault"));
        }
        if (!state.control().soapLoginEnabled()) {
            // What orgs created from Winter '26 answer; the detail type is not confirmed [?].
            return fault(SoapFault.partner("INVALID_OPERATION", "SOAP API login() is disabled by default in this org."
                    + " Contact the org administrator to enable SOAP API login().", "UnexpectedErrorFault"));
        }
        String username = login.childText("username");
        String password = login.childText("password");
        Optional<User> user = username == null ? Optional.empty() : state.org().user(username);
        if (user.isEmpty() || !user.get().canLogIn() || !passwordMatches(user.get(), password)) {
            return fault(SoapFault.partner("INVALID_LOGIN", INVALID_LOGIN, "LoginFault"));
        }
        return HttpResponse.xml(200, Xml.envelope(PARTNER_NS, loginResponse(user.get(), version)));
    }

    private static boolean passwordMatches(User user, String given) {
        if (user.password() == null || given == null) {
            return false;
        }
        String expected = user.password() + (user.securityToken() == null ? "" : user.securityToken());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The children of {@code result} and {@code userInfo} in the exact order wsc 62.0 reads them. */
    private String loginResponse(User user, String version) {
        OrgModel org = state.org();
        Profile profile = org.get(user.profileId(), Profile.class);
        String orgId = org.orgId();
        String base = state.baseUrl();
        StringBuilder x = new StringBuilder("<loginResponse><result>");
        x.append(Xml.element("metadataServerUrl", base + "/services/Soap/m/" + version + "/" + orgId.substring(0, 15)));
        x.append(Xml.element("passwordExpired", "false"));
        x.append(Xml.element("sandbox", "false"));
        x.append(Xml.element("serverUrl", base + "/services/Soap/u/" + version + "/" + orgId.substring(0, 15)));
        x.append(Xml.element("sessionId", state.sessions().issue(user)));
        x.append(Xml.element("userId", user.id()));
        x.append("<userInfo>");
        x.append(Xml.element("accessibilityMode", "false"));
        x.append(Xml.element("chatterExternal", "false"));
        x.append(Xml.element("currencySymbol", "$"));
        x.append(Xml.element("orgAttachmentFileSizeLimit", "5242880"));
        x.append(Xml.element("orgDefaultCurrencyIsoCode", "USD"));
        x.append(Xml.element("orgDefaultCurrencyLocale", "en_US"));
        x.append(Xml.element("orgDisallowHtmlAttachments", "false"));
        x.append(Xml.element("orgHasPersonAccounts", "false"));
        x.append(Xml.element("organizationId", orgId));
        x.append(Xml.element("organizationMultiCurrency", "false"));
        x.append(Xml.element("organizationName", org.orgName()));
        x.append(Xml.element("profileId", profile.id()));
        x.append("<roleId xsi:nil=\"true\"/>");
        x.append(Xml.element("sessionSecondsValid", "7200"));
        x.append("<userDefaultCurrencyIsoCode xsi:nil=\"true\"/>");
        x.append(Xml.element("userEmail", user.email()));
        x.append(Xml.element("userFullName", user.name()));
        x.append(Xml.element("userId", user.id()));
        x.append(Xml.element("userLanguage", "en_US"));
        x.append(Xml.element("userLocale", "en_US"));
        x.append(Xml.element("userName", user.username()));
        x.append(Xml.element("userTimeZone", "America/Los_Angeles"));
        x.append(Xml.element("userType", user.userType()));
        x.append(Xml.element("userUiSkin", "Theme3"));
        x.append("</userInfo></result></loginResponse>");
        return x.toString();
    }

    static HttpResponse fault(SoapFault f) {
        return HttpResponse.xml(500, f.envelope());
    }
}
