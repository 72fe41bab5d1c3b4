package dev.sfapi.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfapi.org.SettingKey;
import dev.sfapi.org.SettingLayer;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code sfapi.*} user properties, as {@code -Dsfapi.failOnError=false} on the command line sets
 * them. A class of its own because the properties must be in the session before the mojo is configured.
 */
@MojoTest
class ValidateApiUsersMojoPropertiesTest {

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @BeforeEach
    void commandLine() {
        session.getUserProperties().setProperty("sfapi.failOnError", "false");
        session.getUserProperties().setProperty("sfapi.failOnWarning", "true");
        session.getUserProperties().setProperty("sfapi.skip", "true");
        session.getUserProperties().setProperty("sfapi.declaration", "other.yml");
        session.getUserProperties().setProperty("sfapi.reportsDirectory", "out");
        session.getUserProperties().setProperty("sfapi.metadataDirectories", "a,b");
        session.getUserProperties().setProperty("sfapi.instanceUrl", "https://acme.my.salesforce.com");
        session.getUserProperties().setProperty("sfapi.accessToken", ACCESS_TOKEN);
    }

    private static final String ACCESS_TOKEN = "00Dxx0000000001!harnessAccessToken";

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = "validate-api-users", pom = "pom.xml")
    void aCredentialIsReadFromItsPropertyNotInjected(ValidateApiUsersMojo mojo) throws Exception {
        // Maven configured the mojo from the same properties: the non-secret one as a parameter ...
        assertEquals("https://acme.my.salesforce.com", getVariableValueFromObject(mojo, "instanceUrl"));
        // ... the credential by the mojo itself, from the session Maven injected.
        SettingLayer explicit = mojo.explicitSettings();
        assertEquals(ACCESS_TOKEN, explicit.get(SettingKey.ACCESS_TOKEN).orElseThrow());
        assertEquals("-Dsfapi.accessToken", explicit.source(SettingKey.ACCESS_TOKEN));
        assertEquals("https://acme.my.salesforce.com", explicit.get(SettingKey.INSTANCE_URL).orElseThrow());
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = "validate-api-users", pom = "pom.xml")
    void everyParameterIsBoundFromItsProperty(ValidateApiUsersMojo mojo) throws Exception {
        File basedir = project.getBasedir();
        assertEquals(false, getVariableValueFromObject(mojo, "failOnError"));
        assertEquals(true, getVariableValueFromObject(mojo, "failOnWarning"));
        assertEquals(true, getVariableValueFromObject(mojo, "skip"));
        // Relative paths resolve against the project, not the directory Maven was started in.
        assertEquals(new File(basedir, "other.yml"), getVariableValueFromObject(mojo, "declaration"));
        assertEquals(new File(basedir, "out"), getVariableValueFromObject(mojo, "reportsDirectory"));
        assertEquals(List.of(new File(basedir, "a"), new File(basedir, "b")),
                getVariableValueFromObject(mojo, "metadataDirectories"));
    }
}
