package org.medops.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/** The real sealing with a key of the test's own, for unit tests outside Spring (the constructor is Spring's). */
public final class TestSecrets {

    private TestSecrets() {
    }

    /** Sealing under the international suite with an all-zero key; the data directory is not written to. */
    public static Secrets international(Path dataDir) {
        return of(new byte[32], dataDir, "international");
    }

    public static Secrets of(byte[] key, Path dataDir, String suite) {
        try {
            return new Secrets(Base64.getEncoder().encodeToString(key), dataDir, suite);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
