package dev.sfapi.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, generated fresh for each test
 * JVM (with the JDK's keytool, under a temporary directory; never committed), and the two TLS contexts
 * built on it: {@link #serverContext()} for a loopback https server such as
 * {@link SalesforceStandIn#startTls(dev.sfapi.standin.org.OrgModel, SSLContext)}, and
 * {@link #clientContext()}, which trusts this certificate and nothing else. The JVM's default trust is
 * never changed: only a client given {@link #clientContext()} accepts the stand-in.
 */
public final class LoopbackTls {

    private static final char[] STORE_PASSWORD = "loopback-only".toCharArray();
    private static LoopbackTls shared;

    private final KeyStore store;

    private LoopbackTls(KeyStore store) {
        this.store = store;
    }

    /** One certificate per JVM: keytool takes a moment. */
    public static synchronized LoopbackTls shared() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    private static LoopbackTls generate() {
        try {
            Path dir = Files.createTempDirectory("sfapi-loopback-tls");
            Path file = dir.resolve("loopback.p12");
            Path bin = Path.of(System.getProperty("java.home"), "bin");
            Path keytool = Files.exists(bin.resolve("keytool")) ? bin.resolve("keytool") : bin.resolve("keytool.exe");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", file.toString(),
                    "-storetype", "PKCS12", "-storepass", new String(STORE_PASSWORD), "-alias", "loopback",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2"))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, STORE_PASSWORD);
            }
            Files.delete(file);
            Files.delete(dir);
            return new LoopbackTls(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For the https server: the certificate and its key. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For a client: trusts this certificate only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Certificate certificate = store.getCertificate("loopback");
            trust.setCertificateEntry("loopback", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
