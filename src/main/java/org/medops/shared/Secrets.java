package org.medops.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals secrets with AES-256-GCM or, under the commercial suite ({@code medops.crypto.suite: commercial}), with
 * SM4-GCM. The key comes from {@code MEDOPS_SECRET_KEY} (Base64, 32 bytes; set the same on every node) or is
 * generated once into the data directory; the SM4 key is derived from it with HMAC-SM3. An SM4 value starts with
 * {@value #SM4_PREFIX} (Base64 never holds a colon); an unprefixed value is AES, as every value sealed before the
 * suites, so both open whichever suite is configured now.
 */
@Component
public class Secrets {

    static final String SM4_PREFIX = "sm4:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final SecretKey key;
    private final SecretKey sm4Key;
    private final CryptoSuite suite;

    Secrets(@Value("${medops.secret-key:}") String configuredKey,
            @Value("${medops.db.data-dir:./data}") Path dataDir,
            @Value("${medops.crypto.suite:international}") String suite) throws java.io.IOException {
        byte[] master = configuredKey.isBlank() ? keyFile(dataDir) : Base64.getDecoder().decode(configuredKey);
        this.key = new SecretKeySpec(master, "AES");
        this.sm4Key = new SecretKeySpec(deriveSm4Key(master), "SM4");
        this.suite = CryptoSuite.of(suite);
    }

    /** The suite new values are sealed under. */
    public CryptoSuite suite() {
        return suite;
    }

    /** Whether {@code sealed} was sealed under the configured suite, i.e. needs no re-sealing. */
    public boolean sealedUnderSuite(String sealed) {
        return sealed.startsWith(SM4_PREFIX) == (suite == CryptoSuite.COMMERCIAL);
    }

    /** The same secret sealed again under the configured suite. */
    public String reseal(String sealed) {
        return seal(open(sealed));
    }

    private static byte[] deriveSm4Key(byte[] master) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(master));
        byte[] label = "medops sealed secrets SM4-GCM".getBytes(StandardCharsets.UTF_8);
        hmac.update(label, 0, label.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return Arrays.copyOf(out, 16);
    }

    private static byte[] keyFile(Path dataDir) throws java.io.IOException {
        Path file = dataDir.resolve("secret.key");
        if (Files.exists(file)) {
            return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        Files.createDirectories(dataDir);
        byte[] generated = new byte[32];
        RANDOM.nextBytes(generated);
        try {
            // Owner-only from the first byte; CREATE_NEW makes a second node starting at once lose the race cleanly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system; the directory's permissions must protect it
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Base64.getDecoder().decode(Files.readString(file).trim());
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(generated));
        return generated;
    }

    /**
     * A key for {@code purpose} derived from the installation key (HMAC-SHA256 of the purpose's label): every node that
     * shares {@code MEDOPS_SECRET_KEY} derives the same, and no purpose's key tells anything of another's.
     */
    public SecretKey derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(("medops derived key: " + purpose).getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a key", e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            boolean sm4 = suite == CryptoSuite.COMMERCIAL;
            Cipher cipher = sm4 ? Cipher.getInstance("SM4/GCM/NoPadding", BC) : Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sm4 ? sm4Key : key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return (sm4 ? SM4_PREFIX : "") + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            boolean sm4 = sealed.startsWith(SM4_PREFIX);
            byte[] in = Base64.getDecoder().decode(sm4 ? sealed.substring(SM4_PREFIX.length()) : sealed);
            Cipher cipher = sm4 ? Cipher.getInstance("SM4/GCM/NoPadding", BC) : Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sm4 ? sm4Key : key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret: wrong MEDOPS_SECRET_KEY?", e);
        }
    }
}
