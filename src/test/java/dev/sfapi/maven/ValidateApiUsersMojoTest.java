package dev.sfapi.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojo as Maven configures and runs it: parameters bound from a test POM by the plugin descriptor
 * (defaults, expressions, user properties), and the build verdict for each kind of outcome. The test
 * projects are under {@code src/test/resources/dev/sfapi/maven/projects}.
 */
@MojoTest
class ValidateApiUsersMojoTest {

    private static final String GOAL = "validate-api-users";

    /** The harness's mock project; it knows its base directory but has no build section. */
    @Inject
    private MavenProject project;

    @TempDir
    Path reports;

    private final CapturingLog log = new CapturingLog();

    @BeforeEach
    void projectHasABuildDirectory() {
        // ${project.build.directory} is target/ under the project, as Maven's super POM sets it.
        lenient().when(project.getBuild()).thenAnswer(invocation -> {
            Build build = new Build();
            build.setDirectory(new File(project.getBasedir(), "target").getPath());
            return build;
        });
    }

    /** Sends reports to a fresh directory and the log to {@link #log}. */
    private ValidateApiUsersMojo prepared(ValidateApiUsersMojo mojo) throws IllegalAccessException {
        setVariableValueToObject(mojo, "reportsDirectory", reports.toFile());
        mojo.setLog(log);
        return mojo;
    }

    private static Object value(ValidateApiUsersMojo mojo, String field) throws IllegalAccessException {
        return getVariableValueFromObject(mojo, field);
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void withoutConfigurationEveryParameterTakesItsDefault(ValidateApiUsersMojo mojo) throws Exception {
        File basedir = project.getBasedir();
        assertEquals(basedir, value(mojo, "baseDirectory"));
        assertEquals(new File(basedir, "sfapi-users.yml"), value(mojo, "declaration"));
        assertEquals(new File(basedir, "target/sfapi-reports"), value(mojo, "reportsDirectory"));
        assertEquals(true, value(mojo, "failOnError"));
        assertEquals(false, value(mojo, "failOnWarning"));
        assertEquals(false, value(mojo, "skip"));
        // No default in the descriptor: the core finds the folders (sfdx-project.json here).
        Object directories = value(mojo, "metadataDirectories");
        assertTrue(directories == null || ((List<?>) directories).isEmpty(), "metadataDirectories: " + directories);
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void aCleanProjectPassesAndWritesBothReports(ValidateApiUsersMojo mojo) throws Exception {
        prepared(mojo).execute();

        assertTrue(log.at("INFO").contains("PASS erp-sync: user erp@example.com"), log.text());
        assertTrue(log.at("ERROR").isEmpty() && log.at("WARNING").isEmpty(), log.text());
        assertTrue(Files.isRegularFile(reports.resolve("TEST-sfapi-validate-api-users.xml")));
        assertTrue(Files.isRegularFile(reports.resolve("sfapi-report.md")));
    }

    @Test
    @Basedir("projects/configured")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void configurationInThePomIsBoundAndRelativePathsResolveAgainstTheProject(ValidateApiUsersMojo mojo)
            throws Exception {
        File basedir = project.getBasedir();
        assertEquals(new File(basedir, "config/integrations.yml"), value(mojo, "declaration"));
        assertEquals(List.of(new File(basedir, "metadata/main")), value(mojo, "metadataDirectories"));
        assertEquals(new File(basedir, "build/sfapi"), value(mojo, "reportsDirectory"));
        assertEquals(false, value(mojo, "failOnError"));
        assertEquals(true, value(mojo, "failOnWarning"));
        assertEquals(true, value(mojo, "skip"));
    }

    @Test
    @Basedir("projects/configured")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "skip", value = "false")
    void theConfiguredDeclarationAndMetadataFoldersAreTheOnesRead(ValidateApiUsersMojo mojo) throws Exception {
        // This project has neither sfapi-users.yml nor any default metadata folder: passing proves both
        // configured paths were used.
        prepared(mojo).execute();

        assertTrue(log.text().contains("sfapi: 2 integrations declared in config/integrations.yml, checked against"
                + " metadata in metadata/main"), log.text());
    }

    @Test
    @Basedir("projects/configured")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void skipReadsNothingAndWritesNothing(ValidateApiUsersMojo mojo) throws Exception {
        Path untouched = reports.resolve("untouched");
        setVariableValueToObject(mojo, "reportsDirectory", untouched.toFile());
        setVariableValueToObject(mojo, "declaration", new File(project.getBasedir(), "does-not-exist.yml"));
        mojo.setLog(log);

        mojo.execute();

        assertEquals(List.of("sfapi: validation skipped (sfapi.skip=true)"), log.at("INFO"));
        assertFalse(Files.exists(untouched), "a skipped validation writes no reports");
    }

    @Test
    @Basedir("projects/failing")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void errorsFailTheBuildWithAMessageCountingThem(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertEquals("sfapi: 2 errors in the integration users' access (see above, and " + reports + "). Fix them,"
                + " or set sfapi.failOnError=false to report without failing.", failure.getMessage());
        // The findings were logged and the reports written before the build failed.
        assertTrue(log.at("ERROR").contains("FAIL crm-sync: user crm.sync@example.com"), log.text());
        assertTrue(log.at("ERROR").stream().anyMatch(l -> l.startsWith(
                "  error license-denies-object: crm-sync, crm.sync@example.com, Opportunity read")), log.text());
        assertTrue(log.at("ERROR").stream().anyMatch(l -> l.startsWith(
                "  error permission-missing: crm-sync, crm.sync@example.com, Contact read")), log.text());
        assertTrue(Files.isRegularFile(reports.resolve("TEST-sfapi-validate-api-users.xml")));
        assertTrue(Files.isRegularFile(reports.resolve("sfapi-report.md")));
    }

    @Test
    @Basedir("projects/failing")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "failOnError", value = "false")
    void withFailOnErrorOffErrorsAreReportedAndTheBuildGoesOn(ValidateApiUsersMojo mojo) throws Exception {
        prepared(mojo).execute();

        assertTrue(log.at("ERROR").contains("FAIL crm-sync: user crm.sync@example.com"), log.text());
        assertTrue(log.at("WARNING").contains("sfapi: 2 errors, but sfapi.failOnError is false: the build goes on."),
                log.text());
        assertTrue(Files.isRegularFile(reports.resolve("TEST-sfapi-validate-api-users.xml")));
    }

