package org.medops.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's append-only record of every access-log entry, written before the caller gets the
 * answer. A write lands in the page cache, which outlives a killed process; {@link #force()} runs
 * once per writer cycle, so a power loss can take at most that cycle's entries. The journal is cut
 * into segments; a segment is deleted once every entry in it is committed to the database, and
 * segments found at start (the previous process died) are replayed.
 */
final class AccessLogJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogJournal.class);
    static final String SUFFIX = ".journal";
    private static final String LOCK = "owner.lock";
    private static final long ROTATE_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Segment> recovered = new ArrayList<>();
    private final List<Segment> closedSinceTaken = new ArrayList<>();
    private long sequence;
    private Segment current;
    private volatile boolean unforced;

    /** One file of the journal and how many of its entries have reached the database. */
    static final class Segment {
        final Path file;
        final AtomicInteger appended = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final FileChannel channel;
        long bytes;
        volatile boolean closed;
        /** Some entries did not reach the database from memory: the file is replayed instead. */
        volatile boolean dirty;

        Segment(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        boolean done() {
            return closed && !dirty && committed.get() >= appended.get();
        }
    }

    AccessLogJournal(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            lockChannel.close();
            throw new IOException("access-log journal " + dir + " belongs to another running gateway node");
        }
        this.lock = held;
        for (Path file : list(dir)) {
            Segment segment = new Segment(file, null);
            segment.closed = true;
            segment.dirty = true;
            recovered.add(segment);
        }
        if (dir.getFileName().toString().startsWith("access-log-")) {
            adoptOrphans(dir.getParent());
        }
        sequence = System.currentTimeMillis() * 1000;
        current = open();
    }

    /**
     * Journals and spill files of nodes that are no longer running (their lock is free) become this
     * node's to replay: with port 0 a restarted node has a new directory, and older versions spilled.
     */
    private void adoptOrphans(Path cacheDir) throws IOException {
        if (cacheDir == null || !Files.isDirectory(cacheDir)) {
            return;
        }
        try (DirectoryStream<Path> others = Files.newDirectoryStream(cacheDir,
                p -> Files.isDirectory(p) && !p.equals(dir)
                        && (p.getFileName().toString().startsWith("access-log-")
                        || p.getFileName().toString().startsWith("spill-")))) {
            for (Path other : others) {
                adopt(other);
            }
        }
    }

    private void adopt(Path other) throws IOException {
        Path lockFile = other.resolve(LOCK);
        try (FileChannel channel = Files.exists(lockFile)
                ? FileChannel.open(lockFile, StandardOpenOption.WRITE) : null) {
            FileLock otherLock = null;
            if (channel != null) {
                try {
                    otherLock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    return;
                }
                if (otherLock == null) {
                    return; // a live node's journal
                }
            }
            for (Path file : list(other)) {
                Path target = dir.resolve("adopted-" + other.getFileName() + "-" + file.getFileName() + SUFFIX);
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                Segment segment = new Segment(target, null);
                segment.closed = true;
                segment.dirty = true;
                recovered.add(segment);
                log.info("Access log: adopted {} of a node that is no longer running", file);
            }
            if (otherLock != null) {
                otherLock.release();
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir,
                p -> p.toString().endsWith(SUFFIX) || p.toString().endsWith(".copy"))) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private Segment open() throws IOException {
        Path file = dir.resolve(String.format("%020d%s", ++sequence, SUFFIX));
        return new Segment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Segments left by a previous process, to be replayed once. */
    List<Segment> recovered() {
        return recovered;
    }

    /** Writes one COPY line; called on the event loop, a page-cache write of a few hundred bytes. */
    synchronized Segment append(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        Segment segment = current;
        int length = bytes.remaining();
        while (bytes.hasRemaining()) {
            segment.channel.write(bytes);
        }
        segment.bytes += length;
        segment.appended.incrementAndGet();
        unforced = true;
        if (segment.bytes >= ROTATE_BYTES) {
            rotate();
        }
        return segment;
    }

    /** Closes the current segment (forced to disk) and starts a new one; returns the closed one. */
    synchronized Segment rotate() throws IOException {
        Segment closing = current;
        current = open();
        closing.channel.force(false);
        closing.channel.close();
        closing.closed = true;
        closedSinceTaken.add(closing);
        return closing;
    }

    /** Segments closed since the last call, for the writer to delete once they are done. */
    synchronized List<Segment> takeClosed() {
        List<Segment> taken = new ArrayList<>(closedSinceTaken);
        closedSinceTaken.clear();
        return taken;
    }

    synchronized Segment current() {
        return current;
    }

    /** The group fsync: one per writer cycle, whatever the number of entries appended since. */
    void force() {
        if (!unforced) {
            return;
        }
        unforced = false;
        Segment segment = current();
        try {
            segment.channel.force(false);
        } catch (ClosedChannelException e) {
            // rotated meanwhile, and forced when it was closed
        } catch (IOException e) {
            log.warn("Access log: cannot fsync {}: {}", segment.file, e.toString());
        }
    }

    void delete(Segment segment) {
        try {
            Files.deleteIfExists(segment.file);
        } catch (IOException e) {
            log.warn("Access log: cannot delete {}: {}", segment.file, e.toString());
        }
    }

    /** Stops appending; the last segment is deleted if all its entries reached the database. */
    @Override
    public synchronized void close() throws IOException {
        Segment last = current;
        last.channel.force(false);
        last.channel.close();
        last.closed = true;
        if (last.done()) {
            delete(last);
        }
        lock.release();
        lockChannel.close();
    }
}
