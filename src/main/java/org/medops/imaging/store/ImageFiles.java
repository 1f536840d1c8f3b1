package org.medops.imaging.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The files of the store: named by their SHA-256 under {@code <data dir>/imaging}, written to a temporary file,
 * forced to disk and moved into place before the index row commits, then made read-only. Every read checks the hash,
 * so a file changed on disk is reported, never served.
 */
@Component
class ImageFiles {

    private final Path root;

    ImageFiles(@Value("${medops.imaging.store-dir:${medops.db.data-dir:./data}/imaging}") Path root) {
        this.root = root;
    }

    record Written(String fileName, long size, String sha256) {
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Written write(byte[] content) {
        String hash = sha256(content);
        String name = hash.substring(0, 2) + "/" + hash + ".dcm";
        Path target = root.resolve(name);
        try {
            if (Files.exists(target) && sha256(Files.readAllBytes(target)).equals(hash)) {
                return new Written(name, content.length, hash);
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), hash, ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().setWritable(false, false);
            return new Written(name, content.length, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store imaging file " + name, e);
        }
    }

    /** Where a stored file lies (for verification and tests). */
    Path path(String fileName) {
        return root.resolve(fileName);
    }

    byte[] read(String fileName, String expectedSha256) {
        try {
            byte[] content = Files.readAllBytes(root.resolve(fileName));
            if (!sha256(content).equals(expectedSha256)) {
                throw new ProblemException(HttpStatus.CONFLICT, "imaging-file-altered", fileName);
            }
            return content;
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "imaging-file-missing", fileName);
        }
    }
}
