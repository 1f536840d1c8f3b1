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
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's append-only record of every access-log entry, written before the caller gets the
 * answer. A write lands in the page cache, which outlives a killed process; {@link #force()} runs
 * once per writer cycle, so a power loss can take at most that cycle's entries. The journal is cut
 * into segments; a segment is deleted once every entry in it is committed to the database, and
 * segments found at start (the previous process died) are replayed.
 *
 * <p>Each thread that appends (one per Vert.x event loop) has its own {@link Lane}: its own open
 * segment behind its own, uncontended, lock, so event loops never wait on each other. A full segment
 * is swapped for a new one in the lane and handed to the writer thread, which fsyncs and closes it:
 * no fsync ever runs on an event loop or under a lock an event loop takes.
 */
final class AccessLogJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogJournal.class);
    static final String SUFFIX = ".journal";
    private static final String LOCK = "owner.lock";
    static final long ROTATE_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final long rotateBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Segment> recovered = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    /** By thread rather than in a ThreadLocal, so a closed journal's lanes do not stay with the threads. */
    private final Map<Thread, Lane> lanes = new ConcurrentHashMap<>();
    /** Full segments swapped out by their lane, for the writer thread to fsync and close. */
    private final ConcurrentLinkedQueue<Segment> retiring = new ConcurrentLinkedQueue<>();
    /** Segments fsynced and closed since the writer last took them (writer thread only). */
    private final List<Segment> closedSinceTaken = new ArrayList<>();
    private volatile boolean closing;

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

    /**
     * The open segment of one appending thread. Its lock is taken by that thread for every append and
     * by the writer thread only to swap out a segment marked for replay, so it is practically never contended.
     */
    private final class Lane {
        private Segment current;
        private volatile boolean unforced;

        synchronized Segment append(ByteBuffer bytes) throws IOException {
            if (closing) {
                throw new IOException("access-log journal is closed");
            }
            if (current == null) {
                current = open();
            }
            Segment segment = current;
            int length = bytes.remaining();
            while (bytes.hasRemaining()) {
                segment.channel.write(bytes);
            }
            segment.bytes += length;
            segment.appended.incrementAndGet();
            unforced = true;
            if (segment.bytes >= rotateBytes) {
                current = null; // the next append opens a new file; the writer fsyncs and closes this one
                retiring.add(segment);
            }
            return segment;
        }

        /** Takes the open segment out of the lane if the test holds; the caller retires it. */
        synchronized Segment swapIf(java.util.function.Predicate<Segment> test) {
            Segment segment = current;
            if (segment == null || !test.test(segment)) {
                return null;
            }
            current = null;
            return segment;
        }

        synchronized Segment current() {
            return current;
        }
    }

    AccessLogJournal(Path dir) throws IOException {
        this(dir, ROTATE_BYTES);
    }

    AccessLogJournal(Path dir, long rotateBytes) throws IOException {
        this.dir = dir;
        this.rotateBytes = rotateBytes;
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
        Path file = dir.resolve(String.format("%020d%s", sequence.incrementAndGet(), SUFFIX));
        return new Segment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    Path dir() {
        return dir;
    }

    /** Segments left by a previous process, to be replayed once. */
    List<Segment> recovered() {
        return recovered;
    }

    /** Writes one COPY line to the calling thread's segment: a page-cache write of a few hundred bytes. */
    Segment append(String line) throws IOException {
        Thread thread = Thread.currentThread();
        Lane lane = lanes.get(thread);
        if (lane == null) {
            lane = lanes.computeIfAbsent(thread, t -> new Lane());
        }
        return lane.append(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Closes every open segment that is marked for replay (a segment is replayed only once nothing
     * more is appended to it); the lanes open new ones at their next append. Writer thread only.
     */
    void rotateDirty() {
        for (Lane lane : lanes.values()) {
            Segment segment = lane.swapIf(s -> s.dirty);
            if (segment != null) {
                retire(segment);
            }
        }
    }

    /** Open segments, one per lane that has appended; the writer marks them when the database is away. */
    List<Segment> openSegments() {
        List<Segment> open = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            Segment segment = lane.current();
            if (segment != null) {
                open.add(segment);
            }
        }
        return open;
    }

    /** Segments closed since the last call, for the writer to delete once they are done. Writer thread only. */
    List<Segment> takeClosed() {
        retireFull();
        List<Segment> taken = new ArrayList<>(closedSinceTaken);
        closedSinceTaken.clear();
        return taken;
    }

    /**
     * The group fsync, once per writer cycle whatever the number of entries appended since: every
     * lane's open segment, and the full ones the lanes handed over (fsynced and closed here).
     */
    void force() {
        retireFull();
        for (Lane lane : lanes.values()) {
            if (!lane.unforced) {
                continue;
            }
            lane.unforced = false;
            Segment segment = lane.current();
            if (segment == null) {
                continue; // swapped out meanwhile: retired, and forced then
            }
            try {
                segment.channel.force(false);
            } catch (ClosedChannelException e) {
                // closed meanwhile, and forced when it was
            } catch (IOException e) {
                log.warn("Access log: cannot fsync {}: {}", segment.file, e.toString());
            }
        }
    }

    private void retireFull() {
        Segment segment;
        while ((segment = retiring.poll()) != null) {
            retire(segment);
        }
    }

    /** Off the event loop: fsync, close, and only then count the segment as closed. */
    private void retire(Segment segment) {
        try {
            segment.channel.force(false);
            segment.channel.close();
        } catch (IOException e) {
            log.warn("Access log: cannot close {}: {}", segment.file, e.toString());
        }
        segment.closed = true;
        closedSinceTaken.add(segment);
    }

    void delete(Segment segment) {
        try {
            Files.deleteIfExists(segment.file);
        } catch (IOException e) {
            log.warn("Access log: cannot delete {}: {}", segment.file, e.toString());
        }
    }

    /** Stops appending; segments whose entries all reached the database are deleted. */
    @Override
    public void close() throws IOException {
        closing = true;
        retireFull();
        for (Lane lane : lanes.values()) {
            Segment last = lane.swapIf(s -> true);
            if (last != null) {
                retire(last);
            }
        }
        for (Segment segment : closedSinceTaken) {
            if (segment.done()) {
                delete(segment);
            }
        }
        closedSinceTaken.clear();
        lock.release();
        lockChannel.close();
    }
}
