package dev.sfapi.standin.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few top-level values of a metadata document the org model needs so SOQL and the Metadata API
 * agree: a profile's {@code userLicense}, a permission set's {@code license} and {@code label}, a
 * group's member lists and status. Read with StAX, skipping everything else.
 */
record MetadataHints(String userLicense, String license, String label, List<String> permissionSets,
                     List<String> mutingPermissionSets, String status) {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    static MetadataHints read(MetadataDocument doc) {
        String userLicense = null;
        String license = null;
        String label = null;
        String status = null;
        List<String> members = new ArrayList<>();
        List<String> muting = new ArrayList<>();
        try (InputStream in = doc.open()) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        switch (r.getLocalName()) {
                            case "userLicense" -> userLicense = r.getElementText().trim();
                            case "license" -> license = r.getElementText().trim();
                            case "label" -> label = r.getElementText().trim();
                            case "status" -> status = r.getElementText().trim();
                            case "permissionSets" -> members.add(r.getElementText().trim());
                            case "mutingPermissionSets" -> muting.add(r.getElementText().trim());
                            default -> {
                                continue;
                            }
                        }
                        depth--; // getElementText() consumed the end tag
                    }
                } else if (ev == XMLStreamReader.END_ELEMENT) {
                    depth--;
                }
            }
            r.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + doc.describe(), e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(doc.describe() + " is not well-formed XML: " + e.getMessage(), e);
        }
        return new MetadataHints(userLicense, license, label, members, muting, status);
    }
}
