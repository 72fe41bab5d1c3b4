package dev.sfapi.standin;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP server that imitates a Salesforce org closely enough for the unmodified force-wsc
 * 62.0.0 client and a JDK HttpClient REST client: OAuth token endpoint, partner SOAP login(),
 * Metadata API readMetadata/listMetadata over real corpus files, and REST SOQL queries over the
 * org model. Bound to 127.0.0.1 on a free port; one URL is both login URL and instance URL. Plain http
 * ({@link #start}), or https with a loopback certificate ({@link #startTls}, see {@link LoopbackTls}) for
 * what only happens on https, such as a proxy's CONNECT tunnel.
 *
 * <pre>{@code
 * try (SalesforceStandIn org = SalesforceStandIn.start(CorpusOrg.model())) {
 *     String token = org.sessionFor(CorpusOrg.PLATFORM_USER);
 *     // point the client at org.baseUrl() …
 *     assertEquals(1, org.log().count(Endpoint.METADATA_SOAP, "readMetadata", "Profile"));
 * }
 * }</pre>
 */
public final class SalesforceStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final StandInState state;
    private final RequestLog log = new RequestLog();
    private final String controlToken;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private SalesforceStandIn(OrgModel org, SSLContext tls) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            this.server = HttpServer.create(loopback, 128);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.state = new StandInState(org, (tls == null ? "http" : "https") + "://127.0.0.1:"
                + server.getAddress().getPort());
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.controlToken = HexFormat.of().formatHex(secret);
        ControlHandler control = new ControlHandler(controlToken, log, this::close);
        server.createContext("/", new Router(state, log, control));
        // A thread per request, so that latency and delays overlap as on a real server and the
        // concurrency of a client can be observed. Daemon threads: a stuck request never holds a JVM.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a stand-in for the org on a free loopback port. */
    public static SalesforceStandIn start(OrgModel org) {
        return start(org, null);
    }

    /**
     * Starts the stand-in on https ({@code https://127.0.0.1:<port>}) with {@code serverContext}'s
     * certificate, e.g. {@code LoopbackTls.shared().serverContext()}; clients must be given a context that
     * trusts it.
     */
    public static SalesforceStandIn startTls(OrgModel org, SSLContext serverContext) {
        return start(org, java.util.Objects.requireNonNull(serverContext, "serverContext"));
    }

    private static SalesforceStandIn start(OrgModel org, SSLContext tls) {
        try {
            return new SalesforceStandIn(org, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Salesforce stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} ({@code https://} from {@link #startTls}): login URL and instance URL. */
    public String baseUrl() {
        return state.baseUrl();
    }

    /** The API version the stand-in serves first (the one the force-wsc jars speak). */
    public String apiVersion() {
        return state.org().apiVersions().get(0);
    }

    public String tokenUrl() {
        return baseUrl() + "/services/oauth2/token";
    }

    /** The partner SOAP endpoint (login()). */
    public String partnerUrl() {
        return baseUrl() + "/services/Soap/u/" + apiVersion();
    }

    /** The Metadata API endpoint. */
    public String metadataUrl() {
        return baseUrl() + "/services/Soap/m/" + apiVersion();
    }

    /** The REST base, e.g. {@code …/services/data/v62.0}. */
    public String restUrl() {
        return baseUrl() + "/services/data/v" + apiVersion();
    }

    public OrgModel org() {
        return state.org();
    }

    public StandInControl control() {
        return state.control();
    }

    public RequestLog log() {
        return log;
    }

    /** API requests used so far (what Sforce-Limit-Info reports). */
    public int apiUsage() {
        return state.apiUsage();
    }

    /**
     * A valid session id for the user, issued without a request (for tests of code that starts from
     * an access token). The user must exist.
     */
    public String sessionFor(String username) {
        User user = state.org().user(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username + " in the stand-in org"));
        return state.sessions().issue(user);
    }

    /** The token the control endpoints ({@code /__standin/…}) require. */
    String controlToken() {
        return controlToken;
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        closed.countDown();
    }

    /** Blocks until {@link #close()} (or a control {@code stop}) has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "standin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
