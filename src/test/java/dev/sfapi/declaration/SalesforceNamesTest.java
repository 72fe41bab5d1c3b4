package dev.sfapi.declaration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SalesforceNamesTest {

    @Test
    void apiNamesOfEveryKindAreAccepted() {
        for (String ok : List.of("Account", "Product2", "Invoice__c", "ns__Invoice__c", "Knowledge__kav", "Invoice__Share",
                "Sales_Order__c", "Loc__Latitude__s", "Big__b", "Ext__x", "Event__e", "Setting__mdt")) {
            assertTrue(SalesforceNames.isApiName(ok), ok);
        }
    }

    @Test
    void namesWithSpacesDotsOrBadUnderscoresAreRefused() {
        for (String bad : List.of("Invoice c", "Invoice___c", "_Invoice", "Invoice_", "2Fast", "Account.Name", "",
                "Invoice__c__c__c", "Sales-Order")) {
            assertFalse(SalesforceNames.isApiName(bad), bad);
        }
    }

    @Test
    void usernamesHaveTheFormOfAnEmailAddress() {
        assertTrue(SalesforceNames.isUsername("erp.integration@acme.example.uat"));
        assertFalse(SalesforceNames.isUsername("erp-integration"));
        assertFalse(SalesforceNames.isUsername("a@b@c"));
        assertFalse(SalesforceNames.isUsername("erp user@acme.example"));
    }

    @Test
    void onlyPlainTyposOfKnownPermissionsAreFlagged() {
        List<String> known = SalesforceNames.knownPermissions();
        assertEquals(Optional.of("ApiEnabled"), SalesforceNames.typoOf("ApiEnabeld", known));
        assertEquals(Optional.of("ApiEnabled"), SalesforceNames.typoOf("ApiEnable", known));
        assertEquals(Optional.of("ModifyAllData"), SalesforceNames.typoOf("ModifyAlData", known));
        // Twelve characters or more: two edits still count as a typo.
        assertEquals(Optional.of("CustomizeApplication"), SalesforceNames.typoOf("CustomiseAplication", known));
        // A new permission three edits from a known one (ManageRoles) must pass, not be "corrected".
        assertEquals(Optional.empty(), SalesforceNames.typoOf("ManageFiles", known));
        assertEquals(Optional.empty(), SalesforceNames.typoOf("UseBrandNewAgentforceThing", known));
        // A known name in another case is not a typo.
        assertEquals(Optional.empty(), SalesforceNames.typoOf("apienabled", known));
    }

    @Test
    void checkPermissionReturnsTheKnownSpellingOrTheNameAsWrittenAndReportsTypos() {
        YamlFields fields = new YamlFields();
        YamlLocation at = new YamlLocation("f.yml", 3, 5);
        assertEquals(Optional.of("ViewSetup"), SalesforceNames.checkPermission(new Located<>("viewsetup", at), fields, "x"));
        assertEquals(Optional.of("ManageFiles"), SalesforceNames.checkPermission(new Located<>("ManageFiles", at), fields, "x"));
        assertTrue(fields.problems().isEmpty(), fields.problems()::toString);
        assertEquals(Optional.empty(), SalesforceNames.checkPermission(new Located<>("ViewSetu", at), fields, "x"));
        assertEquals(1, fields.problems().size());
        assertEquals(at, fields.problems().get(0).location());
        assertTrue(fields.problems().get(0).hint().startsWith("Did you mean 'ViewSetup'?"));
    }

    @Test
    void thePermissionListIsSortedWithoutDuplicatesAndHoldsOnlyApiNames() {
        List<String> names = SalesforceNames.knownPermissions();
        assertTrue(names.size() > 200, "list looks truncated: " + names.size());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names, "keep user-permissions.txt sorted ignoring case");
        assertEquals(names.size(), names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count(), "duplicates");
        for (String n : names) {
            assertTrue(SalesforceNames.isPermissionName(n), n);
        }
        assertTrue(names.containsAll(List.of("ApiEnabled", "ApiUserOnly", "ModifyAllData", "ViewAllData",
                "CustomizeApplication", "ViewSetup", "AuthorApex", "ModifyMetadata")));
    }

    /** Every permission name in the real metadata corpus is in the list (outside XML comments). */
    @Test
    void theListCoversEveryUserPermissionInTheCorpus() throws IOException {
        String corpus = System.getProperty("sfapi.corpus");
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus)), "corpus not available");
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(SalesforceNames.knownPermissions());
        Pattern block = Pattern.compile("<userPermissions>(.*?)</userPermissions>", Pattern.DOTALL);
        Pattern name = Pattern.compile("<name>\\s*(.*?)\\s*</name>", Pattern.DOTALL);
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of(corpus))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.endsWith("MANIFEST.tsv")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                Matcher b = block.matcher(text);
                while (b.find()) {
                    Matcher n = name.matcher(b.group(1));
                    if (n.find()) {
                        seen++;
                        if (!known.contains(n.group(1))) {
                            missing.add(n.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(seen > 1000, "the corpus should hold many userPermissions, found " + seen);
        assertEquals(Set.of(), missing);
    }
}
