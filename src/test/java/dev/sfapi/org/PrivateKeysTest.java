package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateKeysTest {

    private static final String ORIGIN = "privateKeyFile (from the environment)";

    @TempDir
    Path dir;

    @Test
    void readsPkcs8() throws Exception {
        PrivateKey key = PrivateKeys.load(TestKeys.pkcs8(dir), null, ORIGIN);
        assertArrayEquals(TestKeys.RSA.getPrivate().getEncoded(), key.getEncoded());
    }

    @Test
    void readsPkcs1AsWrittenBySalesforcesJwtGuide() throws Exception {
        PrivateKey key = PrivateKeys.load(TestKeys.pkcs1(dir), null, ORIGIN);
        assertArrayEquals(TestKeys.RSA.getPrivate().getEncoded(), key.getEncoded());
    }

    @Test
    void readsAKeyAfterACertificateInTheSameFile() throws Exception {
        Path file = TestKeys.write(dir, "both.pem", TestKeys.pem("CERTIFICATE", new byte[] {1, 2, 3})
                + Files.readString(TestKeys.pkcs1(dir)));
        assertEquals("RSA", PrivateKeys.load(file, null, ORIGIN).getAlgorithm());
    }

    @Test
    void readsEncryptedPkcs8WithThePassphrase() throws Exception {
        Path file = TestKeys.encryptedPkcs8(dir, "correct horse battery");
        PrivateKey key = PrivateKeys.load(file, Secret.of("correct horse battery"), ORIGIN);
        assertArrayEquals(TestKeys.RSA.getPrivate().getEncoded(), key.getEncoded());
    }

    @Test
    void aWrongPassphraseSaysSoWithoutShowingIt() throws Exception {
        Path file = TestKeys.encryptedPkcs8(dir, "correct horse battery");
        OrgException e = assertThrows(OrgException.class,
                () -> PrivateKeys.load(file, Secret.of("wrong staple guess"), ORIGIN));
        assertEquals(OrgException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains(file.toAbsolutePath() + " could not be decrypted. The passphrase "
                + "(privateKeyPassphrase) is probably wrong."), e.getMessage());
        NoSecrets.assertNotIn(e, "wrong staple guess", "correct horse battery");
    }

    @Test
    void anEncryptedKeyWithoutPassphraseNamesTheSetting() throws Exception {
        Path file = TestKeys.encryptedPkcs8(dir, "correct horse battery");
        OrgException e = assertThrows(OrgException.class, () -> PrivateKeys.load(file, null, ORIGIN));
        // A credential's safe places come first; -D is last (it lands in the shell history).
        assertTrue(e.getMessage().contains("is encrypted. Give its passphrase with <passphrase> in the settings.xml"
                + " <server>"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dsfapi.privateKeyPassphrase"), e.getMessage());
        assertFalse(e.getMessage().contains("plugin parameter"), "a credential is no plugin parameter");
        assertTrue(e.getMessage().contains("SFAPI_PRIVATE_KEY_PASSPHRASE"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.key");
        OrgException e = assertThrows(OrgException.class, () -> PrivateKeys.load(missing, null, ORIGIN));
        assertEquals(ORIGIN + " names " + missing.toAbsolutePath() + ", which does not exist. Check the path (a "
                + "relative path is resolved against the project directory).", e.getMessage());
    }

    @Test
    void aCertificateInsteadOfTheKeyIsExplained() throws Exception {
        Path cert = TestKeys.write(dir, "server.crt", TestKeys.pem("CERTIFICATE", new byte[] {1, 2, 3}));
        OrgException e = assertThrows(OrgException.class, () -> PrivateKeys.load(cert, null, ORIGIN));
        assertTrue(e.getMessage().contains("holds a certificate, which is the public half"), e.getMessage());
    }

    @Test
    void nonRsaAndGarbledKeysAreExplainedWithoutKeyMaterial() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        Path ecFile = TestKeys.write(dir, "ec.key", TestKeys.pem("PRIVATE KEY", ec.generateKeyPair().getPrivate()
                .getEncoded()));
        OrgException e = assertThrows(OrgException.class, () -> PrivateKeys.load(ecFile, null, ORIGIN));
        assertTrue(e.getMessage().contains("does not hold a readable RSA private key"), e.getMessage());

        String body = Files.readString(TestKeys.pkcs8(dir));
        String garbled = body.replace(body.substring(40, 80), "!!!!" + body.substring(44, 80));
        Path bad = TestKeys.write(dir, "garbled.key", garbled);
        OrgException g = assertThrows(OrgException.class, () -> PrivateKeys.load(bad, null, ORIGIN));
        NoSecrets.assertNotIn(g, body.substring(30, 90));
        Path empty = TestKeys.write(dir, "empty.key", "hello\n");
        OrgException none = assertThrows(OrgException.class, () -> PrivateKeys.load(empty, null, ORIGIN));
        assertTrue(none.getMessage().contains("holds no PEM private key"), none.getMessage());
        // What Maven prints is scrubbed: the advice must survive it.
        assertTrue(Redactor.scrub(none.getMessage()).contains("to the private key whose certificate is uploaded"),
                Redactor.scrub(none.getMessage()));
    }

    @Test
    void legacyEncryptedPkcs1GetsTheConversionCommand() throws Exception {
        Path file = TestKeys.write(dir, "legacy.key", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        OrgException e = assertThrows(OrgException.class, () -> PrivateKeys.load(file, Secret.of("pass-1234"), ORIGIN));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -in legacy.key"), e.getMessage());
    }
}
