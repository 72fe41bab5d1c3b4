package dev.sfapi.standin;

import dev.sfapi.standin.org.OrgFixture;
import dev.sfapi.standin.org.OrgModelBuilder;
import dev.sfapi.yaml.YamlException;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts and stops a stand-in from outside a JUnit test: an invoker IT's groovy hook scripts
 * (run with {@code <addTestClassPath>true</addTestClassPath>}, so this class is on their classpath) or
 * a separate JVM ({@link #main}). The running stand-in is described by a properties file (its
 * "state file") that later scripts read; stopping goes over HTTP with the token in that file, so it
 * works from another script, class loader or process.
 *
 * <pre>{@code
 * // src/it/<name>/setup.groovy  (preBuildHookScript)
 * import dev.sfapi.standin.*
 * StandInKeys.writeRsaKeyPair(new File(basedir, 'target/jwt-key.pem').toPath(), new File(basedir, 'target/jwt-cert.pem').toPath())
 * def org = StandInLauncher.start(new File(basedir, 'org.yml'), new File(basedir, 'target/standin.properties'))
 * StandInLauncher.writeMavenConfig(basedir, "-Dsfapi.instanceUrl=${org.baseUrl()}")
 *
 * // src/it/<name>/verify.groovy  (postBuildHookScript)
 * def state = new File(basedir, 'target/standin.properties')
 * def log = new groovy.json.JsonSlurper().parseText(StandInLauncher.log(state))
 * StandInLauncher.stop(state)
 * assert log.summary['METADATA_SOAP readMetadata(Profile)'] == 1
 * }</pre>
 *
 * State file keys: {@code baseUrl} (login and instance URL), {@code tokenUrl}, {@code partnerUrl},
 * {@code metadataUrl}, {@code restUrl}, {@code apiVersion}, {@code orgId}, {@code controlToken}.
 */
public final class StandInLauncher {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StandInLauncher() {
    }

    /**
     * Starts a stand-in for the fixture and writes the state file.
     *
     * @param fixture a YAML fixture (see {@link OrgFixture}); {@code classpath:…} loads one from the
     *                test classpath, e.g. {@code classpath:dev/sfapi/standin/corpus-org.yml}
     */
    public static SalesforceStandIn start(String fixture, File stateFile) throws IOException {
        OrgModelBuilder builder;
        try {
            builder = fixture.startsWith("classpath:") ? OrgFixture.loadResource(fixture.substring("classpath:".length()))
                    : OrgFixture.load(Path.of(fixture));
        } catch (YamlException e) {
            throw new IOException("the stand-in fixture " + fixture + " has problems:\n" + e.getMessage(), e);
        }
        dev.sfapi.standin.org.OrgModel model;
        try {
            model = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IOException("the stand-in fixture " + fixture + ": " + e.getMessage(), e);
        }
        SalesforceStandIn standIn = SalesforceStandIn.start(model);
        try {
            writeState(standIn, stateFile.toPath());
        } catch (IOException | RuntimeException e) {
            standIn.close();
            throw e;
        }
        return standIn;
    }

    public static SalesforceStandIn start(File fixture, File stateFile) throws IOException {
        return start(fixture.getPath(), stateFile);
    }

    /** Stops the stand-in a state file describes (waits until its port is closed). */
    public static void stop(File stateFile) throws IOException, InterruptedException {
        Properties state = read(stateFile);
        HttpResponse<String> r = HTTP.send(control(state, "stop").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the stand-in refused to stop: HTTP " + r.statusCode() + " " + r.body());
        }
        // The server closes right after answering; wait for it so the next IT may reuse nothing by accident.
        for (int i = 0; i < 50 && reachable(state); i++) {
            Thread.sleep(100);
        }
    }

    /**
     * The counters and the request log of the stand-in a state file describes, as JSON:
     * {@code {total, maxConcurrent, summary: {"ENDPOINT operation(subject)": n}, requests: […]}}.
     */
    public static String log(File stateFile) throws IOException, InterruptedException {
        Properties state = read(stateFile);
        HttpResponse<String> r = HTTP.send(control(state, "log").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the stand-in refused its log: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /**
     * Writes {@code .mvn/maven.config} in an IT project so the build it runs gets these command-line
     * arguments (e.g. {@code -Dsfapi.instanceUrl=…}); Maven 3.8 splits the file on white space.
     */
    public static void writeMavenConfig(File projectDir, String... arguments) throws IOException {
        Path dir = projectDir.toPath().resolve(".mvn");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("maven.config"), String.join("\n", arguments) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Runs a stand-in in this JVM until it is stopped: {@code java -cp <test classpath>
     * dev.sfapi.standin.StandInLauncher <fixture.yml|classpath:…> <state.properties>}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StandInLauncher <fixture.yml | classpath:resource> <state.properties>");
            System.exit(2);
        }
        SalesforceStandIn standIn = start(args[0], new File(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("Salesforce stand-in listening on " + standIn.baseUrl() + " (state in " + args[1] + ")");
        standIn.awaitClose();
    }

    private static void writeState(SalesforceStandIn s, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("baseUrl", s.baseUrl());
        p.setProperty("tokenUrl", s.tokenUrl());
        p.setProperty("partnerUrl", s.partnerUrl());
        p.setProperty("metadataUrl", s.metadataUrl());
        p.setProperty("restUrl", s.restUrl());
        p.setProperty("apiVersion", s.apiVersion());
        p.setProperty("orgId", s.org().orgId());
        // Guards only the stand-in's own stop/log endpoints; it is no Salesforce credential.
        p.setProperty("controlToken", s.controlToken());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Salesforce stand-in (dev.sfapi.standin.StandInLauncher)");
        }
    }

    private static Properties read(File stateFile) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(stateFile.toPath(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static HttpRequest.Builder control(Properties state, String action) {
        return HttpRequest.newBuilder(URI.create(state.getProperty("baseUrl") + Router.CONTROL_PREFIX + action))
                .header(ControlHandler.TOKEN_HEADER, state.getProperty("controlToken"));
    }

    private static boolean reachable(Properties state) {
        try (java.net.Socket s = new java.net.Socket()) {
            URI u = URI.create(state.getProperty("baseUrl"));
            s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