    @Test
    @Basedir("projects/warnings")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void warningsAloneDoNotFailTheBuildByDefault(ValidateApiUsersMojo mojo) throws Exception {
        prepared(mojo).execute();

        assertTrue(log.at("WARNING").contains("WARN order-export: user orders@example.com"), log.text());
        assertTrue(log.at("ERROR").isEmpty(), log.text());
    }

    @Test
    @Basedir("projects/warnings")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "failOnWarning", value = "true")
    void withFailOnWarningWarningsFailTheBuild(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertEquals("sfapi: 2 warnings, and failOnWarning is set (see above, and " + reports + "). Settle them, or"
                + " set sfapi.failOnWarning=false to report them without failing.", failure.getMessage());
    }

    @Test
    @Basedir("projects/failing")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "failOnError", value = "false")
    @MojoParameter(name = "failOnWarning", value = "true")
    void failOnWarningFailsOnErrorsTooEvenWithFailOnErrorOff(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertTrue(failure.getMessage().startsWith("sfapi: 2 errors and "), failure.getMessage());
        assertTrue(failure.getMessage().contains("failOnWarning is set"), failure.getMessage());
    }

    @Test
    @Basedir("projects/broken-declaration")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void aRunThatStopsEarlyLeavesNoStaleReportsBehind(ValidateApiUsersMojo mojo) throws Exception {
        Files.writeString(reports.resolve("TEST-sfapi-validate-api-users.xml"), "<testsuites tests=\"37\"/>");
        Files.writeString(reports.resolve("sfapi-report.md"), "# last week's run");

        assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertFalse(Files.exists(reports.resolve("TEST-sfapi-validate-api-users.xml")),
                "a CI step publishing reports on failure must not show the previous run's results");
        assertFalse(Files.exists(reports.resolve("sfapi-report.md")));
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "declaration", value = "${project.basedir}/integrations/missing.yml")
    void aMissingDeclarationIsTheUsersToFixAndSaysHowToCreateIt(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        File missing = new File(project.getBasedir(), "integrations/missing.yml");
        assertTrue(failure.getMessage().startsWith("sfapi: no declaration at " + missing + ". Create sfapi-users.yml"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("or point sfapi.declaration at it"), failure.getMessage());
        assertFalse(Files.exists(reports.resolve("sfapi-report.md")), "nothing was checked, so no report");
    }

    @Test
    @Basedir("projects/broken-declaration")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void mistakesInTheDeclarationFailWithTheirLineColumnAndSuggestion(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertEquals("""
                sfapi: 2 problems:
                  - sfapi-users.yml:6:31: unknown operation 'edti' for Account in integration 'erp-sync'. Did you mean 'edit'?
                  - sfapi-users.yml:7:5: unknown key 'permisions' in an integration. Did you mean 'permissions'?""",
                failure.getMessage());
    }

    @Test
    @Basedir("projects/broken-metadata")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void metadataThatCannotBeReadIsAnExecutionFault(ValidateApiUsersMojo mojo) throws Exception {
        MojoExecutionException fault = assertThrows(MojoExecutionException.class, () -> prepared(mojo).execute());

        assertTrue(fault.getMessage().startsWith("sfapi: cannot read the metadata: "), fault.getMessage());
        assertTrue(fault.getMessage().contains("ERP Integration.profile-meta.xml"), "names the file: " + fault.getMessage());
        assertTrue(fault.getMessage().contains(":8:3: not well-formed XML, so the profile cannot be read"), fault.getMessage());
        // Maven appends every cause's message to the error line: the parser's own text must not be there twice.
        assertEquals(null, fault.getCause(), "the parser exception would be printed again by Maven");
        assertInstanceOf(dev.sfapi.metadata.MetadataException.class, fault.getSuppressed()[0], "kept for -e");
        assertFalse(Files.exists(reports.resolve("sfapi-report.md")), "nothing was checked, so no report");
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "metadataDirectories", value = "no-such-folder")
    void aMetadataFolderThatDoesNotExistIsTheBuildsToFixNamingTheSetting(ValidateApiUsersMojo mojo)
            throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertTrue(failure.getMessage().contains("no-such-folder does not exist. Set sfapi.metadataDirectories"),
                failure.getMessage());
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "metadataDirectories", value = "force-ap")
    void aMisspeltMetadataFolderGetsTheNearestOne(ValidateApiUsersMojo mojo) throws Exception {
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertTrue(failure.getMessage().contains("force-ap does not exist. Did you mean 'force-app'?"),
                failure.getMessage());
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void aDamagedSnapshotIsAnExecutionFaultNamingTheFile(ValidateApiUsersMojo mojo) throws Exception {
        Path damaged = reports.resolve("damaged-snapshot.json");
        Files.writeString(damaged, "{\"format\": \"sfapi-snapshot\", \"formatVersion\": 1, \"users\": [");
        setVariableValueToObject(mojo, "snapshot", damaged.toFile());

        MojoExecutionException fault = assertThrows(MojoExecutionException.class, () -> prepared(mojo).execute());

        assertTrue(fault.getMessage().contains("damaged-snapshot.json"), fault.getMessage());
        assertTrue(fault.getMessage().contains("take a new one with 'mvn sfapi:snapshot'")
                || fault.getMessage().contains("Take a new one with 'mvn sfapi:snapshot'"), fault.getMessage());
        assertEquals(null, fault.getCause(), "Maven would print the parser's text a second time");
        assertFalse(fault.getMessage().contains("[Source:"), "no parser internals: " + fault.getMessage());
    }

    @Test
    @Basedir("projects/defaults")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    void aSnapshotThatIsADirectoryIsTheBuildsToFix(ValidateApiUsersMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "snapshot", reports.toFile());

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> prepared(mojo).execute());

        assertTrue(failure.getMessage().contains("is a directory. Point sfapi.snapshot at the file"),
                failure.getMessage());
    }

    @Test
    @Basedir("projects/configured")
    @InjectMojo(goal = GOAL, pom = "pom.xml")
    @MojoParameter(name = "skip", value = "false")
    void aSpaceAfterTheCommaInTheMetadataFoldersIsNotPartOfTheName(ValidateApiUsersMojo mojo) throws Exception {
        // -Dsfapi.metadataDirectories="metadata/main, metadata/main" reaches the mojo resolved by Maven:
        File basedir = project.getBasedir();
        setVariableValueToObject(mojo, "metadataDirectories",
                List.of(new File(basedir, "metadata/main"), new File(basedir, " metadata/main")));

        prepared(mojo).execute();

        assertTrue(log.text().contains("checked against metadata in metadata/main"), log.text());
    }
}
