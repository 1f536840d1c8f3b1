package org.medops.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs checkpoints. Configured (Base64 PKCS#8 private and X.509 public key, e.g.
 * from a secret store) or generated once: the private key owner-only beside the data, the public key next
 * to it for the audit administrator to keep.
 */
record AnchorKey(PrivateKey privateKey, PublicKey publicKey) {

    /** Short fingerprint written into every checkpoint: which key signed it. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    static AnchorKey of(String privateBase64, String publicBase64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new AnchorKey(
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.trim()))),
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64.trim()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("medops.audit.anchor: the checkpoint key is not a Base64 Ed25519 key pair", e);
        }
    }

    /** Reads {@code file} (private) and {@code file.pub} (public), generating both the first time. */
    static AnchorKey loadOrGenerate(Path file) throws IOException {
        Path publicFile = file.resolveSibling(file.getFileName() + ".pub");
        if (Files.exists(file) && Files.exists(publicFile)) {
            return of(Files.readString(file), Files.readString(publicFile));
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // Owner-only from the first byte, like the secret key of the catalogue.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return of(Files.readString(file), Files.readString(publicFile));
        }
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Files.writeString(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        return new AnchorKey(pair.getPrivate(), pair.getPublic());
    }
}
