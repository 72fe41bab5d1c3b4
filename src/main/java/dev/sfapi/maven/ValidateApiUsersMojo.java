package dev.sfapi.maven;

import dev.sfapi.ApiUserValidation;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.SourceDirectory;
import dev.sfapi.report.ConsoleReport;
import dev.sfapi.report.ReportException;
import dev.sfapi.report.Reports;
import dev.sfapi.yaml.YamlException;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when an integration user's license, or its effective permissions, can't reach the
 * objects, fields and system permissions its integration uses.
 *
 * <p>Reads the declaration ({@code sfapi-users.yml}), the Profile, PermissionSet, PermissionSetGroup
 * and MutingPermissionSet metadata of the declared users from the project's metadata source, checks
 * each integration, logs one block per integration and writes JUnit XML and Markdown reports.
 */
@Mojo(name = "validate-api-users", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true, threadSafe = true)
public class ValidateApiUsersMojo extends AbstractMojo {

    /** The project directory; relative paths below are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /**
     * The declaration of the integrations: each one's user, objects, fields and system permissions,
     * plus who holds what ({@code users}) and any license catalogue additions ({@code licenses}).
     */
    @Parameter(property = "sfapi.declaration", defaultValue = "${project.basedir}/sfapi-users.yml")
    private File declaration;

    /**
     * The folders holding the metadata ({@code profiles/}, {@code permissionsets/},
     * {@code permissionsetgroups/}, {@code mutingpermissionsets/}), in SFDX source or Metadata API format.
     * Default: the {@code packageDirectories} of {@code sfdx-project.json}, else
     * {@code force-app/main/default}, else {@code src}. On the command line: a comma-separated list.
     */
    @Parameter(property = "sfapi.metadataDirectories")
    private List<File> metadataDirectories;

    /** Where the JUnit XML and Markdown reports are written. */
    @Parameter(property = "sfapi.reportsDirectory", defaultValue = "${project.build.directory}/sfapi-reports")
    private File reportsDirectory;

    /** Fail the build when a check finds an error (a requirement the user can't reach). */
    @Parameter(property = "sfapi.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Fail the build on warnings too (requirements that can't be proven, shared users). */
    @Parameter(property = "sfapi.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skip the validation. */
    @Parameter(property = "sfapi.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sfapi: validation skipped (sfapi.skip=true)");
            return;
        }
        Path base = baseDirectory.toPath();
        ApiUserValidation validation = new ApiUserValidation(base);
        ApiUserValidation.Inputs inputs = readDeclaration(validation);
        ValidationReport report;
        try {
            SourceDirectory metadata = validation.metadataSource(
                    metadataDirectories == null ? List.of() : metadataDirectories.stream().map(File::toPath).toList(),
                    inputs.declaration());
            report = validation.validateFromMetadata(inputs, metadata);
        } catch (YamlException e) {
            throw new MojoFailureException("sfapi: the declaration doesn't match the metadata:\n" + e.getMessage(), e);
        } catch (MetadataException e) {
            throw fault("sfapi: cannot read the metadata: " + e.getMessage(), e);
        }
        conclude(report, validation);
    }

    private ApiUserValidation.Inputs readDeclaration(ApiUserValidation validation) throws MojoFailureException,
            MojoExecutionException {
        try {
            return validation.readDeclaration(declaration.toPath());
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("sfapi: no declaration at " + declaration + ". Create sfapi-users.yml in the"
                    + " project directory listing each integration, its user and the objects it touches (see the"
                    + " README), or point sfapi.declaration at it.");
        } catch (YamlException e) {
            throw new MojoFailureException("sfapi: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("sfapi: cannot read " + declaration + ": " + e.getMessage(), e);
        }
    }

    /** Writes the reports, logs the console report, and turns the findings into the build verdict. */
    private void conclude(ValidationReport report, ApiUserValidation validation) throws MojoExecutionException,
            MojoFailureException {
        Path dir = reportsDirectory.toPath();
        // Named relative to the project, like every other path in the log (target/sfapi-reports).
        Path shown = Path.of(validation.displayName(dir));
        Reports.Written written;
        try {
            written = new Reports().write(report, dir);
        } catch (ReportException e) {
            throw fault("sfapi: " + e.getMessage(), e);
        }
        new ConsoleReport(new MavenReportLog(getLog())).write(report, shown);
        written.notes().forEach(getLog()::warn);

        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        if (errors > 0 && failOnError) {
            throw new MojoFailureException("sfapi: " + errors + " error" + (errors == 1 ? "" : "s")
                    + " in the integration users' access (see above, and " + shown + "). Fix " + (errors == 1 ? "it" : "them") + ", or set"
                    + " sfapi.failOnError=false to report without failing.");
        }
        if (errors > 0) {
            // Otherwise an [ERROR] summary followed by BUILD SUCCESS reads like a plugin bug.
            getLog().warn("sfapi: " + errors + " error" + (errors == 1 ? "" : "s")
                    + ", but sfapi.failOnError is false: the build goes on.");
        }
        if (warnings > 0 && failOnWarning) {
            throw new MojoFailureException("sfapi: " + warnings + " warning" + (warnings == 1 ? "" : "s")
                    + " and failOnWarning is set (see above, and " + shown + "). Settle them, or set"
                    + " sfapi.failOnWarning=false to report them without failing.");
        }
    }

    /**
     * A fault whose message already says everything the cause knows. Maven's error line appends the
     * message of every exception in the cause chain that isn't in the text yet, which repeated the
     * XML parser's raw "ParseError at [row,col]" text after our own; a suppressed exception keeps the
     * whole chain in {@code -e} stack traces without that.
     */
    private static MojoExecutionException fault(String message, Exception cause) {
        MojoExecutionException fault = new MojoExecutionException(message);
        fault.addSuppressed(cause);
        return fault;
    }
}
