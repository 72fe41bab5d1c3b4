package dev.sfapi.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
