package dev.sfapi.maven;

import dev.sfapi.ApiUserValidation;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.metadata.MetadataException;
import dev.sfapi.metadata.SourceDirectory;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.OrgClient;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.SnapshotException;
import dev.sfapi.report.ConsoleReport;
import dev.sfapi.report.ReportException;
import dev.sfapi.report.Reports;
import dev.sfapi.yaml.YamlException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when an integration user's license, or its effective permissions, can't reach the
 * objects, fields and system permissions its integration uses.
 *
 * <p>Reads the declaration ({@code sfapi-users.yml}); finds out who holds what and the Profile,
 * PermissionSet, PermissionSetGroup and MutingPermissionSet metadata of the declared users from one of
 * three sources (see {@code sfapi.source}): a live org, a snapshot file, or the project's metadata
 * source with the declaration's users section; checks each integration, logs one block per integration
 * and writes JUnit XML and Markdown reports.
 *
 * <p>Credentials are not parameters, so that Maven's debug output ({@code mvn -X}) cannot print them:
 * {@code clientSecret}, {@code privateKeyPassphrase}, {@code authUrl}, {@code accessToken},
 * {@code password} and {@code securityToken}. Put them in the settings.xml {@code <server>} named by
 * {@code sfapi.serverId} (encrypted with {@code mvn --encrypt-password}: {@code <password>},
 * {@code <passphrase>}, {@code <configuration><clientSecret>}, {@code <configuration><authUrl>},
 * {@code <configuration><accessToken>}, {@code <configuration><securityToken>}), or in the environment
 * ({@code SFAPI_CLIENT_SECRET}, {@code SFAPI_PRIVATE_KEY_PASSPHRASE}, {@code SFAPI_AUTH_URL},
 * {@code SFAPI_ACCESS_TOKEN}, {@code SFAPI_PASSWORD}, {@code SFAPI_SECURITY_TOKEN}); or pass them as
 * properties, {@code -Dsfapi.accessToken=…} (also read from system properties and the pom's
 * {@code <properties>}, with a warning there). Not in the plugin {@code <configuration>}: the build stops.
 */
@Mojo(name = "validate-api-users", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true, threadSafe = true)
public class ValidateApiUsersMojo extends AbstractOrgMojo {

    /**
     * The folders holding the metadata ({@code profiles/}, {@code permissionsets/},
     * {@code permissionsetgroups/}, {@code mutingpermissionsets/}), in SFDX source or Metadata API format.
     * Default: the {@code packageDirectories} of {@code sfdx-project.json}, else
     * {@code force-app/main/default}, else {@code src}. On the command line: a comma-separated list.
     * Used when validating from the project's metadata.
     */
    @Parameter(property = "sfapi.metadataDirectories")
    private List<File> metadataDirectories;

    /**
     * Where who holds what and the metadata come from: {@code auto} (default: a snapshot when
     * {@code sfapi.snapshot} is set, else the org when one is configured, i.e. {@code sfapi.serverId} or a
     * credential in an {@code sfapi.*} property or the environment, else the project's metadata), {@code metadata},
     * {@code org} or {@code snapshot}.
     */
    @Parameter(property = "sfapi.source", defaultValue = "auto")
    String source;

    /** A snapshot written by {@code mvn sfapi:snapshot} to validate from, with no org. */
    @Parameter(property = "sfapi.snapshot")
    File snapshot;

    /** Where the JUnit XML and Markdown reports are written. */
    @Parameter(property = "sfapi.reportsDirectory", defaultValue = "${project.build.directory}/sfapi-reports")
    File reportsDirectory;

    /** Fail the build when a check finds an error (a requirement the user can't reach). */
    @Parameter(property = "sfapi.failOnError", defaultValue = "true")
    boolean failOnError = true;

