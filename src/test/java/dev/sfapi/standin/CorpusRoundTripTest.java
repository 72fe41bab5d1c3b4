package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.MutingPermissionSet;
import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.Profile;
import com.sforce.ws.ConnectorConfig;
import dev.sfapi.standin.org.Corpus;
import dev.sfapi.standin.org.MetadataDocument;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.OrgModelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Profile, PermissionSet, PermissionSetGroup and MutingPermissionSet file of the corpus, served
 * by the stand-in and read by the real MetadataConnection: each must parse, and wsc must see as many
 * object, field and user permissions as the file holds (counted in its text, XML comments removed:
 * MANIFEST.tsv's counts include a block one file comments out).
 */
class CorpusRoundTripTest {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Map<String, String> TYPES = Map.of("profile", "Profile", "permissionset", "PermissionSet",
            "permissionsetgroup", "PermissionSetGroup", "mutingpermissionset", "MutingPermissionSet");

    record Entry(String type, String name, Path file, int objects, int fields, int userPermissions) {
    }

    @Test
    void everyCorpusFileParsesInWscWithTheManifestsCounts() throws Exception {
        List<Entry> entries = manifest();
        assertTrue(entries.size() >= 80, "corpus entries: " + entries.size());
        OrgModelBuilder b = OrgModel.builder();
        entries.forEach(e -> b.metadata(e.type(), e.name(), MetadataDocument.file(e.file())));
        try (SalesforceStandIn org = SalesforceStandIn.start(b.user("reader@acme.example", u -> u.profile("P"))
                .userLicense("Salesforce", "SFDC").profile("P", p -> p.userLicense("Salesforce")).build())) {
            ConnectorConfig cfg = new ConnectorConfig();
            cfg.setServiceEndpoint(org.metadataUrl());
            cfg.setSessionId(org.sessionFor("reader@acme.example"));
            cfg.setReadTimeout(60_000);
            MetadataConnection mc = new MetadataConnection(cfg);
            for (Entry e : entries) {
                Metadata m = mc.readMetadata(e.type(), new String[] {e.name()}).getRecords()[0];
                assertEquals(e.name(), m.getFullName(), e.file().toString());
                assertEquals(e.type(), m.getClass().getSimpleName(), e.file().toString());
                int[] counts = counts(m);
                assertEquals(e.objects(), counts[0], "objectPermissions of " + e.file());
                assertEquals(e.fields(), counts[1], "fieldPermissions of " + e.file());
                assertEquals(e.userPermissions(), counts[2], "userPermissions of " + e.file());
            }
        }
    }

    private static int[] counts(Metadata m) {
        if (m instanceof Profile p) {
            return new int[] {p.getObjectPermissions().length, p.getFieldPermissions().length, p.getUserPermissions().length};
        }
        if (m instanceof MutingPermissionSet p) {
            return new int[] {p.getObjectPermissions().length, p.getFieldPermissions().length, p.getUserPermissions().length};
        }
        if (m instanceof PermissionSet p) {
            return new int[] {p.getObjectPermissions().length, p.getFieldPermissions().length, p.getUserPermissions().length};
        }
        return new int[] {0, 0, 0}; // a group holds no permissions of its own
    }

    private static int count(String text, String element) {
        Matcher m = Pattern.compile("<" + element + ">").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The corpus files listed in MANIFEST.tsv (columns: saved_file, repo, path, commit, license, kind, …), with their counts. */
    private static List<Entry> manifest() throws IOException {
        Path dir = Corpus.directory();
        List<Entry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            String type = TYPES.get(cols[5]);
            if (type == null) {
                continue;
            }
            String fileName = cols[2].substring(cols[2].lastIndexOf('/') + 1);
            String name = fileName.substring(0, fileName.indexOf('.' + cols[5]));
            Path file = dir.resolve(cols[0]);
            String text = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
            // Several repositories have an Admin profile: keep the names apart.
            out.add(new Entry(type, cols[1] + ":" + name, file, count(text, "objectPermissions"),
                    count(text, "fieldPermissions"), count(text, "userPermissions")));
        }
        return out;
    }
}
