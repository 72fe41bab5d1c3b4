package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host name that doesn't resolve fails at once, on every path (OAuth token request, REST query,
 * Metadata API, SOAP login; direct and through a proxy), with a message about the name, not about
 * Salesforce being down.
 *
 * <p>The clients are the real ones (the JDK HttpClient, force-wsc over HttpURLConnection), so the
 * failure must come from a real lookup. To keep the lookup off the network, it happens in a child JVM
 * started with {@code -Djdk.net.hosts.file}: the JDK then answers every lookup from that file alone,
 * exactly as it reports a name DNS doesn't know. (The property is read once per JVM, so it can't be
 * set in this one.)
 */
class UnresolvableHostTest {

    static final String HOST = "sfapi-no-such-host.invalid";
    static final String PROXY_HOST = "sfapi-no-such-proxy.invalid";
    static final String CLIENT_SECRET = "unresolvable-client-secret-1";

    private static Map<String, String[]> results;

    @BeforeAll
    static void runProbeWithoutDns(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        Path out = dir.resolve("out.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djdk.net.hosts.file=" + hosts,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        String console = Files.readString(dir.resolve("console.txt"));
        assertEquals(0, p.exitValue(), "probe exit code; its output:\n" + console);
        results = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 4);
            results.put(parts[0], parts);
        }
    }

    /** kind, number of waits before giving up, message. */
    private static String[] result(String scenario) {
        String[] r = results.get(scenario);
        assertTrue(r != null, "scenario " + scenario + " ran; got " + results.keySet());
        return new String[] {r[1], r[2], r[3]};
    }

    private static void assertUnresolvedAtOnce(String scenario, String expectedStart, String host, String advice) {
        String[] r = result(scenario);
        assertEquals(OrgException.Kind.UNAVAILABLE.name(), r[0], scenario + ": " + r[2]);
        assertEquals("0", r[1], scenario + ": no retry, no wait: " + r[2]);
        assertTrue(r[2].startsWith(expectedStart), scenario + ": " + r[2]);
        assertTrue(r[2].endsWith(" failed: cannot resolve " + host + ": " + advice + "."), scenario + ": " + r[2]);
        assertFalse(r[2].contains("maintenance"), scenario + ": not blamed on Salesforce: " + r[2]);
        NoSecrets.assertNotIn(r[2], CLIENT_SECRET);
    }

    @Test
    void theHostsFileKeepsTheLookupsOffTheNetwork() {
        assertEquals("UnknownHostException", result("control")[0], "the child JVM resolves from the file only");
        assertEquals("localhost", result("control-localhost")[0]);
    }

    @Test
    void anOAuthTokenRequestIsNotRetried() {
        assertUnresolvedAtOnce("client-credentials", "OAuth 2.0 client credentials flow at https://" + HOST,
                HOST, "check the login/instance URL, DNS and the proxy settings");
        assertUnresolvedAtOnce("sfdx-auth-url", "SFDX auth URL", HOST,
                "check the login/instance URL, DNS and the proxy settings");
    }

    @Test
    void aRestQueryIsNotRetried() {
        assertUnresolvedAtOnce("rest", "SOQL query", HOST, "check the login/instance URL, DNS and the proxy settings");
    }

    @Test
    void aMetadataApiCallIsNotRetried() {
        assertUnresolvedAtOnce("metadata", "describeMetadata", HOST,
                "check the login/instance URL, DNS and the proxy settings");
    }

    @Test
    void aSoapLoginIsNotRetried() {
        assertUnresolvedAtOnce("soap-login", "SOAP login() of ci@acme.example at https://" + HOST, HOST,
                "check the login/instance URL, DNS and the proxy settings");
    }

    @Test
    void anUnresolvableProxyIsNamedAsTheProxy() {
        assertUnresolvedAtOnce("client-credentials-via-proxy", "OAuth 2.0 client credentials flow",
                "the proxy host " + PROXY_HOST, "check the <proxy> in settings.xml (its <host>) and DNS");
        assertUnresolvedAtOnce("soap-login-via-proxy", "SOAP login()", "the proxy host " + PROXY_HOST,
                "check the <proxy> in settings.xml (its <host>) and DNS");
    }

    /**
     * Runs in the child JVM: one line per scenario, {@code name TAB kind TAB waits TAB message}, written
     * to the file named by the first argument.
     */
    public static final class Probe {

        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            StringBuilder out = new StringBuilder();
            try {
                InetAddress.getByName(HOST);
                line(out, "control", "resolved", 0, "");
            } catch (UnknownHostException e) {
                line(out, "control", "UnknownHostException", 0, "");
            }
            line(out, "control-localhost", InetAddress.getByName("localhost").getHostName(), 0, "");

            Map<SettingKey, String> cc = base();
            cc.put(SettingKey.INSTANCE_URL, "https://" + HOST);
            cc.put(SettingKey.CLIENT_ID, "3MVG9probe");
            cc.put(SettingKey.CLIENT_SECRET, CLIENT_SECRET);
            run(out, "client-credentials", cc, null, client -> { });
            run(out, "client-credentials-via-proxy", cc, PROXY_HOST, client -> { });

            Map<SettingKey, String> sfdx = base();
            sfdx.put(SettingKey.AUTH_URL, "force://PlatformCLI::5AepProbeRefreshTokenValue0123456789@" + HOST);
            run(out, "sfdx-auth-url", sfdx, null, client -> { });

            Map<SettingKey, String> token = base();
            token.put(SettingKey.INSTANCE_URL, "https://" + HOST);
            token.put(SettingKey.ACCESS_TOKEN, "00Dprobe0000000001!probeAccessTokenValue");
            run(out, "rest", token, null, client -> client.rest().query("SELECT Id FROM User"));
            run(out, "metadata", token, null, client -> client.metadata().call("describeMetadata",
                    c -> c.describeMetadata(62.0)));

            Map<SettingKey, String> soap = base();
            soap.put(SettingKey.LOGIN_URL, "https://" + HOST);
            soap.put(SettingKey.USERNAME, "ci@acme.example");
            soap.put(SettingKey.PASSWORD, "probe-password-1");
            run(out, "soap-login", soap, null, client -> { });
            run(out, "soap-login-via-proxy", soap, PROXY_HOST, client -> { });
            Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
        }

        private static Map<SettingKey, String> base() {
            Map<SettingKey, String> v = new EnumMap<>(SettingKey.class);
            v.put(SettingKey.MAX_RETRIES, "3");
            v.put(SettingKey.RETRY_BACKOFF, "1000");
            v.put(SettingKey.CONNECT_TIMEOUT, "5");
            return v;
        }

        interface Use {
            void accept(OrgClient client) throws OrgException;
        }

        private static void run(StringBuilder out, String name, Map<SettingKey, String> values, String proxyHost,
                                Use use) throws IOException {
            RecordingSleeper sleeper = new RecordingSleeper();
            try {
                ConnectionSettings settings = ConnectionSettings.resolve(SettingLayer.of("probe", values))
                        .withProxy(proxyHost == null ? null : new ProxySettings(proxyHost, 3128, null, null, List.of()));
                use.accept(OrgClient.connect(settings, sleeper, Clock.systemUTC()));
                line(out, name, "no failure", sleeper.waits().size(), "");
            } catch (OrgException e) {
                line(out, name, e.kind().name(), sleeper.waits().size(), e.getMessage());
            }
        }

        private static void line(StringBuilder out, String name, String kind, int waits, String message) {
            out.append(name).append('\t').append(kind).append('\t').append(waits).append('\t')
                    .append(message.replaceAll("\\s+", " ")).append('\n');
        }
    }
}
