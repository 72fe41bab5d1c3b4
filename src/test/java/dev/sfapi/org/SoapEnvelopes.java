package dev.sfapi.org;

import java.net.URI;

/** SOAP answers in the exact shapes of ../shared/docs/salesforce-wire.md (§1.1, §2.2, §2.7). */
final class SoapEnvelopes {

    private SoapEnvelopes() {
    }

    static String loginSuccess(URI instance, String sessionId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><loginResponse><result>"
                + "<metadataServerUrl>" + instance + "/services/Soap/m/62.0/00DXX0000008abc</metadataServerUrl>"
                + "<passwordExpired>false</passwordExpired>"
                + "<sandbox>false</sandbox>"
                + "<serverUrl>" + instance + "/services/Soap/u/62.0/00DXX0000008abc</serverUrl>"
                + "<sessionId>" + sessionId + "</sessionId>"
                + "<userId>005XX000001AbCdAAK</userId>"
                + "<userInfo><accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal>"
                + "<currencySymbol>$</currencySymbol><orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit>"
                + "<orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>"
                + "<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale>"
                + "<orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>"
                + "<orgHasPersonAccounts>false</orgHasPersonAccounts>"
                + "<organizationId>00DXX0000008abcMAA</organizationId>"
                + "<organizationMultiCurrency>false</organizationMultiCurrency>"
                + "<organizationName>Acme</organizationName><profileId>00eXX000000AbcdQAC</profileId>"
                + "<roleId xsi:nil=\"true\"/><sessionSecondsValid>7200</sessionSecondsValid>"
                + "<userDefaultCurrencyIsoCode xsi:nil=\"true\"/><userEmail>admin@acme.example</userEmail>"
                + "<userFullName>Ada Admin</userFullName><userId>005XX000001AbCdAAK</userId>"
                + "<userLanguage>en_US</userLanguage><userLocale>en_US</userLocale>"
                + "<userName>admin@acme.example</userName><userTimeZone>America/Los_Angeles</userTimeZone>"
                + "<userType>Standard</userType><userUiSkin>Theme3</userUiSkin></userInfo>"
                + "</result></loginResponse></soapenv:Body></soapenv:Envelope>";
    }

    /** A partner fault with a typed detail (LoginFault, UnexpectedErrorFault), HTTP 500. */
    static String partnerFault(String detailType, String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:sf=\"urn:fault.partner.soap.sforce.com\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + code + "</faultcode>"
                + "<faultstring>" + code + ": " + message + "</faultstring>"
                + "<detail><sf:" + detailType + " xsi:type=\"sf:" + detailType + "\">"
                + "<sf:exceptionCode>" + code + "</sf:exceptionCode>"
                + "<sf:exceptionMessage>" + message + "</sf:exceptionMessage>"
                + "</sf:" + detailType + "></detail>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    /** A metadata-endpoint fault: no detail, HTTP 500. */
    static String metadataFault(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:sf=\"http://soap.sforce.com/2006/04/metadata\">"
                + "<soapenv:Body><soapenv:Fault><faultcode>sf:" + code + "</faultcode>"
                + "<faultstring>" + code + ": " + message + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    /** readMetadata of Profile: one existing, one missing name. */
    static String readProfiles() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns=\"http://soap.sforce.com/2006/04/metadata\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><readMetadataResponse><result>"
                + "<records xsi:type=\"Profile\">"
                + "<fullName>Custom%3A Sales Profile</fullName>"
                + "<custom>true</custom>"
                + "<fieldPermissions><editable>true</editable><field>Account.Rating</field>"
                + "<readable>true</readable></fieldPermissions>"
                + "<objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete>"
                + "<allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>"
                + "<object>Account</object><viewAllRecords>false</viewAllRecords></objectPermissions>"
                + "<userLicense>Salesforce</userLicense>"
                + "<userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>"
                + "</records>"
                + "<records xsi:type=\"Profile\"/>"
                + "</result></readMetadataResponse></soapenv:Body></soapenv:Envelope>";
    }
}
