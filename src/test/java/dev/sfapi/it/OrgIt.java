package dev.sfapi.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfapi.standin.SalesforceStandIn;
import dev.sfapi.standin.StandInKeys;
import dev.sfapi.standin.StandInLauncher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;

/**
 * What the org ITs' hook scripts share (src/it/org-*; the invoker runs them with the test classpath).
 * {@link #start} starts a stand-in for {@code standin-org.yml} on loopback and hands the IT build its
 * connection the way a user would: a settings.xml with one {@code <server>} per way of logging in, its
 * secrets encrypted with a master password as {@code mvn --encrypt-password} does. The build gets that
 * file as its global settings through {@code .mvn/maven.config} ({@code -gs}; the invoker already passes
 * {@code -s}), so no credential is on a command line or in a committed file: keys and secrets are
 * generated for each run under the IT's {@code target/standin/}.
 *
 * <pre>{@code
 * // prebuild.groovy
 * dev.sfapi.it.OrgIt.start(basedir, sfapiCorpus)
 * // verify.groovy (runs even when the build failed)
 * dev.sfapi.it.OrgIt.stop(basedir)                  // first: the stand-in never outlives the IT
 * def requests = dev.sfapi.it.OrgIt.requestCounts(basedir)
 * }</pre>
 *
 * Everything lives in files under the IT's directory and the stand-in listens on a free port, so ITs
 * can run in parallel.
 */
public final class OrgIt {

    /** JWT bearer as {@link #CI_USER} with the registered key: the CI default. */
    public static final String JWT_SERVER = "standin-jwt";
    /** Client credentials with the right (encrypted) secret. */
    public static final String CLIENT_CREDENTIALS_SERVER = "standin-client-credentials";
    /** Client credentials with a secret the app doesn't have. */
    public static final String WRONG_SECRET_SERVER = "standin-wrong-secret";
    /** JWT bearer signed with a key whose certificate was never uploaded to the app. */
    public static final String WRONG_KEY_SERVER = "standin-wrong-key";

    public static final String CI_USER = "sfapi.ci@acme.example";
    public static final String JWT_CLIENT_ID = "3MVG9sfapi.it.jwt";
    public static final String CLIENT_CREDENTIALS_CLIENT_ID = "3MVG9sfapi.it.client.credentials";

