package dev.sfapi.standin.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read with StAX: enough for SOAP requests and metadata documents, which have no
 * mixed content. Attributes are kept only as {@code xsi:nil}, the one the stand-in cares about.
 */
public record XmlElement(String namespace, String name, String text, boolean nil, List<XmlElement> children) {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Reads a whole document; its root element is returned. */
    public static XmlElement parse(InputStream in) throws IOException, XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(in);
        try {
            Deque<Builder> stack = new ArrayDeque<>();
            XmlElement root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        String nsUri = r.getNamespaceURI();
                        boolean nil = "true".equals(r.getAttributeValue(XSI, "nil"));
                        stack.push(new Builder(nsUri == null ? "" : nsUri, r.getLocalName(), nil));
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        XmlElement done = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = done;
                        } else {
                            stack.peek().children.add(done);
                        }
                    }
                    default -> {
                        // comments, processing instructions: nothing to keep
                    }
                }
            }
            if (root == null) {
                throw new XMLStreamException("no root element");
            }
            return root;
        } finally {
            r.close();
        }
    }

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The trimmed text of the first child of that name, or null. */
    public String childText(String localName) {
        return child(localName).map(c -> c.text).orElse(null);
    }

    private static final class Builder {
        final String ns;
        final String name;
        final boolean nil;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String ns, String name, boolean nil) {
            this.ns = ns;
            this.name = name;
            this.nil = nil;
        }

        XmlElement build() {
            // Element content only: text between child elements is indentation, not data.
            String t = children.isEmpty() ? text.toString().trim() : "";
            return new XmlElement(ns, name, t, nil, List.copyOf(children));
        }
    }
}
