package dev.sfapi.org;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the RSA private key for the JWT bearer flow from a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa} in Salesforce's JWT setup guide
 * writes) and encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2/AES or the older PBE
 * schemes the JDK knows). Error messages name the file and what to do, never the key material.
 */
public final class PrivateKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PrivateKeys() {
    }

    /**
     * Loads the key.
     *
     * @param file       the PEM file
     * @param passphrase its passphrase, or null when it is not encrypted
     * @param origin     the setting that named the file, for messages ("privateKeyFile (from the environment)")
     */
    public static PrivateKey load(Path file, Secret passphrase, String origin) throws OrgException {
        String pem = read(file, origin);
        Matcher m = BLOCK.matcher(pem);
        boolean sawCertificate = false;
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            switch (type) {
                case "PRIVATE KEY":
                    return rsa(decode(body, file), file);
                case "RSA PRIVATE KEY":
                    if (body.contains("Proc-Type: 4,ENCRYPTED")) {
                        throw problem(file, "is an RSA key encrypted in the legacy OpenSSL format, which Java "
                                + "cannot read. Convert it to encrypted PKCS#8: openssl pkcs8 -topk8 -in "
                                + file.getFileName() + " -out server-pkcs8.key (and keep the passphrase in "
                                + "sfapi.privateKeyPassphrase).");
                    }
                    return rsa(pkcs1ToPkcs8(decode(body, file)), file);
                case "ENCRYPTED PRIVATE KEY":
                    return rsa(decrypt(decode(body, file), passphrase, file), file);
                case "EC PRIVATE KEY":
                    throw problem(file, "holds an EC key; Salesforce's JWT bearer flow only accepts RSA keys "
                            + "(RS256). Create one with: openssl genrsa -out server.key 2048.");
                case "OPENSSH PRIVATE KEY":
                    throw problem(file, "is an OpenSSH key. Convert it to PEM: ssh-keygen -p -m PEM -f "
                            + file.getFileName() + ", or create a key with: openssl genrsa -out server.key 2048.");
                case "CERTIFICATE":
                    sawCertificate = true;
                    break;
                default:
                    break;
            }
        }
        if (sawCertificate) {
            throw problem(file, "holds a certificate, which is the public half you upload to the connected app. "
                    + "Point " + origin + " to the matching private key (server.key).");
        }
        // The PEM header is named in words: written out, the redactor would take the rest of this message for a key.
        throw problem(file, "holds no PEM private key (a 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY' block). Point "
                + origin + " to the private key whose certificate is uploaded to the app.");
    }

    private static String read(Path file, String origin) throws OrgException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, origin + " names " + file.toAbsolutePath()
                    + ", which does not exist. Check the path (a relative path is resolved against the project "
                    + "directory).");
        } catch (IOException e) {
            throw new OrgException(OrgException.Kind.CONFIGURATION, "Cannot read the private key file "
                    + file.toAbsolutePath() + " named by " + origin + ": " + e + ".", e);
        }
    }

    private static byte[] decode(String body, Path file) throws OrgException {
        // Encrypted PKCS#1 headers are handled by the caller; any other header line is skipped here.
        StringBuilder b64 = new StringBuilder();
        for (String line : body.split("\\R")) {
            if (!line.contains(":")) {
                b64.append(line.trim());
            }
        }
        try {
            return Base64.getMimeDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw problem(file, "has a PEM block that is not valid base64; the file may be truncated or edited.");
        }
    }

    private static PrivateKey rsa(byte[] pkcs8, Path file) throws OrgException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw problem(file, "does not hold a readable RSA private key (" + e.getClass().getSimpleName()
                    + "). Salesforce's JWT bearer flow needs an RSA key: openssl genrsa -out server.key 2048.");
        }
    }

    private static byte[] decrypt(byte[] der, Secret passphrase, Path file) throws OrgException {
        if (passphrase == null) {
            throw problem(file, "is encrypted. Give its passphrase with "
                    + SettingKey.PRIVATE_KEY_PASSPHRASE.howToSet() + ".");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // For PBES2 the JDK reports "PBES2"; the concrete scheme is in the parameters' name.
            String algorithm = info.getAlgName();
            if (algorithm.equals("PBES2") || algorithm.equals("1.2.840.113549.1.5.13")) {
                algorithm = info.getAlgParameters().toString();
            }
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.reveal().toCharArray())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw problem(file, "is encrypted with a scheme this Java cannot decrypt. Re-encrypt it with "
                    + "openssl pkcs8 -topk8 -v2 aes-256-cbc -in server.key -out server-pkcs8.key, or store it unencrypted "
                    + "in a CI secret file.");
        } catch (GeneralSecurityException | IOException e) {
            throw problem(file, "could not be decrypted. The passphrase ("
                    + SettingKey.PRIVATE_KEY_PASSPHRASE.parameterName() + ") is probably wrong.");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which is what the JDK's KeyFactory reads. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        content.writeBytes(RSA_ALGORITHM_ID);
        content.writeBytes(tagged(0x04, pkcs1)); // OCTET STRING
        return tagged(0x30, content.toByteArray()); // SEQUENCE
    }

    private static byte[] tagged(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static OrgException problem(Path file, String what) {
        return new OrgException(OrgException.Kind.CONFIGURATION, "The private key file " + file.toAbsolutePath()
                + " " + what);
    }
}
