package org.medops.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals channel secrets with AES-256-GCM. The key comes from {@code MEDOPS_SECRET_KEY} (Base64, 32
 * bytes; set the same on every node) or is generated once into the data directory.
 */
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    Secrets(@Value("${medops.secret-key:}") String configuredKey,
            @Value("${medops.db.data-dir:./data}") Path dataDir) throws java.io.IOException {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(dataDir) : Base64.getDecoder().decode(configuredKey),
                "AES");
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

    public String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret: wrong MEDOPS_SECRET_KEY?", e);
        }
    }
}
