package dev.sfapi.standin.soap;

/** Text escaping and the envelope around a successful response body. */
public final class Xml {

    private Xml() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code <name>text</name>}, escaped. */
    public static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    /**
     * A response envelope whose body content is in {@code defaultNamespace}, with {@code xsi} declared;
     * no SOAP header is sent (an unknown response header is fatal to wsc on the metadata endpoint).
     */
    public static String envelope(String defaultNamespace, String bodyContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + SoapRequest.ENVELOPE_NS
                + "\" xmlns=\"" + defaultNamespace + "\" xmlns:xsi=\"" + MetadataRecordWriter.XSI + "\"><soapenv:Body>"
                + bodyContent + "</soapenv:Body></soapenv:Envelope>";
    }
}
