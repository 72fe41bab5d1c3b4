package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every file of the real-metadata corpus (../shared/corpus/metadata, listed in MANIFEST.tsv) and
 * checks what the StAX reader found against an independent reading done here with regular expressions
 * on the comment-stripped text: entry counts, names, operations, licence, and the MANIFEST's own figures.
 */
class CorpusTest {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern RAW_COUNTS = Pattern.compile(
            "\\[obj=(\\d+) fld=(\\d+) userPerms=(\\d+) ApiEnabled=(\\S+) ApiUserOnly=(\\S+)"
                    + " ModifyAllData=(\\S+) ViewAllData=([^;\\]\\s]+)");

    private static Path corpus;
    private static List<Row> manifest;

    /** One MANIFEST.tsv line. */
    record Row(String savedFile, String repo, String path, String licenseValue, String kind, long size, String note) {
        MetadataKind metadataKind() {
            for (MetadataKind k : MetadataKind.values()) {
                if (k.suffix().equals(kind)) {
                    return k;
                }
            }
            throw new AssertionError("unknown kind '" + kind + "' in MANIFEST for " + savedFile);
        }

        String expectedLicense() {
            return licenseValue.equals("(none)") ? null : licenseValue;
        }

        /** The full name the file has in its own repository (the corpus file name is flattened). */
        String fullName() {
            return metadataKind().fullNameOf(Path.of(path).getFileName().toString());
        }
    }

