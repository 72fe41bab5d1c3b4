package dev.sfapi.standin.soap;

import dev.sfapi.standin.org.MetadataDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Turns a source-format metadata document into the {@code <records xsi:type="Profile">} element a
 * 62.0 readMetadata response carries: {@code fullName} first, then the children in the schema order of
 * {@link MetadataSchema}. Elements 62.0 does not know (newer ones such as
 * {@code objectPermissions/viewAllFields}) are dropped, as a 62.0 endpoint would not send them; an
 * entry whose enum value 62.0 cannot express is dropped whole. The result is an XML fragment in the
 * metadata namespace without namespace declarations: the envelope declares the default namespace and
 * {@code xsi}. Fragments are cached, the documents being immutable.
 */
public final class MetadataRecordWriter {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The record for an existing component. */
    public String record(String typeName, String fullName, MetadataDocument document) {
        String key = typeName + "\u0000" + fullName;
        String known = cache.get(key);
        if (known == null) {
            // Rendered outside the map: a large profile must not hold up concurrent reads of others.
            known = render(typeName, fullName, document);
            String raced = cache.putIfAbsent(key, known);
            known = raced != null ? raced : known;
        }
        return known;
    }

    /** What a real org returns for a name it does not have: an empty typed record. */
    public static String emptyRecord(String typeName) {
        return "<records xsi:type=\"" + typeName + "\"/>";
    }

    private static String render(String typeName, String fullName, MetadataDocument document) {
        MetadataSchema schema = MetadataSchema.forType(typeName)
                .orElseThrow(() -> new IllegalArgumentException("the 62.0 metadata jar has no type " + typeName));
        XmlElement root;
        try (InputStream in = document.open()) {
            root = XmlElement.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document.describe(), e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(document.describe() + " is not well-formed XML: " + e.getMessage(), e);
        }
        if (!root.name().equals(typeName)) {
            throw new IllegalArgumentException(document.describe() + " is a <" + root.name() + ">, not a " + typeName);
        }
        List<XmlElement> children = filterChildren(schema, root, true);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(text);
            w.writeStartElement("records");
            w.writeAttribute("xsi", XSI, "type", typeName);
            w.writeStartElement("fullName");
            w.writeCharacters(fullName);
            w.writeEndElement();
            for (XmlElement c : children) {
                write(w, c);
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the record of " + typeName + " " + fullName, e);
        }
        return text.toString();
    }

    /** The children of {@code source} that 62.0 knows, in schema order; empty when one is invalid. */
    private static List<XmlElement> filterChildren(MetadataSchema schema, XmlElement source, boolean topLevel) {
        List<XmlElement> out = new ArrayList<>();
        for (MetadataSchema.Child child : schema.children()) {
            if (topLevel && child.name().equals("fullName")) {
                continue; // written from the requested name, whatever an old file says
            }
            for (XmlElement s : source.children(child.name())) {
                Optional<XmlElement> kept = filter(child, s);
                if (kept.isPresent()) {
                    out.add(kept.get());
                } else if (!topLevel) {
                    return null; // an entry with a value 62.0 cannot express is left out whole
                }
            }
        }
        return out;
    }

    private static Optional<XmlElement> filter(MetadataSchema.Child child, XmlElement s) {
        if (s.nil()) {
            return Optional.of(s);
        }
        switch (child.kind()) {
            case BOOLEAN:
                return s.text().equals("true") || s.text().equals("false") ? Optional.of(s) : Optional.empty();
            case NUMBER:
                try {
                    new BigDecimal(s.text());
                    return Optional.of(s);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            case ENUM:
                return child.enumValues().contains(s.text()) ? Optional.of(s) : Optional.empty();
            case COMPLEX: {
                List<XmlElement> kids = filterChildren(MetadataSchema.of(child.complexType()), s, false);
                return kids == null ? Optional.empty()
                        : Optional.of(new XmlElement(s.namespace(), s.name(), "", false, kids));
            }
            default:
                return Optional.of(s);
        }
    }

    private static void write(XMLStreamWriter w, XmlElement e) throws XMLStreamException {
        if (e.nil()) {
            w.writeEmptyElement(e.name());
            w.writeAttribute("xsi", XSI, "nil", "true");
            return;
        }
        w.writeStartElement(e.name());
        if (e.children().isEmpty()) {
            w.writeCharacters(e.text());
        } else {
            for (XmlElement c : e.children()) {
                write(w, c);
            }
        }
        w.writeEndElement();
    }
}
