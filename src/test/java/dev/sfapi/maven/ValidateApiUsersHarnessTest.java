package dev.sfapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.SalesforceStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-api-users configured by Maven itself from a project's pom (maven-plugin-testing-harness):
 * the plugin descriptor, the parameter names and defaults, the injected settings and SettingsDecrypter,
 * then a run in org mode against the stand-in with the credentials in the environment.
 */
@MojoTest
class ValidateApiUsersHarnessTest {

    private static SalesforceStandIn org;

    @TempDir
    Path reports;

    @BeforeAll
    static void start() {
        org = SalesforceStandIn.start(CorpusOrg.model());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    @Basedir("src/test/resources/dev/sfapi/maven/org-mode")
    @InjectMojo(goal = "validate-api-users", pom = "pom.xml")
    void runsInOrgModeAsConfiguredInThePom(ValidateApiUsersMojo mojo) throws Exception {
        // What Maven injected from the pom and the parameter defaults.
        assertEquals("org", mojo.source);
        assertEquals("62.0", mojo.apiVersion);
        assertFalse(mojo.failOnError);
        assertTrue(mojo.declaration.toPath().endsWith(Path.of("org-mode", "sfapi-users.yml")), mojo.declaration.toString());
        assertNotNull(mojo.settings, "${settings}");
        assertNotNull(mojo.settingsDecrypter, "Maven's SettingsDecrypter component");

        mojo.environment = Map.of("SFAPI_INSTANCE_URL", org.baseUrl(), "SFAPI_CLIENT_ID", CorpusOrg.CLIENT_ID,
                "SFAPI_CLIENT_SECRET", CorpusOrg.CLIENT_SECRET)::get;
        mojo.reportsDirectory = reports.toFile();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);

        mojo.execute(); // failOnError=false in the pom: the errors are reported, the build goes on

        String text = log.text();
        assertTrue(text.contains("connecting with OAuth 2.0 client credentials flow"), text);
        assertTrue(text.contains("read 2 users (2 found) from org Acme (stand-in)"), text);
        assertTrue(text.contains("license-denies-object"), text);
        assertFalse(text.contains(CorpusOrg.CLIENT_SECRET));
        assertEquals(1, org.log().count(Endpoint.OAUTH_TOKEN));
        assertTrue(Files.readString(reports.resolve("sfapi-report.md")).contains("payroll-opportunities"));
    }
}