    static final String FIXTURE = "dev/sfapi/it/standin-org.yml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SCANNING = "[INFO] Scanning for projects...";
    private static final String BANNER = "Apache Maven ";
    private static final String FINISHED = "[INFO] Finished at: ";
    /** A Salesforce session id / access token: the org id, '!', the secret part. */
    private static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]");

    private OrgIt() {
    }

    /**
     * Starts the stand-in for the IT in {@code basedir} and writes what the IT build needs: keys,
     * {@code target/standin/settings.xml} and {@code settings-security.xml}, {@code .mvn/maven.config}.
     *
     * @param corpus the corpus directory (the main build's {@code sfapi.corpus}); null: found upwards
     * @return the running stand-in, for scripts that turn its fault switches
     */
    public static SalesforceStandIn start(File basedir, String corpus) throws IOException, PlexusCipherException {
        Path dir = dir(basedir);
        Files.createDirectories(dir);
        StandInKeys.writeRsaKeyPair(dir.resolve("jwt/server.key"), dir.resolve("jwt/server.pub"));
        // A second pair: its certificate is never given to the app, as when CI holds an old key.
        StandInKeys.writeRsaKeyPair(dir.resolve("wrong-key/server.key"), dir.resolve("wrong-key/server.pub"));
        String clientSecret = randomHex(32);
        String wrongSecret = randomHex(32);
        String master = randomHex(16);

        // Forward slashes: the paths go into double-quoted YAML, where a backslash is an escape.
        String fixture = resource(FIXTURE)
                .replace("@clientSecret@", clientSecret)
                .replace("@jwtPublicKey@", dir.resolve("jwt/server.pub").toString().replace('\\', '/'));
        fixture = corpus == null || corpus.isBlank() ? fixture.replace("corpus: \"@corpus@\"\n", "")
                : fixture.replace("@corpus@", corpus.replace('\\', '/'));
        Files.writeString(dir.resolve("org.yml"), fixture, StandardCharsets.UTF_8);

        SalesforceStandIn standIn = StandInLauncher.start(dir.resolve("org.yml").toFile(), stateFile(basedir));
        try {
            DefaultPlexusCipher cipher = new DefaultPlexusCipher();
            String encryptedMaster = cipher.encryptAndDecorate(master, "settings.security");
            String encryptedSecret = cipher.encryptAndDecorate(clientSecret, master);
            String encryptedWrongSecret = cipher.encryptAndDecorate(wrongSecret, master);
            Files.writeString(dir.resolve("settings-security.xml"), "<settingsSecurity>\n  <master>" + encryptedMaster
                    + "</master>\n</settingsSecurity>\n", StandardCharsets.UTF_8);
            String url = standIn.baseUrl();
            Files.writeString(dir.resolve("settings.xml"), String.join("\n",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<!-- Written by dev.sfapi.it.OrgIt for this run; given to the IT build with -gs (.mvn/maven.config). -->",
                    "<settings>",
                    "  <servers>",
                    jwtServer(JWT_SERVER, dir.resolve("jwt/server.key"), url),
                    clientCredentialsServer(CLIENT_CREDENTIALS_SERVER, encryptedSecret, url),
                    clientCredentialsServer(WRONG_SECRET_SERVER, encryptedWrongSecret, url),
                    jwtServer(WRONG_KEY_SERVER, dir.resolve("wrong-key/server.key"), url),
                    "  </servers>",
                    "</settings>",
                    ""), StandardCharsets.UTF_8);

            // Labelled, so that an assertion can say which one leaked without printing it.
            Properties secrets = new Properties();
            secrets.setProperty("client secret", clientSecret);
            secrets.setProperty("client secret, encrypted", encryptedSecret);
            secrets.setProperty("wrong client secret", wrongSecret);
            secrets.setProperty("wrong client secret, encrypted", encryptedWrongSecret);
            secrets.setProperty("master password", master);
            secrets.setProperty("master password, encrypted", encryptedMaster);
            putKeyBody(secrets, "JWT private key", dir.resolve("jwt/server.key"));
            putKeyBody(secrets, "wrong JWT private key", dir.resolve("wrong-key/server.key"));
            try (Writer w = Files.newBufferedWriter(dir.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
                secrets.store(w, "The credentials of this run (generated by dev.sfapi.it.OrgIt); none may appear in a log");
            }

            // Relative paths: Maven 3.8 splits maven.config on white space, and resolves them against
            // the IT's directory, where the invoker runs Maven.
            StandInLauncher.writeMavenConfig(basedir, "-gs", "target/standin/settings.xml",
                    "-Dsettings.security=target/standin/settings-security.xml");
        } catch (IOException | PlexusCipherException | RuntimeException e) {
            standIn.close();
            throw e;
        }
        return standIn;
    }

    /**
     * Saves the stand-in's request log to {@code target/standin/requests.json} and stops it. Does nothing
     * when it was never started or is already stopped, so every script that may run last can call it.
     *
     * @return whether a running stand-in was stopped
     */
    public static boolean stop(File basedir) throws IOException, InterruptedException {
        File state = stateFile(basedir);
        if (!state.isFile() || !listening(state)) {
            return false;
        }
        Files.writeString(dir(basedir).resolve("requests.json"), StandInLauncher.log(state), StandardCharsets.UTF_8);
        StandInLauncher.stop(state);
        if (listening(state)) {
            throw new IOException("the stand-in of " + basedir + " is still listening after stop");
        }
        return true;
    }

    /** Whether the stand-in of this IT answers on its port. */
    public static boolean running(File basedir) {
        File state = stateFile(basedir);
        return state.isFile() && listening(state);
    }

    /**
     * The requests the stand-in counted, keyed {@code "ENDPOINT operation(subject)"} (e.g.
     * {@code "REST_QUERY query(User)"}, {@code "OAUTH_TOKEN jwt-bearer"}): live while it runs, else as
     * saved by {@link #stop}.
     */
    public static Map<String, Integer> requestCounts(File basedir) throws IOException, InterruptedException {
        Map<String, Integer> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) log(basedir).get("summary");
        summary.forEach((k, v) -> out.put(k, ((Number) v).intValue()));
        return out;
    }

    /**
     * Every request the stand-in answered, in the order it answered them, each a map with
     * {@code sequence} (arrival), {@code endpoint}, {@code operation}, {@code subject}, {@code status},
     * {@code fault} (an injected fault's kind, else null), {@code soql}, … (never a header or a
     * credential): live while it runs, else as saved by {@link #stop}.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> requests(File basedir) throws IOException, InterruptedException {
        return (List<Map<String, Object>>) log(basedir).get("requests");
    }

    private static Map<String, Object> log(File basedir) throws IOException, InterruptedException {
        String json = running(basedir) ? StandInLauncher.log(stateFile(basedir))
                : Files.readString(dir(basedir).resolve("requests.json"), StandardCharsets.UTF_8);
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * Every credential of this run by label: the client secrets in clear and encrypted, the master
     * password, each line of both private keys' base64 body and the whole body.
     */
    public static Map<String, String> secrets(File basedir) throws IOException {
        Properties p = load(dir(basedir).resolve("secrets.properties"));
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /**
     * The labels of the credentials that {@code text} shows (never the values, so an assertion message
     * doesn't leak them either): any secret of {@link #secrets}, an access token of this stand-in (they
     * all begin with the org id and '!'), anything shaped like a Salesforce session id, a PEM key header.
     */
    public static List<String> leakedSecrets(File basedir, String text) throws IOException {
        List<String> leaked = new ArrayList<>();
        secrets(basedir).forEach((label, value) -> {
            if (text.contains(value)) {
                leaked.add(label);
            }
        });
        if (text.contains(sessionIdPrefix(basedir))) {
            leaked.add("an access token of the stand-in (" + sessionIdPrefix(basedir) + "…)");
        }
        if (SESSION_ID.matcher(text).find()) {
            leaked.add("something shaped like a session id (00D…!…)");
        }
        if (text.contains("PRIVATE KEY-----")) {
            leaked.add("a PEM private key");
        }
        return leaked;
    }

    /**
     * What begins every access token this stand-in issues: the 15-character org id and '!' (tokens
     * themselves are random and never leave the stand-in).
     */
    public static String sessionIdPrefix(File basedir) throws IOException {
        return orgId(basedir).substring(0, 15) + "!";
    }

    /** The stand-in's URL (login and instance URL). */
    public static String baseUrl(File basedir) throws IOException {
        return load(stateFile(basedir).toPath()).getProperty("baseUrl");
    }

    /** The org id of the stand-in (18 characters), e.g. to prove an anonymized file doesn't hold it. */
    public static String orgId(File basedir) throws IOException {
        return load(stateFile(basedir).toPath()).getProperty("orgId");
    }

    /**
     * The parts of a build.log holding several Maven invocations ({@code invoker.goals.1}, {@code .2}, …),
     * in order. Each starts at its "Scanning for projects" line, or at the version banner that precedes it
     * with -X, and runs to the next one, so it holds the error messages Maven prints after "Finished at".
     */
    public static List<String> invocations(File buildLog) throws IOException {
        String log = Files.readString(buildLog.toPath(), StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        int previousEnd = 0;
        for (int at = log.indexOf(SCANNING); at >= 0; at = log.indexOf(SCANNING, at + SCANNING.length())) {
            int banner = log.lastIndexOf(BANNER, at);
            int finished = log.lastIndexOf(FINISHED, at);
            int start = banner >= previousEnd && banner > finished ? banner : at;
            starts.add(log.lastIndexOf('\n', start) + 1);
            previousEnd = at;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            parts.add(log.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : log.length()));
        }
        return parts;
    }

    static File stateFile(File basedir) {
        return dir(basedir).resolve("state.properties").toFile();
    }

    private static Path dir(File basedir) {
        return basedir.toPath().resolve("target/standin");
    }

    private static String jwtServer(String id, Path key, String url) {
        return String.join("\n",
                "    <server>",
                "      <id>" + id + "</id>",
                "      <username>" + CI_USER + "</username>",
                "      <privateKey>" + xml(key.toString()) + "</privateKey>",
                "      <configuration>",
                "        <clientId>" + JWT_CLIENT_ID + "</clientId>",
                "        <loginUrl>" + xml(url) + "</loginUrl>",
                "      </configuration>",
                "    </server>");
    }

    private static String clientCredentialsServer(String id, String encryptedSecret, String url) {
        return String.join("\n",
                "    <server>",
                "      <id>" + id + "</id>",
                "      <configuration>",
                "        <instanceUrl>" + xml(url) + "</instanceUrl>",
                "        <clientId>" + CLIENT_CREDENTIALS_CLIENT_ID + "</clientId>",
                "        <clientSecret>" + xml(encryptedSecret) + "</clientSecret>",
                "      </configuration>",
                "    </server>");
    }

    /** Each base64 line of a PEM key (any of them in a log means the key leaked), and the whole body. */
    private static void putKeyBody(Properties secrets, String label, Path pem) throws IOException {
        List<String> body = Files.readAllLines(pem, StandardCharsets.US_ASCII).stream()
                .filter(l -> !l.startsWith("-----")).toList();
        secrets.setProperty(label + ", base64 body", String.join("", body));
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).length() >= 16) {
                secrets.setProperty(label + ", line " + (i + 2), body.get(i));
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static boolean listening(File state) {
        URI u;
        try {
            u = URI.create(load(state.toPath()).getProperty("baseUrl"));
        } catch (IOException e) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OrgIt.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no " + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
