package dev.sfapi.standin.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * A parsed SOAP 1.1 request: the session id from whichever {@code SessionHeader} the header carries,
 * and the body's first element, whose QName says the operation (SOAPAction is {@code ""} from wsc,
 * so it is never used).
 */
public record SoapRequest(String sessionId, XmlElement operation) {

    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    /** Parses a request body; a body that is not a SOAP 1.1 envelope gives a client fault. */
    public static SoapRequest parse(byte[] body) throws SoapFault {
        XmlElement envelope;
        try {
            envelope = XmlElement.parse(new ByteArrayInputStream(body));
        } catch (IOException | XMLStreamException e) {
            throw SoapFault.client("Unable to parse the request: " + e.getMessage());
        }
        if (!envelope.name().equals("Envelope") || !ENVELOPE_NS.equals(envelope.namespace())) {
            throw SoapFault.client("Expected a SOAP 1.1 Envelope, found {" + envelope.namespace() + "}" + envelope.name());
        }
        String sessionId = envelope.child("Header")
                .flatMap(h -> h.child("SessionHeader"))
                .flatMap(s -> s.child("sessionId"))
                .map(XmlElement::text)
                .filter(s -> !s.isEmpty())
                .orElse(null);
        XmlElement operation = envelope.child("Body")
                .flatMap(b -> b.children().stream().findFirst())
                .orElseThrow(() -> SoapFault.client("The request has no Body element"));
        return new SoapRequest(sessionId, operation);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }

    public String operationName() {
        return operation.name();
    }
}
