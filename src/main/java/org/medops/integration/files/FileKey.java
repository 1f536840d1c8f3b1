package org.medops.integration.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a file to the duplicate check (it stands for the control id): its name, size and a content hash,
 * so that the same export read again is a duplicate while a new export under a reused name is not.
 */
final class FileKey {

    private FileKey() {
    }

    static String of(String name, byte[] content) {
        String shown = name.length() > 120 ? name.substring(0, 120) : name;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return shown + ":" + content.length + ":" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
