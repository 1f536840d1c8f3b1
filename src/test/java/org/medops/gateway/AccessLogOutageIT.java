package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access log across a database outage: the real PostgreSQL behind a switch that refuses
 * connections while "down". Records written meanwhile spill to disk and arrive once it is back.
 */
@MedopsTest
class AccessLogOutageIT {

    @Autowired
    DataSource database;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path spill;

    @Test
    void losesNoRecordWhileTheDatabaseIsDown() throws Exception {
        SwitchableDataSource switchable = new SwitchableDataSource(database);
        String marker = "outage-" + UUID.randomUUID();
        try (AccessLogWriter writer = new AccessLogWriter(switchable, spill, 100, Duration.ofMillis(20))) {
            write(writer, marker, 0, 250);
            await().atMost(Duration.ofSeconds(5)).until(() -> count(marker) == 250);

            switchable.down = true;
            write(writer, marker, 250, 500);
            await().atMost(Duration.ofSeconds(5)).until(() -> writer.segmentsToReplay() > 0);
            assertThat(count(marker)).isEqualTo(250);

            switchable.down = false;
            await().atMost(Duration.ofSeconds(10)).until(() -> count(marker) == 750 && writer.segmentsToReplay() == 0);
        }
        assertThat(jdbc.sql("select count(distinct request_id) from access_log where request_id like ?")
                .param(marker + "%").query(Long.class).single()).isEqualTo(750);
    }

    /**
     * A node killed after some of its journal reached the database: the next writer on that journal
     * stores exactly the rows that are missing, and skips the torn last line a power loss can leave.
     */
    @Test
    void replaysAJournalLeftByAKilledNodeWithoutDuplicatingStoredRows(@TempDir Path first, @TempDir Path second)
            throws Exception {
        String marker = "replay-" + UUID.randomUUID();
        java.util.List<AccessLogEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            entries.add(new AccessLogEntry(Instant.now(), marker + "-" + i, "test-node", "ch", "svc", "GET", "/svc/" + i,
                    200, null, 200, 1500, 1000L, 0, 42, "127.0.0.1", null, null, null));
        }
        try (AccessLogWriter writer = new AccessLogWriter(database, first, 100, Duration.ofMillis(20))) {
            entries.subList(0, 100).forEach(writer::record);
            await().atMost(Duration.ofSeconds(5)).until(() -> count(marker) == 100);
        }
        StringBuilder journal = new StringBuilder();
        entries.forEach(entry -> journal.append(entry.copyLine()));
        journal.append(entries.get(0).copyLine(), 0, 40); // torn write
        java.nio.file.Files.writeString(second.resolve("00000000000000000001.journal"), journal);

        try (AccessLogWriter writer = new AccessLogWriter(database, second, 100, Duration.ofMillis(20))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> count(marker) == 150 && writer.segmentsToReplay() == 0);
        }
        assertThat(jdbc.sql("select count(distinct request_id) from access_log where request_id like ?")
                .param(marker + "%").query(Long.class).single()).isEqualTo(150);
        assertThat(count(marker)).isEqualTo(150);
        assertThat(java.nio.file.Files.exists(second.resolve("00000000000000000001.journal"))).isFalse();
    }

    /** Records are on disk before {@code record} returns: nothing waits for the writer to flush them. */
    @Test
    void journalsEveryRecordBeforeItIsAnswered(@TempDir Path dir) throws Exception {
        SwitchableDataSource switchable = new SwitchableDataSource(database);
        switchable.down = true;
        String marker = "journal-" + UUID.randomUUID();
        try (AccessLogWriter writer = new AccessLogWriter(switchable, dir, 100, Duration.ofSeconds(10))) {
            write(writer, marker, 0, 10);
            String journal;
            try (var files = java.nio.file.Files.list(dir)) {
                journal = files.filter(f -> f.toString().endsWith(".journal")).map(f -> {
                    try {
                        return java.nio.file.Files.readString(f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).collect(java.util.stream.Collectors.joining());
            }
            assertThat(journal.lines().filter(line -> line.contains(marker))).hasSize(10);
            switchable.down = false;
        }
        // Whether the closing writer still reached the database or left the records to its journal, the next
        // writer on that journal stores each of them exactly once.
        try (AccessLogWriter next = new AccessLogWriter(database, dir, 100, Duration.ofMillis(20))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> count(marker) == 10 && next.segmentsToReplay() == 0);
        }
        assertThat(count(marker)).isEqualTo(10);
    }

    private static void write(AccessLogWriter writer, String marker, int from, int count) {
        for (int i = from; i < from + count; i++) {
            writer.record(new AccessLogEntry(Instant.now(), marker + "-" + i, "test-node", "ch", "svc", "GET",
                    "/svc/x\twith\ttabs\\and\nnewline", 200, null, 200, 1200, 900L, 0, 42, "127.0.0.1", null, null, null));
        }
    }

    private long count(String marker) {
        return jdbc.sql("select count(*) from access_log where request_id like ?").param(marker + "%")
                .query(Long.class).single();
    }

    /** Delegates to the real data source, or refuses connections as an unreachable server would. */
    static final class SwitchableDataSource implements DataSource {
        private final DataSource real;
        volatile boolean down;

        SwitchableDataSource(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (simulated outage)", "08001");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return real.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return real.isWrapperFor(iface);
        }
    }
}
