package dev.sfapi.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry points an invoker IT uses: start from a fixture file, state file, log, stop. */
class StandInLauncherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void startFromAFixtureFileLogInWithJwtReadTheLogAndStop() throws Exception {
        StandInKeys.writeRsaKeyPair(dir.resolve("target/jwt-key.pem"), dir.resolve("target/jwt-cert.pem"));
        Files.writeString(dir.resolve("org.yml"), String.join("\n",
                "userLicenses: [{name: Salesforce Platform, key: AUL}]",
                "profiles:",
                "  - fullName: 2cloudnine Payroll User",
                "    metadata: corpus:Epic-ATS__NightlyBackup/force-app__main__default__profiles__2cloudnine Payroll User.profile-meta.xml",
                "users:",
                "  - {username: ci@acme.example, profile: 2cloudnine Payroll User}",
                "connectedApps:",
                "  - {clientId: 3MVG9it, jwtPublicKey: target/jwt-cert.pem}",
                ""));
        File state = dir.resolve("target/standin.properties").toFile();

        SalesforceStandIn standIn = StandInLauncher.start(dir.resolve("org.yml").toFile(), state);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(state.toPath())) {
            p.load(r);
        }
        assertEquals(standIn.baseUrl(), p.getProperty("baseUrl"));
        assertEquals(standIn.baseUrl() + "/services/Soap/m/62.0", p.getProperty("metadataUrl"));
        assertTrue(p.getProperty("baseUrl").startsWith("http://127.0.0.1:"));

        // What the plugin under test would do: JWT with the private key file, then a query.
        String assertion = StandInKeys.jwt(readPrivateKey(dir.resolve("target/jwt-key.pem")), "3MVG9it", "ci@acme.example",
                "https://login.salesforce.com", Instant.now().getEpochSecond() + 120);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(p.getProperty("tokenUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode(
                        "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8) + "&assertion=" + assertion))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String access = JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(URI.create(p.getProperty("restUrl")
                + "/query?q=SELECT+Username,Profile.Name+FROM+User")).header("Authorization", "Bearer " + access).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("2cloudnine Payroll User", JSON.readTree(users.body()).at("/records/0/Profile/Name").asText());

        JsonNode log = JSON.readTree(StandInLauncher.log(state));
        assertEquals(2, log.get("total").asInt());
        assertEquals(1, log.at("/summary/OAUTH_TOKEN jwt-bearer").asInt());
        assertEquals(1, log.at("/summary/REST_QUERY query(User)").asInt());
        assertFalse(log.toString().contains(access), "the log never shows a token");

        StandInLauncher.stop(state);
        assertThrows(ConnectException.class, () -> HTTP.send(HttpRequest.newBuilder(URI.create(p.getProperty("restUrl"))).build(),
                HttpResponse.BodyHandlers.ofString()));
        standIn.awaitClose(); // returns: the control stop closed the Java object too
    }

    @Test
    void theControlEndpointsWantTheToken() throws Exception {
        File state = dir.resolve("standin.properties").toFile();
        try (SalesforceStandIn standIn = StandInLauncher.start("classpath:" + CorpusOrg.RESOURCE, state)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/__standin/stop"))
                    .header("X-StandIn-Token", "guess").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertEquals(0, standIn.log().count(), "control requests are not counted");
            assertEquals(CorpusOrg.PLATFORM_USER, standIn.org().user(CorpusOrg.PLATFORM_USER).orElseThrow().username());
        }
    }

    @Test
    void aBrokenFixtureNamesFileLineAndProblem() throws IOException {
        Path yml = dir.resolve("broken.yml");
        Files.writeString(yml, String.join("\n",
                "userLicenses: [{name: Salesforce, key: SFDC}]",
                "profiles:",
                "  - fullName: P",
                "    userLicence: Salesforce",
                "users:",
                "  - {username: u@x, profile: P, active: maybe}",
                ""));
        IOException e = assertThrows(IOException.class, () -> StandInLauncher.start(yml.toFile(), dir.resolve("s").toFile()));
        assertTrue(e.getMessage().contains("broken.yml:4"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'userLicence'"), e.getMessage());
        assertTrue(e.getMessage().contains("userLicense"), "suggests the right key: " + e.getMessage());
        assertTrue(e.getMessage().contains("broken.yml:6"), e.getMessage());
    }

    @Test
    void writeMavenConfigGivesTheItBuildItsArguments() throws IOException {
        StandInLauncher.writeMavenConfig(dir.toFile(), "-Da=http://127.0.0.1:1", "-Db=2");
        assertEquals("-Da=http://127.0.0.1:1\n-Db=2\n", Files.readString(dir.resolve(".mvn/maven.config")));
    }

    private static PrivateKey readPrivateKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        String b64 = text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
    }
}
