package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlProblem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declaration file as bytes on disk: encodings. */
class DeclarationFileTest {

    @TempDir
    Path project;

    @Test
    void aFileSavedInWindows1252IsNamedAtTheLineOfItsFirstForeignByte() throws Exception {
        String text = """
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                    description: Synchronisation nocturne des commandes de l'ERP (équipe Finance)
                    permissions: [ApiEnabled]
                """;
        Files.write(project.resolve("sfapi-users.yml"), text.getBytes(Charset.forName("windows-1252")));

        YamlException e = assertThrows(YamlException.class,
                () -> new ApiUserValidation(project).readDeclaration(Path.of("sfapi-users.yml")));

        YamlProblem p = e.problems().get(0);
        assertEquals("sfapi-users.yml", p.location().source());
        assertEquals(4, p.location().line());
        assertEquals(text.lines().toList().get(3).indexOf('é') + 1, p.location().column());
        assertTrue(p.message().contains("not UTF-8 text (byte 0xE9)"), p.message());
        assertTrue(p.hint().contains("Save the file as UTF-8"), p.hint());
    }

    @Test
    void utf8WithAccentsReadsAsIs() throws Exception {
        Files.writeString(project.resolve("sfapi-users.yml"), """
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                    description: équipe Finance
                    permissions: [ApiEnabled]
                """, StandardCharsets.UTF_8);

        ApiUserValidation.Inputs in = new ApiUserValidation(project).readDeclaration(Path.of("sfapi-users.yml"));

        assertEquals("équipe Finance", in.declaration().integrations().get(0).description());
    }
}
