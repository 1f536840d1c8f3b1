package org.medops.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access-log records in batches with COPY, off the request path. Each record is first
 * appended to the node's {@link AccessLogJournal} (before the caller is answered), so neither a
 * killed process nor a database outage loses one:
 * <ul>
 * <li>while the database answers, batches go from memory and journal segments are deleted once
 *     all their rows are committed;</li>
 * <li>when a batch fails the circuit opens at once: no further batch waits on the database, queued
 *     records are dropped from memory (their segment is marked for replay), and one probe a second
 *     looks for the database;</li>
 * <li>marked segments, and any left by a previous process, are replayed from disk, skipping rows
 *     already stored (same request id and time), so a replay never duplicates.</li>
 * </ul>
 */
final class AccessLogWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogWriter.class);
    private static final long PROBE_EVERY_MS = 1000;

    private record Pending(AccessLogEntry entry, String line, AccessLogJournal.Segment segment) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final DataSource dataSource;
    private final AccessLogJournal journal;
    private final int batchSize;
    private final Duration flushEvery;
    private final Thread worker;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    /** Closed segments waiting to be replayed from disk, oldest first. */
    private final ConcurrentLinkedDeque<AccessLogJournal.Segment> replay = new ConcurrentLinkedDeque<>();
    /** Closed segments whose rows are still partly in memory. */
    private final List<AccessLogJournal.Segment> draining = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean circuitOpen;
    private long nextProbe;

    AccessLogWriter(DataSource dataSource, Path journalDir, int batchSize, Duration flushEvery) throws IOException {
        this.dataSource = dataSource;
        this.journal = new AccessLogJournal(journalDir);
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
        replay.addAll(journal.recovered());
        this.worker = new Thread(this::run, "medops-access-log");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Journals the record (the caller is answered after this) and queues it for the database. */
    void record(AccessLogEntry entry) {
        String line = entry.copyLine();
        AccessLogJournal.Segment segment;
        try {
            segment = journal.append(line);
        } catch (IOException e) {
            // Without the journal the record is only in memory: still written, but not crash-safe.
            log.error("Access log: cannot append to the journal ({}); record kept in memory only", e.toString());
            segment = null;
        }
        queue.add(new Pending(entry, line, segment));
    }

    /** Records waiting in memory; O(n) on the queue, so read by a scrape, never on the request path. */
    int queued() {
        return queue.size();
    }

    long written() {
        return written.get();
    }

    /** How many times the database stopped answering, so that records were left to the journal. */
    long outages() {
        return outages.get();
    }

    /** Journal segments that wait to be replayed into the database. */
    int segmentsToReplay() {
        return replay.size();
    }

    boolean databaseUnavailable() {
        return circuitOpen;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            journal.force();
            List<Pending> batch = drain();
            if (circuitOpen) {
                probe();
            }
            if (circuitOpen) {
                leaveToJournal(batch);
            } else {
                write(batch);
                replayIfAny();
                cleanUp();
            }
            if (batch.size() < batchSize) {
                sleep(running ? flushEvery : Duration.ZERO);
            }
            if (!running && circuitOpen) {
                leaveToJournal(drain());
                break; // stopping while the database is away: the journal keeps the rest for the next start
            }
        }
        journal.force();
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>(Math.min(batchSize, 256));
        Pending pending;
        while (batch.size() < batchSize && (pending = queue.poll()) != null) {
            batch.add(pending);
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        List<Pending> live = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            if (pending.segment() != null && pending.segment().dirty) {
                continue; // its segment is replayed from disk
            }
            live.add(pending);
        }
        if (live.isEmpty()) {
            return;
        }
        StringBuilder copy = new StringBuilder(live.size() * 256);
        List<AccessLogEntry> entries = new ArrayList<>(live.size());
        for (Pending pending : live) {
            copy.append(pending.line());
            entries.add(pending.entry());
        }
        try (Connection connection = dataSource.getConnection()) {
            store(connection, entries, copy.toString());
            written.addAndGet(live.size());
            committed(live);
        } catch (SQLException e) {
            if (isDataError(e)) {
                setAside(copy.toString(), e);
                committed(live);
            } else {
                openCircuit(e, live);
            }
        } catch (IOException | RuntimeException e) {
            openCircuit(e, live);
        }
    }

    private static void committed(List<Pending> rows) {
        for (Pending pending : rows) {
            if (pending.segment() != null) {
                pending.segment().committed.incrementAndGet();
            }
        }
    }

    /** The database did not take a batch: from now on records wait in the journal, not in memory. */
    private void openCircuit(Exception cause, List<Pending> batch) {
        circuitOpen = true;
        outages.incrementAndGet();
        nextProbe = System.currentTimeMillis() + PROBE_EVERY_MS;
        log.warn("Access log: database unavailable ({}); records stay in the journal and are replayed when it is back",
                cause.toString());
        leaveToJournal(batch);
    }

    private void leaveToJournal(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<AccessLogJournal.Segment> segments = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pending pending : batch) {
            if (pending.segment() != null) {
                segments.add(pending.segment());
            }
        }
        for (AccessLogJournal.Segment segment : segments) {
            markForReplay(segment);
        }
    }

    private void markForReplay(AccessLogJournal.Segment segment) {
        if (segment.dirty) {
            return;
        }
        segment.dirty = true;
        draining.remove(segment);
        replay.add(segment);
    }

    /**
     * One connection attempt a second while the circuit is open. Getting one is the probe: the
     * access-log pool validates a connection as it hands it out, so no second round trip is needed.
     */
    private void probe() {
        long now = System.currentTimeMillis();
        if (now < nextProbe) {
            return;
        }
        nextProbe = now + PROBE_EVERY_MS;
        try (Connection connection = dataSource.getConnection()) {
            journal.rotateDirty(); // a segment is replayed only once nothing more is appended to it
            circuitOpen = false;
            log.info("Access log: database is back; replaying {} journal segment(s)", replay.size());
        } catch (SQLException | RuntimeException e) {
            // still away
        }
    }

    /** Replays marked and recovered segments, oldest first; stops at the first failure. */
    private void replayIfAny() {
        while (!circuitOpen && !replay.isEmpty()) {
            AccessLogJournal.Segment segment = replay.peek();
            if (!segment.closed) {
                return;
            }
            try {
                String data = Files.readString(segment.file, StandardCharsets.UTF_8);
                int end = data.lastIndexOf('\n') + 1;
                if (end < data.length()) {
                    log.warn("Access log: {} ends in a partial line (written during a power loss?); it is skipped",
                            segment.file.getFileName());
                }
                List<AccessLogEntry> entries = new ArrayList<>();
                StringBuilder valid = new StringBuilder(end);
                for (String line : data.substring(0, end).split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    try {
                        entries.add(AccessLogEntry.parse(line));
                        valid.append(line).append('\n');
                    } catch (RuntimeException e) {
                        log.warn("Access log: unreadable journal line in {} skipped", segment.file.getFileName());
                    }
                }
                int inserted = entries.isEmpty() ? 0 : storeMissing(entries, valid.toString());
                written.addAndGet(inserted);
                journal.delete(segment);
                replay.poll();
                log.info("Access log: replayed {} ({} records, {} not yet stored)", segment.file.getFileName(),
                        entries.size(), inserted);
            } catch (SQLException e) {
                if (isDataError(e)) {
                    setAsideFile(segment, e);
                    replay.poll();
                    continue;
                }
                openCircuit(e, List.of());
                return;
            } catch (IOException | RuntimeException e) {
                openCircuit(e, List.of());
                return;
            }
        }
    }

    /** Closed segments whose every row is committed are no longer needed. */
    private void cleanUp() {
        for (AccessLogJournal.Segment segment : journal.takeClosed()) {
            if (!segment.dirty) {
                draining.add(segment);
            }
        }
        draining.removeIf(segment -> {
            if (segment.done()) {
                journal.delete(segment);
                return true;
            }
            return segment.dirty;
        });
    }

    /** Raw rows and their rollups commit together: the dashboard never disagrees with the log. */
    private static void store(Connection connection, List<AccessLogEntry> batch, String copyData)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy access_log (" + AccessLogEntry.COPY_COLUMNS + ") from stdin",
                            new StringReader(copyData));
            TrafficRollup.apply(connection, batch);
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            resetQuietly(connection);
        }
    }

    /**
     * Stores the rows of a journal segment that are not in the table yet (same request id, time and
     * node), with their rollups, in one transaction; returns how many were missing.
     */
    private int storeMissing(List<AccessLogEntry> entries, String copyData) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create temporary table if not exists access_log_replay "
                            + "(like access_log) on commit delete rows");
                }
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy access_log_replay (" + AccessLogEntry.COPY_COLUMNS + ") from stdin",
                                new StringReader(copyData));
                Map<String, Integer> missing = new HashMap<>();
                try (PreparedStatement insert = connection.prepareStatement("insert into access_log ("
                        + AccessLogEntry.COPY_COLUMNS + ") select " + AccessLogEntry.COPY_COLUMNS
                        + " from access_log_replay r where not exists (select 1 from access_log a"
                        + " where a.request_id = r.request_id and a.occurred_at = r.occurred_at"
                        + " and a.node_id is not distinct from r.node_id) returning request_id");
                     ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        missing.merge(rows.getString(1), 1, Integer::sum);
                    }
                }
                List<AccessLogEntry> inserted = new ArrayList<>();
                for (AccessLogEntry entry : entries) {
                    Integer left = missing.get(entry.requestId());
                    if (left != null && left > 0) {
                        inserted.add(entry);
                        missing.put(entry.requestId(), left - 1);
                    }
                }
                if (!inserted.isEmpty()) {
                    TrafficRollup.apply(connection, inserted);
                }
                connection.commit();
                return inserted.size();
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                resetQuietly(connection);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void resetQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** SQLState classes 22 (data exception) and 23 (integrity violation): retrying cannot help. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void setAside(String data, SQLException cause) {
        Path file = journalDir().resolve(System.currentTimeMillis() + "-" + System.nanoTime() + ".rejected");
        try {
            Files.writeString(file, data, StandardCharsets.UTF_8);
            log.error("Access log: the database rejects a batch ({}); kept as {} for inspection", cause.getMessage(),
                    file.getFileName());
        } catch (IOException e) {
            log.error("Access log: the database rejects a batch ({}) and it cannot be set aside", cause.getMessage(), e);
        }
    }

    private void setAsideFile(AccessLogJournal.Segment segment, SQLException cause) {
        try {
            Files.move(segment.file, segment.file.resolveSibling(segment.file.getFileName() + ".rejected"),
                    StandardCopyOption.ATOMIC_MOVE);
            log.error("Access log: {} holds rows the database rejects ({}); moved aside as .rejected for inspection",
                    segment.file.getFileName(), cause.getMessage());
        } catch (IOException e) {
            log.error("Access log: cannot set aside {}", segment.file, e);
        }
    }

    private Path journalDir() {
        return journal.dir();
    }

    /** Parks rather than sleeps, so that {@link #close()} wakes the worker for its last flush at once. */
    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            LockSupport.parkNanos(duration.toNanos());
        }
    }

    /** Flushes what is queued (to the database, or leaves it in the journal) before the node stops. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(worker);
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (IOException e) {
            log.warn("Access log: journal did not close cleanly: {}", e.toString());
        }
    }
}
