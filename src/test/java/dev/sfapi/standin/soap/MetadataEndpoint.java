package dev.sfapi.standin.soap;

import dev.sfapi.standin.Call;
import dev.sfapi.standin.StandInState;
import dev.sfapi.standin.http.HttpRequest;
import dev.sfapi.standin.http.HttpResponse;
import dev.sfapi.standin.org.MetadataComponent;
import dev.sfapi.standin.org.Names;
import dev.sfapi.standin.org.OrgModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Metadata API, {@code /services/Soap/m/NN.0[/orgId]}: readMetadata and listMetadata over the
 * org's components. Refuses what a real org refuses, with detail-less faults: no or bad session
 * (INVALID_SESSION_ID), more than 10 names (EXCEEDED_ID_LIMIT), an API version it does not serve
 * (UNSUPPORTED_API_VERSION), a user without Modify All Data / Modify Metadata (INSUFFICIENT_ACCESS),
 * the org's API limit (REQUEST_LIMIT_EXCEEDED). Responses carry no SOAP header.
 */
public final class MetadataEndpoint {

    static final int READ_LIMIT = 10;
    static final int LIST_QUERY_LIMIT = 3;
    private static final Map<String, String> FOLDERS = Map.of(
            "Profile", "profiles", "PermissionSet", "permissionsets",
            "PermissionSetGroup", "permissionsetgroups", "MutingPermissionSet", "mutingpermissionsets");
    private static final String SOME_DATE = "2024-01-15T10:00:00.000Z";

    private final StandInState state;
    private final MetadataRecordWriter records = new MetadataRecordWriter();

    public MetadataEndpoint(StandInState state) {
        this.state = state;
    }

    public Call prepare(HttpRequest request, String version) {
        SoapRequest soap;
        try {
            soap = SoapRequest.parse(request.body());
        } catch (SoapFault f) {
            return Call.answered("?", PartnerEndpoint.fault(f));
        }
        XmlElement op = soap.operation();
        if (!MetadataSchema.METADATA_NS.equals(op.namespace())
                || !(op.name().equals("readMetadata") || op.name().equals("listMetadata"))) {
            return Call.answered(op.name(), PartnerEndpoint.fault(SoapFault.client("No operation available for request {"
                    + op.namespace() + "}" + op.name() + " (the stand-in implements readMetadata and listMetadata)")));
        }
        String subject = op.name().equals("readMetadata") ? op.childText("type")
                : op.children("queries").stream().map(q -> q.childText("type")).collect(Collectors.joining(","));
        return Call.of(op.name(), subject, () -> {
            try {
                checkAccess(soap, version);
                String body = op.name().equals("readMetadata") ? readMetadata(op) : listMetadata(op);
                return HttpResponse.xml(200, Xml.envelope(MetadataSchema.METADATA_NS, body));
            } catch (SoapFault f) {
                return PartnerEndpoint.fault(f);
            }
        });
    }

    private void checkAccess(SoapRequest soap, String version) throws SoapFault {
        if (!state.org().servesVersion(version)) {
            throw SoapFault.metadata("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL");
        }
        if (state.sessionUser(soap.sessionId()).isEmpty()) {
            throw SoapFault.metadata("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
        }
        if (!state.countApiRequest()) {
            throw SoapFault.metadata("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        if (!state.control().modifyMetadata()) {
            throw SoapFault.metadata("INSUFFICIENT_ACCESS",
                    "use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions");
        }
    }

    private String readMetadata(XmlElement op) throws SoapFault {
        String type = op.childText("type");
        List<String> names = op.children("fullNames").stream().map(XmlElement::text).toList();
        if (type == null || MetadataSchema.forType(type).isEmpty()) {
            throw SoapFault.metadata("INVALID_TYPE", "This type of metadata is not available for this organization");
        }
        if (names.size() > READ_LIMIT) {
            throw SoapFault.metadata("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + READ_LIMIT + " records in this operation");
        }
        StringBuilder x = new StringBuilder("<readMetadataResponse><result>");
        for (String name : names) {
            Optional<MetadataComponent> c = state.org().metadata(type, name)
                    .filter(component -> !state.control().hidden(type, name));
            // A name the org does not have is not an error: an empty typed record comes back.
            x.append(c.isPresent() ? records.record(type, name, c.get().document()) : MetadataRecordWriter.emptyRecord(type));
        }
        return x.append("</result></readMetadataResponse>").toString();
    }

    private String listMetadata(XmlElement op) throws SoapFault {
        List<XmlElement> queries = op.children("queries");
        if (queries.size() > LIST_QUERY_LIMIT) {
            // The limit is documented; the fault a real org sends for it is not confirmed [?].
            throw SoapFault.metadata("EXCEEDED_ID_LIMIT", "listMetadata accepts at most " + LIST_QUERY_LIMIT + " queries");
        }
        OrgModel org = state.org();
        StringBuilder x = new StringBuilder("<listMetadataResponse>");
        for (XmlElement q : queries) {
            String type = q.childText("type");
            if (type == null) {
                continue;
            }
            for (MetadataComponent c : org.metadata(type)) {
                if (state.control().hidden(type, c.fullName())) {
                    continue;
                }
                x.append(fileProperties(c));
            }
        }
        return x.append("</listMetadataResponse>").toString();
    }

    /** FileProperties children in the 62.0 order; namespacePrefix only when set. */
    private String fileProperties(MetadataComponent c) {
        String folder = FOLDERS.getOrDefault(c.type(), c.type().toLowerCase(Locale.ROOT) + "s");
        String suffix = c.type().toLowerCase(Locale.ROOT);
        String ns = Names.namespace(c.fullName());
        String admin = state.org().users().isEmpty() ? "005000000000000AAA" : state.org().users().get(0).id();
        return "<result>"
                + Xml.element("createdById", admin)
                + Xml.element("createdByName", "Stand-in Admin")
                + Xml.element("createdDate", SOME_DATE)
                + Xml.element("fileName", folder + "/" + c.fullName() + "." + suffix)
                + Xml.element("fullName", c.fullName())
                + Xml.element("id", c.id())
                + Xml.element("lastModifiedById", admin)
                + Xml.element("lastModifiedByName", "Stand-in Admin")
                + Xml.element("lastModifiedDate", SOME_DATE)
                + Xml.element("manageableState", ns == null ? "unmanaged" : "installed")
                + (ns == null ? "" : Xml.element("namespacePrefix", ns))
                + Xml.element("type", c.type())
                + "</result>";
    }
}
