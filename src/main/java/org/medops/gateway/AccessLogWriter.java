package org.medops.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes access-log records in batches with COPY, off the request path. When the database cannot
 * take a batch, the batch goes to a spill file in the same COPY format and is replayed later, so no
 * record is lost.
 */
final class AccessLogWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogWriter.class);

    private final ConcurrentLinkedQueue<AccessLogEntry> queue = new ConcurrentLinkedQueue<>();
    private final DataSource dataSource;
    private final Path spillDir;
    private final int batchSize;
    private final Duration flushEvery;
    private final Thread worker;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private volatile boolean running = true;
    private long nextReplay;

    AccessLogWriter(DataSource dataSource, Path spillDir, int batchSize, Duration flushEvery) throws IOException {
        this.dataSource = dataSource;
        this.spillDir = spillDir;
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
        Files.createDirectories(spillDir);
        this.worker = new Thread(this::run, "medops-access-log");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    void record(AccessLogEntry entry) {
        queue.add(entry);
    }

    long written() {
        return written.get();
    }

    long spilledBatches() {
        return spilled.get();
    }

    int pendingSpillFiles() {
        try (var files = Files.list(spillDir)) {
            return (int) files.filter(f -> f.toString().endsWith(".copy")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<AccessLogEntry> batch = drain();
            if (!batch.isEmpty()) {
                write(batch);
            }
            replaySpillsIfDue();
            if (batch.size() < batchSize) {
                sleep(flushEvery);
            }
        }
    }

    private List<AccessLogEntry> drain() {
        List<AccessLogEntry> batch = new ArrayList<>(batchSize);
        AccessLogEntry entry;
        while (batch.size() < batchSize && (entry = queue.poll()) != null) {
            batch.add(entry);
        }
        return batch;
    }

    private void write(List<AccessLogEntry> batch) {
        StringBuilder copy = new StringBuilder(batch.size() * 200);
        for (AccessLogEntry entry : batch) {
            copy.append(entry.copyLine());
        }
        String data = copy.toString();
        try {
            store(batch, data);
            written.addAndGet(batch.size());
        } catch (SQLException | IOException e) {
            spill(data, batch.size(), e);
        }
    }

    /** Raw rows and their rollups commit together: the dashboard never disagrees with the log. */
    private void store(List<AccessLogEntry> batch, String copyData) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy access_log (" + AccessLogEntry.COPY_COLUMNS + ") from stdin",
                                new StringReader(copyData));
                TrafficRollup.apply(connection, batch);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void spill(String data, int rows, Exception cause) {
        try {
            Path temp = spillDir.resolve(System.nanoTime() + ".tmp");
            Files.writeString(temp, data, StandardCharsets.UTF_8);
            Files.move(temp, spillDir.resolve(System.currentTimeMillis() + "-" + System.nanoTime() + ".copy"),
                    StandardCopyOption.ATOMIC_MOVE);
            spilled.incrementAndGet();
            log.warn("Access log: database unavailable ({}); {} records kept on disk for replay", cause.toString(), rows);
        } catch (IOException e) {
            log.error("Access log: cannot write to the database nor to {}; {} records lost", spillDir, rows, e);
        }
        nextReplay = System.currentTimeMillis() + 2000;
    }

    /** Replays spill files oldest first; stops at the first failure and tries again later. */
    private void replaySpillsIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextReplay) {
            return;
        }
        nextReplay = now + 2000;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(spillDir, "*.copy")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return;
        }
        files.sort(null);
        for (Path file : files) {
            try {
                String data = Files.readString(file, StandardCharsets.UTF_8);
                List<AccessLogEntry> entries = data.lines().map(AccessLogEntry::parse).toList();
                store(entries, data);
                Files.delete(file);
                written.addAndGet(entries.size());
                log.info("Access log: replayed {} spilled records from {}", entries.size(), file.getFileName());
            } catch (SQLException e) {
                if (isDataError(e)) {
                    // Rows the database will never accept must not block every later file: set aside.
                    setAside(file, e);
                    continue;
                }
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    /** SQLState classes 22 (data exception) and 23 (integrity violation): retrying cannot help. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void setAside(Path file, SQLException cause) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".rejected"), StandardCopyOption.ATOMIC_MOVE);
            log.error("Access log: {} holds rows the database rejects ({}); moved aside as .rejected for inspection",
                    file.getFileName(), cause.getMessage());
        } catch (IOException e) {
            log.error("Access log: cannot set aside {}", file, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flushes what is queued (to the database or to disk) before the node stops. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
