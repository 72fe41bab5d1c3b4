package dev.sfapi.standin.org;

import java.util.List;

/**
 * Minimal source-format documents for components a fixture defines without a file, so that
 * readMetadata still returns what a real org would at least show (label, license, members).
 */
final class GeneratedMetadata {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String NS = " xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

    private GeneratedMetadata() {
    }

    static MetadataDocument profile(String fullName, String userLicense) {
        return MetadataDocument.xml("generated profile " + fullName, HEAD + "<Profile" + NS + ">"
                + element("custom", "true") + element("userLicense", userLicense) + "</Profile>");
    }

    static MetadataDocument permissionSet(String label, String license) {
        return MetadataDocument.xml("generated permission set " + label, HEAD + "<PermissionSet" + NS + ">"
                + element("hasActivationRequired", "false") + element("label", label) + element("license", license)
                + "</PermissionSet>");
    }

    static MetadataDocument mutingPermissionSet(String label) {
        return MetadataDocument.xml("generated muting permission set " + label,
                HEAD + "<MutingPermissionSet" + NS + ">" + element("label", label) + "</MutingPermissionSet>");
    }

    static MetadataDocument group(String label, List<String> members, List<String> muting) {
        return group(label, members, muting, "Updated");
    }

    static MetadataDocument group(String label, List<String> members, List<String> muting, String status) {
        StringBuilder x = new StringBuilder(HEAD).append("<PermissionSetGroup").append(NS).append('>');
        x.append(element("label", label));
        muting.forEach(m -> x.append(element("mutingPermissionSets", m)));
        members.forEach(m -> x.append(element("permissionSets", m)));
        x.append(element("status", status)).append("</PermissionSetGroup>");
        return MetadataDocument.xml("generated permission set group " + label, x.toString());
    }

    private static String element(String name, String value) {
        if (value == null) {
            return "";
        }
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    /** {@code doc} with its {@code <status>} replaced (or added) as {@code status}. */
    static MetadataDocument withStatus(MetadataDocument doc, String status) {
        String xml;
        try (java.io.InputStream in = doc.open()) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + doc.describe(), e);
        }
        String element = element("status", status);
        String changed = xml.matches("(?s).*<status>[^<]*</status>.*")
                ? xml.replaceFirst("<status>[^<]*</status>", element)
                : xml.replace("</PermissionSetGroup>", element + "</PermissionSetGroup>");
        return MetadataDocument.xml(doc.describe() + " (status " + status + ")", changed);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
