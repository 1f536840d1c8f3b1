package org.medops.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement "the chain head was record {@code seq} with hash {@code hash} at {@code at}", kept
 * outside the database. Anyone holding the public key can check it; only the holder of the private key,
 * which the database never sees, can make one.
 */
record Checkpoint(int v, long seq, String hash, Instant at, String key, String sig) {

    static final int VERSION = 1;

    static Checkpoint signed(long seq, String hash, Instant at, AnchorKey key) {
        return new Checkpoint(VERSION, seq, hash, at, key.id(), sign(payload(seq, hash, at), key.privateKey()));
    }

    /** The signed bytes; documented in docs/architecture.md so checkpoints can be checked offline. */
    static String payload(long seq, String hash, Instant at) {
        return "medops-audit-checkpoint|" + VERSION + "|" + seq + "|" + hash + "|" + at;
    }

    boolean validUnder(PublicKey publicKey) {
        if (v != VERSION || hash == null || at == null || sig == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(payload(seq, hash, at).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String sign(String payload, PrivateKey privateKey) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
