package org.medops.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoints file as read so far. Each verification reads the file again, but parses and checks the
 * signature of only the lines appended since the last read: the bytes already read are compared by digest, so a
 * file edited anywhere before its end is read and checked again from the start, never trusted from memory.
 */
final class CheckpointLog {

    private final Path file;
    private final JsonMapper json;
    private final PublicKey publicKey;

    private long readBytes;
    private MessageDigest readDigest = sha256();
    private TreeMap<Long, Checkpoint> valid = new TreeMap<>();
    private List<Long> invalid = new ArrayList<>();

    CheckpointLog(Path file, JsonMapper json, PublicKey publicKey) {
        this.file = file;
        this.json = json;
        this.publicKey = publicKey;
    }

    synchronized ChainAnchor.Checkpoints read() {
        if (!Files.exists(file)) {
            forget();
            return new ChainAnchor.Checkpoints(new TreeMap<>(), new ArrayList<>());
        }
        try {
            String unfinished;
            try (InputStream in = open()) {
                if (unchangedSoFar(in)) {
                    unfinished = readOn(in);
                } else {
                    unfinished = null;
                }
            }
            if (unfinished == null) {
                forget();
                try (InputStream in = open()) {
                    unfinished = readOn(in);
                }
            }
            TreeMap<Long, Checkpoint> validNow = new TreeMap<>(valid);
            List<Long> invalidNow = new ArrayList<>(invalid);
            // A last line without its newline is still being written (or was cut off): counted now, read again next time.
            accept(unfinished, validNow, invalidNow);
            return new ChainAnchor.Checkpoints(validNow, invalidNow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints in " + file, e);
        }
    }

    private InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file));
    }

    /** Whether the file still starts with exactly the bytes read last time. */
    private boolean unchangedSoFar(InputStream in) throws IOException {
        MessageDigest check = sha256();
        byte[] buffer = new byte[8192];
        long left = readBytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return false;
            }
            check.update(buffer, 0, n);
            left -= n;
        }
        return MessageDigest.isEqual(check.digest(), copy(readDigest).digest());
    }

    /** Reads the complete lines that follow; returns the unfinished rest (empty when none). */
    private String readOn(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                readDigest.update(bytes);
                readDigest.update((byte) '\n');
                readBytes += bytes.length + 1;
                accept(new String(bytes, StandardCharsets.UTF_8), valid, invalid);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void accept(String line, TreeMap<Long, Checkpoint> validInto, List<Long> invalidInto) {
        if (line.isBlank()) {
            return;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = json.readValue(line, Checkpoint.class);
        } catch (RuntimeException e) {
            invalidInto.add(-1L);
            return;
        }
        if (checkpoint.validUnder(publicKey)) {
            validInto.put(checkpoint.seq(), checkpoint);
        } else {
            invalidInto.add(checkpoint.seq());
        }
    }

    private void forget() {
        readBytes = 0;
        readDigest = sha256();
        valid = new TreeMap<>();
        invalid = new ArrayList<>();
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
