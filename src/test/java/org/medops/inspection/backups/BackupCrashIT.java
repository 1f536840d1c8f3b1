package org.medops.inspection.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import tools.jackson.databind.JsonNode;

/**
 * MedOps in processes of its own: killed with SIGKILL in the middle of a backup, it leaves no file that counts as a
 * backup (only a hidden part file, removed at the next start, where the backup shows INTERRUPTED); then a backup
 * taken after the restart is restored for real, as the README says, by starting MedOps on a new data directory
 * with {@code --medops.inspection.backups.restore-from}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupCrashIT {

    private static final Duration START = Duration.ofSeconds(180);

    private Path root;
    private ForkedMedops medops;

    @Test
    void aKillDuringABackupLeavesNoBackupAndABackupRestoresOnANewDataDirectory() throws Exception {
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-crash-");
        Path dataDir = root.resolve("data");
        Path backups = dataDir.resolve("backups");
        int port = ForkedMedops.freePort();
        medops = ForkedMedops.start(dataDir, port, ForkedMedops.freePort(), "backup-crash-1");
        assertThat(medops.awaitHealthy(START)).as(medops.output()).isTrue();
        try (Connection db = medops.database(); Statement sql = db.createStatement()) {
            // Enough rows that the backup takes a few seconds: time to see its part file and kill the process.
            sql.execute("create table bulk_probe (id bigint primary key, note text not null)");
            sql.execute("insert into bulk_probe select g, repeat(md5(g::text), 6) from generate_series(1, 1500000) g");
        }
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Thread caller = new Thread(() -> admin.post("/api/v1/inspection/backups", ""), "backup-caller");
        caller.setDaemon(true);
        caller.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> parts(backups) > 0);
        medops.kill();
        assertThat(archives(backups)).as("no complete-looking backup after the kill").isEmpty();

        medops = ForkedMedops.start(dataDir, port, ForkedMedops.freePort(), "backup-crash-2");
        assertThat(medops.awaitHealthy(START)).as(medops.output()).isTrue();
        Api again = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).until(() -> parts(backups) == 0);
        JsonNode listed = again.get("/api/v1/inspection/backups").json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("rows").get(0).get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(listed.get("rows").get(0).get("reasonCode").asString()).isEqualTo("process-ended");
        assertThat(again.get("/api/v1/inspection/backups?status=DONE").json().get("total").asLong()).isZero();

        try (Connection db = medops.database(); Statement sql = db.createStatement()) {
            sql.execute("drop table bulk_probe");
            sql.execute("create table restore_probe (id int primary key, note text)");
            sql.execute("insert into restore_probe values (1, '备份恢复标记'), (2, 'second')");
        }
        Api.Response taken = again.post("/api/v1/inspection/backups", "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("status").asString()).isEqualTo("DONE");
        Path file = backups.resolve(taken.json().get("fileName").asString());
        assertThat(archives(backups)).containsExactly(file.getFileName().toString());
        medops.close();

        Path restored = root.resolve("restored");
        medops = ForkedMedops.start(restored, port, ForkedMedops.freePort(), "backup-crash-restore",
                "--medops.inspection.backups.restore-from=" + file);
        assertThat(medops.awaitHealthy(START)).as(medops.output()).isTrue();
        assertThat(medops.output()).contains("Restored", "Restore from");
        try (Connection db = medops.database(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select note from restore_probe order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("备份恢复标记");
            assertThat(rs.next()).isTrue();
            assertThat(rs.next()).isFalse();
        }
        Api onRestored = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        assertThat(onRestored.get("/api/v1/users/admin").status()).as("the restored admin signs in").isEqualTo(200);
        // The history came along; the backup's own record (RUNNING in its snapshot) reads DONE, not cut off.
        JsonNode history = onRestored.get("/api/v1/inspection/backups").json();
        assertThat(history.get("total").asLong()).isEqualTo(2);
        assertThat(history.get("rows").get(0).get("fileName").asString()).isEqualTo(file.getFileName().toString());
        assertThat(history.get("rows").get(0).get("status").asString()).isEqualTo("DONE");
        assertThat(history.get("rows").get(1).get("status").asString()).isEqualTo("INTERRUPTED");
        medops.close();

        // Restoring onto a database that is not empty is refused: nothing is overwritten.
        medops = ForkedMedops.start(restored, port, ForkedMedops.freePort(), "backup-crash-refused",
                "--medops.inspection.backups.restore-from=" + file);
        assertThat(medops.awaitExit(START)).isNotZero();
        assertThat(medops.output()).contains("database-not-empty");
    }

    private static long parts(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    private static List<String> archives(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> Backups.NAME.matcher(n).matches()).toList();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (medops != null) {
            medops.close();
        }
        if (root != null) {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
