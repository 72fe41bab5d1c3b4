package dev.sfapi.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.Operation;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlProblem;
import dev.sfapi.yaml.YamlReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    private static final String FILE = "catalogue.yml";

    private record Result(List<LicenseDefinition> definitions, List<YamlProblem> problems) {
    }

    private static Result read(String yaml, boolean kindRequired) throws Exception {
        YamlFields fields = new YamlFields();
        List<LicenseDefinition> defs = CatalogueReader.readDocument(YamlReader.read(FILE, yaml), fields, kindRequired);
        return new Result(defs, fields.problems());
    }

    private static YamlProblem onlyProblem(String yaml, int line, int column, String... fragments) throws Exception {
        List<YamlProblem> problems = read(yaml, true).problems();
        assertEquals(1, problems.size(), problems::toString);
        YamlProblem p = problems.get(0);
        assertEquals(line, p.location().line(), p::toString);
        assertEquals(column, p.location().column(), p::toString);
        for (String f : fragments) {
            assertTrue(p.toString().contains(f), () -> "'" + f + "' not in: " + p);
        }
        return p;
    }

    @Test
    void readsBlocksRowsScopesAndPermissions() throws Exception {
        Result r = read("""
                licenses:
                  - name: Acme Platform
                    kind: user-license
                    aliases: [ACME, Acme Starter]
                    note: for tests
                    objects:
                      - objects: [Account, Contact]
                        allow: [read, edit]
                        confidence: high
                        source: https://example.invalid/a
                        note: a note
                      - objects: [Opportunity]
                        deny: all
                        confidence: medium
                        source: https://example.invalid/b
                      - objects: external
                        allow: [read, create, edit]
                        deny: [delete]
                        confidence: low
                        source: https://example.invalid/c
                    permissions:
                      - allow: [ApiEnabled, viewsetup]
                        deny: [CustomizeApplication]
                        confidence: high
                        source: https://example.invalid/d
                  - name: AcmePsl
                    kind: permission-set-license
                    extends: [Acme Platform]
                """, true);
        assertEquals(List.of(), r.problems());
        LicenseDefinition acme = r.definitions().get(0);
        assertEquals("Acme Platform", acme.name());
        assertEquals(LicenseDefinition.Kind.USER_LICENSE, acme.kind());
        assertEquals(List.of("ACME", "Acme Starter"), acme.aliases());
        assertEquals("for tests", acme.note());
        assertEquals(3, acme.objects().size());

        CatalogueEntry first = acme.objects().get(0);
        assertEquals("Acme Platform", first.license());
        assertEquals(new ObjectScope.Named(Set.of("Account", "Contact")), first.objects());
        assertEquals(EnumSet.of(Operation.READ, Operation.EDIT), first.allow());
        assertEquals(Confidence.HIGH, first.confidence());
        assertEquals("a note", first.note());
        assertEquals(7, first.location().line());

        assertEquals(EnumSet.allOf(Operation.class), acme.objects().get(1).deny());
        assertInstanceOf(ObjectScope.AllExternal.class, acme.objects().get(2).objects());
        assertEquals(Confidence.LOW, acme.objects().get(2).confidence());

        PermissionEntry perms = acme.permissions().get(0);
        assertEquals(Set.of("ApiEnabled", "ViewSetup"), perms.allow());
        assertTrue(perms.allow().contains("apienabled"), "permission names match ignoring case");
        assertEquals(Set.of("CustomizeApplication"), perms.deny());

        LicenseDefinition psl = r.definitions().get(1);
        assertEquals(LicenseDefinition.Kind.PERMISSION_SET_LICENSE, psl.kind());
        assertEquals(List.of("Acme Platform"), psl.extendsLicenses());
    }

    @Test
    void unknownOperation() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: [Account]
                        allow: [read, eidt]
                        confidence: high
                        source: x
                """, 6, 23, "unknown operation 'eidt' in 'allow' of license 'A'", "Did you mean 'edit'?");
    }

    @Test
    void unknownConfidence() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: [Account]
                        allow: [read]
                        confidence: hihg
                        source: x
                """, 7, 21, "unknown confidence 'hihg'", "Did you mean 'high'?");
    }

    @Test
    void missingSource() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    permissions:
                      - allow: [ApiEnabled]
                        confidence: high
                """, 5, 9, "this row of license 'A' has no 'source'", "URL");
    }

    @Test
    void theSameOperationAllowedAndDenied() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: [Account]
                        allow: [read, edit]
                        deny: [edit]
                        confidence: high
                        source: x
                """, 5, 9, "both allows and denies edit");
    }

    @Test
    void allowingSomethingWhoseDependencyIsDenied() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: [Account]
                        allow: [edit]
                        deny: [read]
                        confidence: high
                        source: x
                """, 5, 9, "both allows and denies read, edit", "edit needs read, so denying read denies edit too");
    }

    @Test
    void thePermissionAllowedAndDenied() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    permissions:
                      - allow: [ApiEnabled]
                        deny: [apienabled]
                        confidence: high
                        source: x
                """, 5, 9, "both allows and denies ApiEnabled");
    }

    @Test
    void unknownKind() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-licence
                """, 3, 11, "unknown kind 'user-licence' for license 'A'", "Did you mean 'user-license'?");
    }

    @Test
    void kindIsRequiredWhenAsked() throws Exception {
        onlyProblem("licenses:\n  - name: A\n", 2, 5, "license 'A' has no 'kind'", "kind: permission-set-license");
        Result optional = read("licenses:\n  - name: A\n", false);
        assertEquals(List.of(), optional.problems());
        assertNull(optional.definitions().get(0).kind());
    }

    @Test
    void scopesMustBeAListOrAKnownWord() throws Exception {
        Result r = read("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: standrd
                        deny: all
                        confidence: high
                        source: x
                      - objects: Account
                        deny: all
                        confidence: high
                        source: x
                      - objects: [Account, Invoice c]
                        deny: all
                        confidence: high
                        source: x
                      - objects: []
                        deny: all
                        confidence: high
                        source: x
                """, true);
        List<YamlProblem> p = r.problems();
        assertEquals(4, p.size(), p::toString);
        assertTrue(p.get(0).toString().startsWith(FILE + ":5:18: 'standrd' is not a set of objects"), p.get(0)::toString);
        assertTrue(p.get(0).toString().contains("Did you mean 'standard'?"));
        assertTrue(p.get(1).toString().startsWith(FILE + ":9:18:"), p.get(1)::toString);
        assertTrue(p.get(1).toString().contains("Write [Account] for one object"));
        assertTrue(p.get(2).toString().startsWith(FILE + ":13:28: 'Invoice c' is not an object API name"), p.get(2)::toString);
        assertTrue(p.get(3).toString().startsWith(FILE + ":17:18: this row of license 'A' lists no objects"), p.get(3)::toString);
        assertEquals(List.of(), r.definitions().get(0).objects(), "broken rows are not kept");
    }

    @Test
    void aRowThatSaysNothing() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: all
                        confidence: high
                        source: x
                """, 5, 9, "neither allows nor denies anything");
    }

    @Test
    void rowsOfOneBlockThatContradictEachOther() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    objects:
                      - objects: [Account, Case]
                        allow: [read]
                        confidence: high
                        source: x
                      - objects: [Case]
                        deny: [read]
                        confidence: medium
                        source: y
                      - objects: standard
                        deny: all
                        confidence: medium
                        source: z
                """, 9, 9, "this row contradicts the row at line 5 on Case (read)");
    }

    @Test
    void aNameOrAliasMayAppearOnce() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    aliases: [Alpha]
                  - name: B
                    kind: user-license
                    aliases: [alpha]
                """, 7, 15, "'alpha' already names license 'A' (line 4)");
    }

    @Test
    void extendsBelongsToPermissionSetLicenses() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    extends: [B]
                """, 4, 14, "license 'A' is a user license; only a permission set license extends other licenses");
    }

    @Test
    void permissionTypoInARow() throws Exception {
        onlyProblem("""
                licenses:
                  - name: A
                    kind: user-license
                    permissions:
                      - deny: [CustomizeAplication]
                        confidence: high
                        source: x
                """, 5, 16, "unknown system permission 'CustomizeAplication'", "Did you mean 'CustomizeApplication'?");
    }

    @Test
    void unknownKeysInBlocksAndRows() throws Exception {
        Result r = read("""
                licenses:
                  - name: A
                    kind: user-license
                    alias: [X]
                    objects:
                      - object: [Account]
                        allow: [read]
                        confidence: high
                        source: x
                """, true);
        List<YamlProblem> p = r.problems();
        assertEquals(3, p.size(), p::toString);
        assertTrue(p.get(0).toString().startsWith(FILE + ":4:5: unknown key 'alias' in a license. Did you mean 'aliases'?"),
                p.get(0)::toString);
        assertTrue(p.get(1).toString().startsWith(FILE + ":6:9: unknown key 'object'"), p.get(1)::toString);
        assertTrue(p.get(1).toString().contains("Did you mean 'objects'?"));
        assertTrue(p.get(2).toString().contains("has no 'objects'"), p.get(2)::toString);
    }

    @Test
    void anEmptyDocumentOrOneWithoutLicenses() throws Exception {
        assertTrue(read("", true).problems().get(0).message().contains("the license catalogue is empty"));
        List<YamlProblem> p = read("licences: []\n", true).problems();
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).toString().contains("Did you mean 'licenses'?"));
        assertTrue(p.get(1).toString().contains("has no 'licenses'"));
    }
}
