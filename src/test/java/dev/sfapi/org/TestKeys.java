package dev.sfapi.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * An RSA key pair generated for this test run, and PEM files of it in the layouts Salesforce users
 * have. Nothing is committed: files go to the test's temporary directory.
 */
final class TestKeys {

    static final KeyPair RSA = generate();

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code BEGIN PRIVATE KEY} (what openssl 3 and the JDK write). */
    static Path pkcs8(Path dir) throws IOException {
        return write(dir, "server-pkcs8.key", pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));
    }

    /** {@code BEGIN RSA PRIVATE KEY} (openssl genrsa -traditional, the Salesforce JWT setup guide). */
    static Path pkcs1(Path dir) throws IOException {
        return write(dir, "server.key", pem("RSA PRIVATE KEY", pkcs1Of(RSA.getPrivate().getEncoded())));
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY} with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), like openssl pkcs8 -topk8. */
    static Path encryptedPkcs8(Path dir, String passphrase) throws IOException, GeneralSecurityException {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(passphrase.toCharArray())),
                new PBEParameterSpec(salt, 2048, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(RSA.getPrivate().getEncoded());
        AlgorithmParameters params = cipher.getParameters();
        // JDK 17 cannot encode PBES2 through EncryptedPrivateKeyInfo's constructor, so the DER is built here:
        // SEQUENCE { SEQUENCE { OID pkcs5PBES2, PBES2-params }, OCTET STRING encrypted }
        byte[] pbes2Oid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d};
        byte[] algorithmId = tagged(0x30, concat(pbes2Oid, params.getEncoded()));
        byte[] der = tagged(0x30, concat(algorithmId, tagged(0x04, encrypted)));
        new EncryptedPrivateKeyInfo(der); // fails here, not in the code under test, if the DER is wrong
        return write(dir, "server-enc.key", pem("ENCRYPTED PRIVATE KEY", der));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] tagged(int tag, byte[] value) {
        int len = value.length;
        byte[] header = len < 0x80 ? new byte[] {(byte) tag, (byte) len}
                : len < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) len}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (len >> 8), (byte) len};
        return concat(header, value);
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the OCTET STRING after the algorithm id. */
    static byte[] pkcs1Of(byte[] pkcs8) {
        int i = 0;
        i += 1 + lengthBytes(pkcs8, i + 1); // outer SEQUENCE header
        i += 3; // INTEGER 0
        i += 2 + (pkcs8[i + 1] & 0xff); // AlgorithmIdentifier (short form length)
        int header = 1 + lengthBytes(pkcs8, i + 1);
        int len = length(pkcs8, i + 1);
        return Arrays.copyOfRange(pkcs8, i + header, i + header + len);
    }

    private static int lengthBytes(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int k = 1; k <= (first & 0x7f); k++) {
            n = (n << 8) | (der[at + k] & 0xff);
        }
        return n;
    }
}
