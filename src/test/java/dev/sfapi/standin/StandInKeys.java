package dev.sfapi.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * RSA keys for the JWT bearer flow in tests. Keys are generated fresh in each run, never committed:
 * a test keeps the private key in memory (or writes it under {@code target/}) and gives the stand-in
 * the public key, as an admin uploads a certificate to a connected app.
 */
public final class StandInKeys {

    private StandInKeys() {
    }

    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Generates a key pair and writes it as PEM: {@code privatePem} as PKCS#8 ({@code PRIVATE KEY}),
     * {@code publicPem} as {@code PUBLIC KEY}. For invoker ITs, which need the files before the build.
     */
    public static KeyPair writeRsaKeyPair(Path privatePem, Path publicPem) throws IOException {
        KeyPair pair = generateRsa();
        write(privatePem, "PRIVATE KEY", pair.getPrivate().getEncoded());
        write(publicPem, "PUBLIC KEY", pair.getPublic().getEncoded());
        return pair;
    }

    /** Reads a {@code PUBLIC KEY} or {@code CERTIFICATE} PEM file (what a connected app holds). */
    public static PublicKey readPublicKey(Path pem) throws IOException {
        return dev.sfapi.standin.org.PemKeys.readPublicKey(pem);
    }

    /**
     * A signed JWT bearer assertion, as a client builds it: header {@code {"alg":"RS256"}}, claims
     * iss/sub/aud/exp. For tests of the stand-in and of clients.
     */
    public static String jwt(PrivateKey key, String issuer, String subject, String audience, long expiresEpochSeconds) {
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + audience + "\",\"exp\":"
                + expiresEpochSeconds + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String label, byte[] der) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