    /**
     * Fail the build on warnings too (requirements that can't be proven, shared users, drift) — and so on
     * errors as well, even when {@code failOnError} is false: errors are worse than warnings.
     */
    @Parameter(property = "sfapi.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** Skip the validation. */
    @Parameter(property = "sfapi.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        checkSwitches("sfapi.skip", "sfapi.failOnError", "sfapi.failOnWarning");
        if (skip) {
            getLog().info("sfapi: validation skipped (sfapi.skip=true)");
            return;
        }
        checkSecretsInPom();
        try {
            Reports.clearPrevious(reportsDirectory.toPath());
        } catch (ReportException e) {
            throw fault("sfapi: " + e.getMessage(), e);
        }
        Path base = base();
        ApiUserValidation validation = new ApiUserValidation(base);
        ApiUserValidation.Inputs inputs = readDeclaration(validation);
        if (!inputs.declaration().licenses().isEmpty()) {
            // A team's rows can turn a built-in "never" into a pass: say so where the verdicts are read.
            getLog().info("sfapi: the licenses section of " + inputs.declaration().source() + " adds to the built-in"
                    + " license catalogue for " + inputs.declaration().licenses().stream()
                    .map(l -> "'" + l.name() + "' (line " + l.location().line() + ")")
                    .collect(Collectors.joining(", "))
                    + "; its rows win over built-in rows of the same scope.");
        }
        ApiUserValidation.SourceChoice choice;
        try {
            choice = ApiUserValidation.chooseSource(source, snapshot != null, orgConfigured());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("sfapi: " + e.getMessage(), e);
        }
        getLog().debug("sfapi: source " + choice.source() + " (" + choice.reason() + ")");
        ValidationReport report = switch (choice.source()) {
            case METADATA -> fromMetadata(validation, inputs);
            case ORG -> fromOrg(validation, inputs);
            case SNAPSHOT -> fromSnapshot(validation, inputs);
        };
        conclude(report, validation);
    }

    /**
     * "-Dsfapi.metadataDirectories=a, b" reaches us as the File "basedir/ b": Maven resolves each entry
     * before we see it, so the space after the comma is trimmed from the part relative to the project.
     */
    private Path trimmed(File directory) {
        Path base = baseDirectory.toPath().toAbsolutePath().normalize();
        Path path = directory.toPath().toAbsolutePath().normalize();
        if (path.startsWith(base) && !path.equals(base)) {
            return base.resolve(base.relativize(path).toString().strip());
        }
        return path.resolveSibling(path.getFileName().toString().strip());
    }

    private ValidationReport fromMetadata(ApiUserValidation validation, ApiUserValidation.Inputs inputs)
            throws MojoFailureException, MojoExecutionException {
        try {
            SourceDirectory metadata = validation.metadataSource(
                    metadataDirectories == null ? List.of() : metadataDirectories.stream().map(this::trimmed).toList(),
                    inputs.declaration());
            return validation.validateFromMetadata(inputs, metadata);
        } catch (YamlException e) {
            throw new MojoFailureException("sfapi: the users section of the declaration doesn't fit the metadata:\n" + e.getMessage(), e);
        } catch (MetadataException e) {
            if (e.isSetting()) {
                throw new MojoFailureException("sfapi: " + e.getMessage(), e);
            }
            throw fault("sfapi: cannot read the metadata: " + e.getMessage(), e);
        }
    }

    private ValidationReport fromOrg(ApiUserValidation validation, ApiUserValidation.Inputs inputs)
            throws MojoFailureException, MojoExecutionException {
        OrgClient client = connect();
        long started = System.nanoTime();
        OrgAccess access;
        try {
            access = validation.readOrg(inputs, client);
        } catch (OrgException e) {
            return fail(e);
        }
        logRead(access, (System.nanoTime() - started) / 1_000_000);
        logApiUsage(client);
        return validate(validation, inputs, access, ApiUserValidation.describeOrg(access));
    }

    private ValidationReport fromSnapshot(ApiUserValidation validation, ApiUserValidation.Inputs inputs)
            throws MojoFailureException, MojoExecutionException {
        OrgAccess access;
        try {
            access = validation.readSnapshot(inputs, snapshot.toPath());
        } catch (SnapshotException e) {
            // Unreadable input is a fault; a missing, newer or other users' snapshot is the build's to fix.
            if (e.isForTheBuildToFix()) {
                throw new MojoFailureException("sfapi: " + e.getMessage(), e);
            }
            // The message already quotes the parser; as a cause Maven would print its text a second time.
            throw fault("sfapi: " + e.getMessage(), e);
        }
        String described = validation.describeSnapshot(snapshot.toPath(), access);
        getLog().info("sfapi: validating from " + described + " (no org is contacted)");
        return validate(validation, inputs, access, described);
    }

    private ValidationReport validate(ApiUserValidation validation, ApiUserValidation.Inputs inputs,
                                      OrgAccess access, String described) throws MojoExecutionException {
        try {
            return validation.validateFromOrg(inputs, access, described);
        } catch (MetadataException e) {
            throw new MojoExecutionException("sfapi: " + e.getMessage(), e);
        }
    }

    private void logRead(OrgAccess access, long millis) {
        long found = access.users().stream().filter(u -> u.status() != dev.sfapi.access.UserSetup.Status.NOT_FOUND)
                .count();
        getLog().info("sfapi: read " + count(access.users().size(), "user") + " (" + found + " found) from org "
                + access.org().describe() + " with " + count(access.metadata().profiles().size(), "profile") + ", "
                + count(access.metadata().permissionSets().size(), "permission set") + ", "
                + count(access.metadata().groups().size(), "group") + " and "
                + count(access.metadata().mutingPermissionSets().size(), "muting permission set") + ", in " + millis
                + " ms");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Writes the reports, logs the console report, and turns the findings into the build verdict. */
    private void conclude(ValidationReport report, ApiUserValidation validation) throws MojoExecutionException,
            MojoFailureException {
        Path dir = reportsDirectory.toPath();
        // Named relative to the project, like every other path in the log (target/sfapi-reports).
        Path shown = Path.of(validation.displayName(dir));
        // The verdict reaches the log first, so that a report that can't be written doesn't hide it.
        new ConsoleReport(new MavenReportLog(getLog())).write(report, shown);
        Reports.Written written;
        try {
            written = new Reports().write(report, dir);
        } catch (ReportException e) {
            throw fault("sfapi: " + e.getMessage(), e);
        }
        written.notes().forEach(getLog()::warn);

        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        if (errors > 0 && failOnError) {
            throw new MojoFailureException("sfapi: " + plural(errors, "error") + " in the integration users' access"
                    + " (see above, and " + shown + "). Fix " + (errors == 1 ? "it" : "them") + ", or set"
                    + (failOnWarning ? " sfapi.failOnError=false and sfapi.failOnWarning=false"
                            : " sfapi.failOnError=false") + " to report without failing.");
        }
        if ((warnings > 0 || errors > 0) && failOnWarning) {
            // failOnWarning fails on anything at warning level or worse, whatever failOnError says.
            throw new MojoFailureException("sfapi: " + (errors > 0 ? plural(errors, "error") + " and " : "")
                    + plural(warnings, "warning") + ", and failOnWarning is set (see above, and " + shown + ")."
                    + " Settle them, or set sfapi.failOnWarning=false to report them without failing.");
        }
        if (errors > 0) {
            // Otherwise an [ERROR] summary followed by BUILD SUCCESS reads like a plugin bug.
            getLog().warn("sfapi: " + plural(errors, "error") + ", but sfapi.failOnError is false: the build goes on.");
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A fault whose message already says everything the cause knows. Maven's error line appends the
     * message of every exception in the cause chain that isn't in the text yet, which repeated the
     * XML parser's raw "ParseError at [row,col]" text after our own; a suppressed exception stays out of
     * that line. Maven 3.8's {@code -e} stack trace doesn't print suppressed exceptions, so the cause also
     * goes to the debug log.
     */
    private MojoExecutionException fault(String message, Exception cause) {
        getLog().debug("sfapi: the underlying error:", cause);
        MojoExecutionException fault = new MojoExecutionException(message);
        fault.addSuppressed(cause);
        return fault;
    }
}
