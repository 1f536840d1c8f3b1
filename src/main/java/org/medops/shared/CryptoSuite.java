package org.medops.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The installation's choice of algorithms ({@code medops.crypto.suite}): international (SHA-256, AES-256-GCM) as
 * before, or commercial cryptography (商用密码, GB/T 39786: SM3, SM4-GCM, SM2). Whatever was written under one suite
 * names its algorithm, so it keeps verifying and opening after the switch.
 */
public enum CryptoSuite {

    INTERNATIONAL(Digest.SHA_256, "AES-GCM"),
    COMMERCIAL(Digest.SM3, "SM4-GCM");

    private final Digest digest;
    private final String cipher;

    CryptoSuite(Digest digest, String cipher) {
        this.digest = digest;
        this.cipher = cipher;
    }

    public Digest digest() {
        return digest;
    }

    /** The name of the cipher that seals secrets under this suite. */
    public String cipher() {
        return cipher;
    }

    /** The configured value: {@code international} or {@code commercial}, in any case. */
    public static CryptoSuite of(String configured) {
        if (configured == null || configured.isBlank()) {
            return INTERNATIONAL;
        }
        try {
            return valueOf(configured.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("medops.crypto.suite must be international or commercial, not " + configured);
        }
    }

    /** A hash function by the name stored beside what it hashed ({@code SHA-256}, {@code SM3}). */
    public enum Digest {
        SHA_256("SHA-256"),
        SM3("SM3");

        private final String algorithm;

        Digest(String algorithm) {
            this.algorithm = algorithm;
        }

        public String algorithm() {
            return algorithm;
        }

        public static Digest named(String algorithm) {
            for (Digest d : values()) {
                if (d.algorithm.equals(algorithm)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown digest " + algorithm);
        }

        public byte[] digest(byte[] data) {
            if (this == SM3) {
                SM3Digest sm3 = new SM3Digest();
                sm3.update(data, 0, data.length);
                byte[] out = new byte[sm3.getDigestSize()];
                sm3.doFinal(out, 0);
                return out;
            }
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        /** Lower-case hex of the digest of the UTF-8 text: 64 characters for both. */
        public String hex(String text) {
            return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
