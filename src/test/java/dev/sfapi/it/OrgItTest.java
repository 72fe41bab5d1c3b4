package dev.sfapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.standin.Endpoint;
import dev.sfapi.standin.SalesforceStandIn;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** The org ITs' helper, where a mistake would make an IT pass or fail for the wrong reason. */
class OrgItTest {

    @TempDir
    Path it;

    @Test
    void startWritesSettingsMavenCanDecryptAndStopKeepsTheRequestLog() throws Exception {
        File basedir = it.toFile();
        SalesforceStandIn standIn = OrgIt.start(basedir, System.getProperty("sfapi.corpus"));
        try {
            assertTrue(OrgIt.running(basedir));
            assertEquals("-gs\ntarget/standin/settings.xml\n-Dsettings.security=target/standin/settings-security.xml\n",
                    Files.readString(it.resolve(".mvn/maven.config")));
            String settings = Files.readString(it.resolve("target/standin/settings.xml"));
            Map<String, String> secrets = OrgIt.secrets(basedir);
            assertFalse(settings.contains(secrets.get("client secret")), "settings.xml holds secrets encrypted only");
            assertTrue(settings.contains("<loginUrl>" + standIn.baseUrl() + "</loginUrl>"));
            for (String id : List.of(OrgIt.JWT_SERVER, OrgIt.CLIENT_CREDENTIALS_SERVER, OrgIt.WRONG_SECRET_SERVER,
                    OrgIt.WRONG_KEY_SERVER)) {
                assertTrue(settings.contains("<id>" + id + "</id>"), id);
            }
            // What Maven's SettingsDecrypter does with -Dsettings.security=…: the secret comes back.
            DefaultSecDispatcher maven = new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(),
                    it.resolve("target/standin/settings-security.xml").toString());
            assertEquals(secrets.get("client secret"), maven.decrypt(secrets.get("client secret, encrypted")));
            assertEquals(secrets.get("wrong client secret"), maven.decrypt(secrets.get("wrong client secret, encrypted")));
            assertEquals(List.of("client secret, encrypted"),
                    OrgIt.leakedSecrets(basedir, "x " + secrets.get("client secret, encrypted") + " y"));
            assertEquals(List.of("wrong client secret"), OrgIt.leakedSecrets(basedir, "x" + secrets.get("wrong client secret")));
            assertEquals(List.of(), OrgIt.leakedSecrets(basedir, settings.replaceAll("\\{[^}]*}", "{…}")),
                    "the rest of settings.xml (URLs, ids, key paths) is no credential");
            List<String> token = OrgIt.leakedSecrets(basedir, "Bearer " + standIn.sessionFor(OrgIt.CI_USER));
            assertEquals(2, token.size(), token::toString);
            assertTrue(token.get(0).startsWith("an access token of the stand-in (00D"), token::toString);

            // One request for the log to count (refused without a session, but counted).
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(standIn.restUrl() + "/query?q=SELECT+Id+FROM+Organization")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(401, r.statusCode());
        } finally {
            assertTrue(OrgIt.stop(basedir), "the first stop stops it");
        }
        assertFalse(OrgIt.running(basedir));
        assertFalse(OrgIt.stop(basedir), "a second stop does nothing");
        assertEquals(Map.of("REST_QUERY query(Organization)", 1), OrgIt.requestCounts(basedir),
                "the log saved at stop is read once the stand-in is gone");
        assertEquals(Endpoint.REST_QUERY.name(), OrgIt.requests(basedir).get(0).get("endpoint"));
    }

    @Test
    void invocationsSplitABuildLogKeepingEachRunsBannerAndErrors() throws Exception {
        Path log = it.resolve("build.log");
        Files.writeString(log, String.join("\n",
                "Running pre-build script: prebuild.groovy",
                "\u001b[0mApache Maven 3.8.7",
                "[DEBUG] Reading global settings from target/standin/settings.xml",
                "[INFO] Scanning for projects...",
                "[INFO] BUILD FAILURE",
                "[INFO] Finished at: 2026-01-01T00:00:00Z",
                "[ERROR] Failed to execute goal …: sfapi: first",
                "\u001b[0m[INFO] Scanning for projects...",
                "[INFO] Finished at: 2026-01-01T00:00:01Z",
                "[ERROR] Failed to execute goal …: sfapi: second",
                "Running post-build script: verify.groovy",
                ""));
        List<String> runs = OrgIt.invocations(log.toFile());
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).startsWith("\u001b[0mApache Maven 3.8.7\n[DEBUG] Reading global settings"), runs.get(0));
        assertTrue(runs.get(0).endsWith("sfapi: first\n"), runs.get(0));
        assertTrue(runs.get(1).startsWith("\u001b[0m[INFO] Scanning"), runs.get(1));
        assertTrue(runs.get(1).contains("sfapi: second"), runs.get(1));
    }
}