    @BeforeAll
    static void readManifest() throws IOException {
        corpus = Fixtures.corpus();
        Path tsv = corpus.resolve("MANIFEST.tsv");
        assertTrue(Files.isRegularFile(tsv), "corpus not found at " + corpus.toAbsolutePath()
                + "; set -Dsfapi.corpus=<path to shared/corpus/metadata>");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertEquals("saved_file\trepo\tpath\tcommit\tlicense_value\tkind\tsize_bytes\tnote", lines.get(0));
        manifest = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            assertEquals(8, c.length, line);
            manifest.add(new Row(c[0], c[1], c[2], c[4], c[5], Long.parseLong(c[6]), c[7]));
        }
    }

    @Test
    void manifestListsEveryCorpusFileAndEachExistsWithItsSize() throws IOException {
        assertEquals(80, manifest.size());
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(corpus)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("MANIFEST.tsv") && !p.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, manifest.stream().map(Row::savedFile).collect(Collectors.toCollection(TreeSet::new)));
        for (Row row : manifest) {
            assertEquals(row.size(), Files.size(corpus.resolve(row.savedFile())), row.savedFile());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileReadsAsAnIndependentCountSays() {
        return manifest.stream().map(row -> DynamicTest.dynamicTest(row.savedFile(), () -> check(row)));
    }

    private void check(Row row) throws Exception {
        Path file = corpus.resolve(row.savedFile());
        MetadataKind kind = row.metadataKind();
        assertEquals(kind, MetadataKind.ofFileName(file.getFileName().toString()).orElseThrow(),
                "the file name's suffix agrees with the MANIFEST kind");
        byte[] bytes = Files.readAllBytes(file);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        if (raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        String text = COMMENT.matcher(raw).replaceAll("");
        boolean hasComments = !text.equals(raw);
        MetadataReader reader = new MetadataReader();

        if (kind == MetadataKind.PERMISSION_SET_GROUP) {
            PermissionSetGroup g = reader.readGroup(new ByteArrayInputStream(bytes), row.fullName(), file.toString());
            assertEquals(values(text, "permissionSets"), g.permissionSets());
            assertEquals(values(text, "mutingPermissionSets"), g.mutingPermissionSets());
            assertEquals(row.fullName(), g.fullName());
            assertNull(row.expectedLicense(), "groups carry no licence");
            assertRawCounts(row, 0, 0, 0);
            return;
        }

        MetadataReader.Result r = reader.readCounted(new ByteArrayInputStream(bytes), kind, row.fullName(),
                file.toString());
        PermissionFile p = r.file();

        // Entry counts outside comments, counted here without StAX.
        int objects = count(text, "<objectPermissions>");
        int fields = count(text, "<fieldPermissions>");
        int userPerms = count(text, "<userPermissions>");
        assertEquals(objects, r.objectEntries(), "objectPermissions entries");
        assertEquals(fields, r.fieldEntries(), "fieldPermissions entries");
        assertEquals(userPerms, r.userPermissionEntries(), "userPermissions entries");

        // The MANIFEST's bracketed counts are raw (commented-out blocks included): they equal a count of the
        // whole text, and ours wherever the file has no comments.
        assertRawCounts(row, count(raw, "<objectPermissions>"), count(raw, "<fieldPermissions>"),
                count(raw, "<userPermissions>"));
        if (!hasComments) {
            assertRawCounts(row, objects, fields, userPerms);
        }

        // Names and operations, read here with regular expressions. Maps are keyed case-insensitively
        // and duplicates merge (union), so a map can be smaller than its entry count: only the Appirio
        // profiles do that, with ConvertLeads listed many times.
        assertEquals(expectedObjects(text), p.objects(), "objects and their operations");
        assertEquals(expectedFields(text), p.fields(), "fields and their operations");
        assertEquals(expectedUserPermissions(text), p.userPermissions(), "user permissions");
        assertEquals(r.objectEntries() - p.objects().size(), duplicates(text, "objectPermissions", "object"));
        assertEquals(r.fieldEntries() - p.fields().size(), duplicates(text, "fieldPermissions", "field"));
        assertEquals(r.userPermissionEntries() - p.userPermissions().size(), duplicates(text, "userPermissions", "name"));

        // The four system permissions the MANIFEST records ("-" = absent from the file).
        Matcher m = rawCounts(row);
        String[] names = {"ApiEnabled", "ApiUserOnly", "ModifyAllData", "ViewAllData"};
        for (int i = 0; i < names.length; i++) {
            String expected = m.group(4 + i);
            Boolean actual = p.userPermissions().get(names[i]);
            assertEquals(expected.equals("-") ? null : Boolean.valueOf(expected), actual, names[i]);
        }

        assertEquals(row.expectedLicense(), p.license(), "licence (MANIFEST license_value)");
        assertEquals(kind, p.kind());
        assertEquals(row.fullName(), p.fullName());
        assertEquals(kind == MetadataKind.PROFILE ? PermissionFile.Completeness.SOURCE_PROFILE
                : PermissionFile.Completeness.FULL, p.completeness());
        assertTrue(p.objects().keySet().stream().noneMatch(k -> k.contains("%%%")), "namespace tokens removed");
        assertTrue(p.fields().keySet().stream().noneMatch(k -> k.contains("%%%")), "namespace tokens removed");
    }

    // ---- named cases the product depends on ---------------------------------------------------------

    @Test
    void commentedOutGrantsInTheNpspAdminProfileDoNotCount() throws Exception {
        Row row = row("SalesforceFoundation__NPSP/unpackaged__config__rd2_post_config__profiles__Admin.profile");
        Matcher m = rawCounts(row);
        MetadataReader.Result r = read(row);

        assertEquals(16, Integer.parseInt(m.group(2)), "the MANIFEST counts the commented-out blocks");
        assertEquals(9, r.fieldEntries(), "7 of the 16 blocks are inside a comment");
        assertFalse(r.file().fields().containsKey("npe03__Recurring_Donation__c.Status__c"));
        assertTrue(r.file().fields().containsKey("npe03__Recurring_Donation__c.Day_of_Month__c"));
    }

    @Test
    void legacyUserLicenseBindsIataPermissionSets() throws Exception {
        for (Row row : manifest) {
            if (row.note().contains("legacy <userLicense> tag")) {
                String text = Files.readString(corpus.resolve(row.savedFile()));
                assertFalse(text.contains("<license>"), row.savedFile() + " uses only the old element");
                assertEquals(row.expectedLicense(), read(row).file().license(), row.savedFile());
                assertEquals(MetadataKind.PERMISSION_SET, read(row).file().kind());
            }
        }
        Row gdp = row("GalloGio__IATA/src__permissionsets__AMS_GDP_Permissions.permissionset");
        assertEquals("Salesforce", read(gdp).file().license());
    }

    @Test
    void integrationPermissionSetNamesThePslByDeveloperName() throws Exception {
        Row row = row("Epic-ATS__NightlyBackup/force-app__main__default__permissionsets__"
                + "TwoCloudNineIntegrationUser.permissionset-meta.xml");
        PermissionFile p = read(row).file();

        assertEquals("SalesforceAPIIntegrationPsl", p.license());
        assertEquals(EnumSet.allOf(Operation.class), p.objects().get("Account"));
        assertEquals(Boolean.TRUE, p.userPermissions().get("ModifyAllData"));
    }

    @Test
    void standardAdminProfileSavedWithoutUserPermissionsHasNone() throws Exception {
        Row row = row("Epic-ATS__NightlyBackup/force-app__main__default__profiles__Admin.profile-meta.xml");
        PermissionFile p = read(row).file();

        assertTrue(p.userPermissions().isEmpty());
        assertEquals(PermissionFile.Completeness.SOURCE_PROFILE, p.completeness());
        assertEquals(366, p.objects().size());
    }

    @Test
    void platformProfileListsCrmObjectsAsPresentButFalse() throws Exception {
        Row row = row("Epic-ATS__NightlyBackup/force-app__main__default__profiles__2cloudnine Payroll User.profile-meta.xml");
        PermissionFile p = read(row).file();

        assertEquals("Salesforce Platform", p.license());
        assertEquals(Set.of(), p.objects().get("Opportunity"));
        assertEquals(Set.of(), p.objects().get("Lead"));
        assertEquals(Boolean.TRUE, p.userPermissions().get("ApiEnabled"));
    }

    @Test
    void mutingSetAndGroupOfTheCooperParryCase() throws Exception {
        PermissionFile muting = read(row("Cloud-Orca__cooperparry/force-app__main__default__mutingpermissionsets__"
                + "SCPQEstimator_Muted.mutingpermissionset-meta.xml")).file();
        Row groupRow = row("Cloud-Orca__cooperparry/force-app__main__default__permissionsetgroups__"
                + "ffscpq__SCPQEstimator.permissionsetgroup-meta.xml");
        PermissionSetGroup group = new MetadataReader().readGroup(corpus.resolve(groupRow.savedFile()));

        assertEquals(Set.of(FieldOperation.READ, FieldOperation.EDIT),
                muting.fields().get("ffscpq__Estimate_Role_Request__c.ffscpq__Percent_Discount__c"));
        assertEquals(List.of("SCPQEstimator_Muted"), group.mutingPermissionSets());
        assertEquals(13, group.permissionSets().size());
        assertTrue(group.permissionSets().contains("Cooper_Parry_PSA_Custom_Fields_Permission_Set"));
    }

    @Test
    void oddlyEncodedFilesReadLikeAnyOther() throws Exception {
        Row bom = row("Exygy__sf-dahlia-salesforce/src__permissionsets__Run_Lottery.permissionset");
        byte[] bytes = Files.readAllBytes(corpus.resolve(bom.savedFile()));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals("Run Lottery", read(bom).file().label());

        Row crlf = row("Appirio__age/src__profiles__Appirio API User.profile");
        assertTrue(Files.readString(corpus.resolve(crlf.savedFile())).contains("\r\n"));
        assertEquals(8, read(crlf).file().objects().size());

        Row lowercase = row("Exygy__sf-dahlia-salesforce/src__profiles__APIOnly.profile");
        assertTrue(Files.readString(corpus.resolve(lowercase.savedFile())).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assertEquals(12, read(lowercase).file().objects().size());
        assertNotEquals(0, read(lowercase).file().fields().size());
    }

    // ---- independent reading -----------------------------------------------------------------------

    private static Row row(String savedFile) {
        return manifest.stream().filter(r -> r.savedFile().equals(savedFile)).findFirst()
                .orElseThrow(() -> new AssertionError("not in MANIFEST: " + savedFile));
    }

    private static MetadataReader.Result read(Row row) throws Exception {
        Path file = corpus.resolve(row.savedFile());
        try (var in = Files.newInputStream(file)) {
            return new MetadataReader().readCounted(in, row.metadataKind(), row.fullName(), file.toString());
        }
    }

    private static Matcher rawCounts(Row row) {
        Matcher m = RAW_COUNTS.matcher(row.note());
        assertTrue(m.find(), "MANIFEST note has raw counts: " + row.note());
        return m;
    }

    private static void assertRawCounts(Row row, int objects, int fields, int userPerms) {
        Matcher m = rawCounts(row);
        assertEquals(objects, Integer.parseInt(m.group(1)), "MANIFEST obj=");
        assertEquals(fields, Integer.parseInt(m.group(2)), "MANIFEST fld=");
        assertEquals(userPerms, Integer.parseInt(m.group(3)), "MANIFEST userPerms=");
    }

    private static int count(String text, String tag) {
        int n = 0;
        for (int i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length())) {
            n++;
        }
        return n;
    }

    private static List<String> blocks(String text, String element) {
        Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> values(String text, String element) {
        return blocks(text, element).stream().map(v -> v.trim().replace("%%%NAMESPACE%%%", "")).toList();
    }

    private static String value(String block, String element) {
        List<String> v = values(block, element);
        assertEquals(1, v.size(), "one <" + element + "> in " + block);
        return v.get(0);
    }

    private static boolean flag(String block, String element) {
        return Pattern.compile("<" + element + ">\\s*true\\s*</" + element + ">").matcher(block).find();
    }

    private static Map<String, Set<Operation>> expectedObjects(String text) {
        Map<String, Set<Operation>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String b : blocks(text, "objectPermissions")) {
            Set<Operation> ops = EnumSet.noneOf(Operation.class);
            for (Operation o : Operation.values()) {
                if (flag(b, o.metadataElement())) {
                    ops.add(o);
                }
            }
            out.computeIfAbsent(value(b, "object"), k -> EnumSet.noneOf(Operation.class)).addAll(ops);
        }
        return out;
    }

    private static Map<String, Set<FieldOperation>> expectedFields(String text) {
        Map<String, Set<FieldOperation>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String b : blocks(text, "fieldPermissions")) {
            Set<FieldOperation> ops = EnumSet.noneOf(FieldOperation.class);
            for (FieldOperation o : FieldOperation.values()) {
                if (flag(b, o.metadataElement())) {
                    ops.add(o);
                }
            }
            out.computeIfAbsent(value(b, "field"), k -> EnumSet.noneOf(FieldOperation.class)).addAll(ops);
        }
        return out;
    }

    private static Map<String, Boolean> expectedUserPermissions(String text) {
        Map<String, Boolean> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String b : blocks(text, "userPermissions")) {
            out.merge(value(b, "name"), flag(b, "enabled"), Boolean::logicalOr);
        }
        return out;
    }

    private static int duplicates(String text, String block, String nameElement) {
        List<String> names = blocks(text, block).stream().map(b -> value(b, nameElement)).toList();
        Set<String> distinct = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        distinct.addAll(names);
        return names.size() - distinct.size();
    }
}
