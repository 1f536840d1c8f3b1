package org.medops.integration.intake;

/**
 * What a source took, before anything is made of it: the bytes, the reason when the source already knows they
 * are broken (MLLP framing), and the key the source identifies them by (a file's name, size and hash; the
 * message a channel writer handed over), which then stands for the control id and is always checked for
 * duplicates, so that input taken again after a crash is not delivered twice.
 */
public record Received(byte[] bytes, String broken, String key) {

    public static Received of(byte[] bytes) {
        return new Received(bytes, null, null);
    }

    public static Received broken(byte[] bytes, String reason) {
        return new Received(bytes, reason, null);
    }

    public static Received keyed(byte[] bytes, String key) {
        return new Received(bytes, null, key);
    }
}
