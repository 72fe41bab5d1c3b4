package dev.sfapi.access;

import static dev.sfapi.access.InMemoryMetadata.file;
import static dev.sfapi.metadata.MetadataKind.PERMISSION_SET;
import static dev.sfapi.metadata.MetadataKind.PROFILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.declaration.Declaration;
import dev.sfapi.declaration.DeclarationReader;
import dev.sfapi.license.LicenseCatalogue;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users section against the metadata: every mistake at its line and column, in file order. */
class DeclaredSetupsTest {

    private static final LicenseCatalogue CATALOGUE = LicenseCatalogue.builtIn();

    private static final InMemoryMetadata METADATA = new InMemoryMetadata()
            .add(file(PROFILE, "ERP Integration").license("Salesforce").build())
            .add(file(PERMISSION_SET, "ERP_Access").build())
            .group("ERP_Sync", List.of("ERP_Access"), List.of());

    private static List<YamlProblem> problems(String yaml) throws Exception {
        Declaration d = new DeclarationReader(CATALOGUE).read("sfapi-users.yml", yaml);
        return assertThrows(YamlException.class, () -> DeclaredSetups.resolve(d, METADATA, CATALOGUE)).problems();
    }

    @Test
    void anIntegrationWhoseUserHasNoEntryIsNamedAtTheIntegrationWithTheNearestUser() throws Exception {
        List<YamlProblem> p = problems("""
                integrations:
                  - name: erp-sync
                    user: erp.integraton@acme.example
                users:
                  erp.integration@acme.example:
                    profile: ERP Integration
                """);

        assertEquals(1, p.size(), p.toString());
        assertEquals(2, p.get(0).location().line());
        assertEquals(5, p.get(0).location().column());
        assertTrue(p.get(0).message().contains("runs as user 'erp.integraton@acme.example', but the users section"
                + " has no entry for it"), p.get(0).message());
        assertTrue(p.get(0).hint().contains("Did you mean 'erp.integration@acme.example'?"), p.get(0).hint());
    }

    @Test
    void aGroupThatIsNotInTheMetadataIsNamedAtItsLineWithTheNearestGroup() throws Exception {
        List<YamlProblem> p = problems("""
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                users:
                  erp@acme.example:
                    profile: ERP Integration
                    permissionSetGroups: [ERP_Synk]
                """);

        assertEquals(1, p.size(), p.toString());
        assertEquals(7, p.get(0).location().line());
        assertEquals(27, p.get(0).location().column());
        assertTrue(p.get(0).message().contains("there is no permission set group 'ERP_Synk'"), p.get(0).message());
        assertEquals("Did you mean 'ERP_Sync'?", p.get(0).hint());
    }

    @Test
    void mistakesFromSeveralPassesComeInFileOrder() throws Exception {
        // The missing entry (line 5) is found while walking integrations, after the first user's
        // references (line 9): still reported first.
        List<YamlProblem> p = problems("""
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                  - name: other
                    user: nobody@acme.example
                users:
                  erp@acme.example:
                    profile: ERP Integration
                    permissionSets: [ERP_Acess]
                """);

        assertEquals(List.of(4, 9), p.stream().map(x -> x.location().line()).toList(), p.toString());
    }

    @Test
    void everyEntryThatResolvesBecomesASetup() throws Exception {
        Declaration d = new DeclarationReader(CATALOGUE).read("sfapi-users.yml", """
                integrations:
                  - name: erp-sync
                    user: ERP@acme.example
                users:
                  erp@acme.example:
                    profile: ERP Integration
                    permissionSets: [ERP_Access]
                    permissionSetGroups: [ERP_Sync]
                """);
        Map<String, UserSetup> setups = DeclaredSetups.resolve(d, METADATA, CATALOGUE);
        UserSetup s = setups.get("erp@acme.example");
        assertEquals("ERP Integration", s.profile());
        assertEquals(List.of("ERP_Access"), s.permissionSets());
        assertEquals(List.of("ERP_Sync"), s.permissionSetGroups());
    }

    @Test
    void aMistakeInTheEntryOfASharedUserIsReportedOnce() throws Exception {
        List<YamlProblem> p = problems("""
                integrations:
                  - name: erp-sync
                    user: erp@acme.example
                  - name: invoice-push
                    user: ERP@acme.example
                users:
                  erp@acme.example:
                    profile: ERP Integraton
                """);

        assertEquals(1, p.size(), p.toString());
        assertEquals(8, p.get(0).location().line());
    }
}
