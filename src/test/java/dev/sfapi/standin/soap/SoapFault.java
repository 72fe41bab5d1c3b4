package dev.sfapi.standin.soap;

/**
 * A SOAP fault on its way out, always sent with HTTP 500 (wsc treats any status below 400 as a
 * result and would fail to parse a fault sent with 200). Three shapes, as real orgs send them:
 * a partner fault with a typed detail ({@code sf:LoginFault}, {@code sf:UnexpectedErrorFault}, …),
 * a metadata fault with no detail at all, and a {@code soapenv:Client} fault for a request the
 * server cannot make sense of.
 */
public final class SoapFault extends Exception {

    private static final long serialVersionUID = 1L;

    static final String PARTNER_FAULT_NS = "urn:fault.partner.soap.sforce.com";

    private final String envelope;

    private SoapFault(String faultstring, String envelope) {
        super(faultstring, null, false, false);
        this.envelope = envelope;
    }

    /** The envelope to send. */
    public String envelope() {
        return envelope;
    }

    /**
     * A partner API fault: {@code faultstring} is {@code CODE: message}; the detail element (e.g.
     * {@code LoginFault}) repeats code and message, which is what wsc turns into a typed ApiFault.
     */
    public static SoapFault partner(String code, String message, String detailType) {
        String faultstring = code + ": " + message;
        String xml = head("xmlns:sf=\"" + PARTNER_FAULT_NS + "\" xmlns:xsi=\"" + MetadataRecordWriter.XSI + "\"")
                + "<faultcode>sf:" + code + "</faultcode><faultstring>" + Xml.escape(faultstring) + "</faultstring>"
                + "<detail><sf:" + detailType + " xsi:type=\"sf:" + detailType + "\">"
                + "<sf:exceptionCode>" + code + "</sf:exceptionCode>"
                + "<sf:exceptionMessage>" + Xml.escape(message) + "</sf:exceptionMessage>"
                + "</sf:" + detailType + "></detail>" + TAIL;
        return new SoapFault(faultstring, xml);
    }

    /** A Metadata API fault: no detail (a detail would make wsc look for a class the jar lacks). */
    public static SoapFault metadata(String code, String message) {
        String faultstring = code + ": " + message;
        String xml = head("xmlns:sf=\"" + MetadataSchema.METADATA_NS + "\"")
                + "<faultcode>sf:" + code + "</faultcode><faultstring>" + Xml.escape(faultstring) + "</faultstring>" + TAIL;
        return new SoapFault(faultstring, xml);
    }

    /** A fault blaming the request itself ({@code soapenv:Client}). */
    public static SoapFault client(String message) {
        String xml = head("") + "<faultcode>soapenv:Client</faultcode><faultstring>" + Xml.escape(message)
                + "</faultstring>" + TAIL;
        return new SoapFault(message, xml);
    }

    private static String head(String extraNamespaces) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + SoapRequest.ENVELOPE_NS + "\""
                + (extraNamespaces.isEmpty() ? "" : " " + extraNamespaces) + "><soapenv:Body><soapenv:Fault>";
    }

    private static final String TAIL = "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
}
