package dev.sfapi.maven;

import dev.sfapi.ApiUserValidation;
import dev.sfapi.org.OrgAccess;
import dev.sfapi.org.OrgClient;
import dev.sfapi.org.OrgException;
import dev.sfapi.org.SnapshotException;
import dev.sfapi.org.SnapshotFile;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Saves what validation needs from the org (the declared users, their assignments, the org's license
 * seat counts, and the Profile / PermissionSet / PermissionSetGroup / MutingPermissionSet metadata they
 * hold) to a JSON file, so that {@code validate-api-users -Dsfapi.snapshot=…} can validate with no org:
 * in a build without credentials, or to share a failing case ({@code -Dsfapi.anonymize}).
 * The file holds no credential.
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
@Mojo(name = "snapshot", requiresProject = true, threadSafe = true)
public class SnapshotMojo extends AbstractOrgMojo {

    /** Where the snapshot is written. */
    @Parameter(property = "sfapi.snapshotFile", defaultValue = "${project.build.directory}/sfapi-snapshot.json")
    File snapshotFile;

    /**
     * Replace usernames, user ids, the org id, org name and instance host with stable placeholders
     * ({@code user-1@example.invalid}, …), and write a copy of the declaration with the same usernames
     * replaced next to the snapshot ({@code <name>.sfapi-users.yml}), so the pair can be shared.
     */
    @Parameter(property = "sfapi.anonymize", defaultValue = "false")
    boolean anonymize;

    /** Skip the snapshot. */
    @Parameter(property = "sfapi.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        checkSwitches("sfapi.skip", "sfapi.anonymize");
        if (skip) {
            getLog().info("sfapi: snapshot skipped (sfapi.skip=true)");
            return;
        }
        checkSecretsInPom();
        ApiUserValidation validation = new ApiUserValidation(base());
        ApiUserValidation.Inputs inputs = readDeclaration(validation);
        OrgClient client = connect();
        OrgAccess access;
        try {
            access = validation.readOrg(inputs, client);
        } catch (OrgException e) {
            fail(e);
            return;
        }
        logApiUsage(client);
        SnapshotFile.Written written;
        try {
            written = validation.writeSnapshot(inputs, access, snapshotFile.toPath(), anonymize);
        } catch (SnapshotException e) {
            throw new MojoExecutionException("sfapi: " + e.getMessage(), e);
        }
        getLog().info("sfapi: snapshot of " + access.users().size() + " users of org " + (anonymize
                ? "(anonymized)" : access.org().describe()) + " written to " + validation.displayName(written.file()));
        if (written.declarationCopy() != null) {
            getLog().info("sfapi: usernames are replaced by placeholders; the declaration with the same replacements"
                    + " is " + validation.displayName(written.declarationCopy()) + ". Share both files; validate them"
                    + " with -Dsfapi.declaration=<that copy> -Dsfapi.snapshot=<the snapshot>.");
        }
        access.gaps().forEach(g -> getLog().warn("sfapi: " + g.reason()));
    }
}
