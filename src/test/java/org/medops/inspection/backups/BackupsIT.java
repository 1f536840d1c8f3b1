package org.medops.inspection.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Backups of the embedded test database and the restore check, through the real API: a backup restored into a
 * scratch database has every table's rows; a damaged or truncated file gives a failed check with its reason; the
 * plan's count is kept exactly; a backup taken while rows pour in is one snapshot.
 */
@MedopsTest
class BackupsIT {

    @LocalServerPort
    int port;
    @Autowired
    Backups backups;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    BackupWorkbench workbench;
    @Autowired
    BackupSchedule schedule;

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    JsonNode take(Api admin) {
        Api.Response taken = admin.post("/api/v1/inspection/backups", "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("status").asString()).as(taken.body()).isEqualTo("DONE");
        return taken.json();
    }

    JsonNode check(Api admin, long backupId) {
        Api.Response checked = admin.post("/api/v1/inspection/backups/check", "{\"backupId\": " + backupId + "}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(201);
        return admin.get("/api/v1/inspection/backups/checks/" + checked.json().get("id").asLong()).json();
    }

    @Test
    void aBackupRestoresIntoAScratchDatabaseWithEveryTablesRows() throws Exception {
        Api admin = admin();
        JsonNode backup = take(admin);
        Path file = backups.directory().resolve(backup.get("fileName").asString());
        assertThat(file).isRegularFile();
        assertThat(file.getFileName().toString()).matches("medops-\\d{8}-\\d{6}(-\\d+)?\\.zip");
        assertThat(backup.get("tableCount").asInt()).isGreaterThan(50);
        assertThat(backup.get("schemaVersion").asString()).isNotBlank();

        JsonNode report = check(admin, backup.get("id").asLong());
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.get("tableCount").asInt()).isEqualTo(backup.get("tableCount").asInt());
        assertThat(report.get("restoredRows").asLong()).isEqualTo(report.get("backupRows").asLong())
                .isEqualTo(backup.get("rowCount").asLong()).isPositive();
        assertThat(report.get("mismatches").asInt()).isZero();
        assertThat(report.get("durationMs").asLong()).isPositive();
        List<String> tables = new ArrayList<>();
        for (JsonNode table : report.get("tables")) {
            assertThat(table.get("matches").asBoolean()).as(table.toString()).isTrue();
            assertThat(table.get("restoredRows").asLong()).isEqualTo(table.get("backupRows").asLong());
            tables.add(table.get("table").asString());
        }
        assertThat(tables).contains("audit_records", "flyway_schema_history", "inspection_backups", "users");
        JsonNode audit = tableOf(report, "audit_records");
        assertThat(audit.get("backupRows").asLong()).isPositive();
        assertThat(audit.get("liveRows").asLong()).isGreaterThanOrEqualTo(audit.get("backupRows").asLong());
        assertThat(jdbc.sql("select count(*) from pg_database where datname like 'medops_check_%'").query(Long.class)
                .single()).as("the scratch database is dropped").isZero();
        assertThat(admin.get("/api/v1/inspection/backups/checks/999999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/inspection/backups/999999999").status()).isEqualTo(404);
    }

    @Test
    void aDamagedOrTruncatedBackupFailsItsCheckWithTheReason() throws Exception {
        Api admin = admin();
        JsonNode damaged = take(admin);
        Path file = backups.directory().resolve(damaged.get("fileName").asString());
        flipInside(file, "data/audit_records.copy");
        JsonNode report = check(admin, damaged.get("id").asLong());
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("reasonCode").asString()).isEqualTo("file-changed");

        JsonNode truncated = take(admin);
        Path cut = backups.directory().resolve(truncated.get("fileName").asString());
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(raf.length() * 2 / 3);
        }
        JsonNode cutReport = check(admin, truncated.get("id").asLong());
        assertThat(cutReport.get("status").asString()).isEqualTo("FAILED");
        assertThat(cutReport.get("reasonCode").asString()).isEqualTo("file-changed");
        assertThat(cutReport.get("reasonDetail").asString()).contains(truncated.get("fileName").asString());

        // The archive itself says what is wrong even without the record (a restore for real has none).
        assertThatThrownBy(() -> Archive.open(cut)).isInstanceOfSatisfying(ArchiveDamaged.class,
                e -> assertThat(e.code()).isEqualTo("archive-unreadable"));
        try (ZipFile zip = Archive.open(file)) {
            Manifest manifest = Archive.manifest(zip);
            assertThatThrownBy(() -> Archive.verify(zip, manifest)).isInstanceOfSatisfying(ArchiveDamaged.class,
                    e -> assertThat(e.code()).isEqualTo("checksum-mismatch"));
        }

        Api.Response page = admin.get("/api/v1/inspection/backups/checks?status=FAILED&days=35");
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        // What the operator sees on the home page: a red card whose count is the total of the list it opens.
        var cards = workbench.cardsFor(new org.springframework.security.authentication.TestingAuthenticationToken(
                "reader", "x", "inspection:read"));
        var failedChecks = cards.stream().filter(c -> c.label().equals("backups.card.checkFailed")).findFirst()
                .orElseThrow();
        assertThat(failedChecks.severity()).isEqualTo(org.medops.shared.WorkbenchCard.Severity.DANGER);
        assertThat(failedChecks.link()).isEqualTo("/inspection/backups/checks?status=FAILED&days=35");
        assertThat(failedChecks.count()).isEqualTo(page.json().get("total").asLong());
        assertThat(workbench.cardsFor(new org.springframework.security.authentication.TestingAuthenticationToken(
                "other", "x", "opsdesk:read"))).isEmpty();
    }

    @Test
    void retentionKeepsExactlyThePlansCount() throws Exception {
        Api admin = admin();
        JsonNode before = admin.get("/api/v1/inspection/backups/plan").json();
        assertThat(admin.put("/api/v1/inspection/backups/plan",
                "{\"keep\": 2, \"dailyAt\": \"02:30\", \"checkDay\": 1, \"checkAt\": \"04:00\"}").status()).isEqualTo(200);
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(take(admin).get("id").asLong());
            }
            assertThat(archives()).hasSize(2);
            assertThat(admin.get("/api/v1/inspection/backups?status=DONE").json().get("total").asLong()).isEqualTo(2);
            assertThat(admin.get("/api/v1/inspection/backups/" + ids.get(3)).json().get("status").asString()).isEqualTo("DONE");
            assertThat(admin.get("/api/v1/inspection/backups/" + ids.get(2)).json().get("status").asString()).isEqualTo("DONE");
            assertThat(admin.get("/api/v1/inspection/backups/" + ids.get(1)).json().get("status").asString()).isEqualTo("REMOVED");
            assertThat(archives()).containsExactlyInAnyOrder(
                    admin.get("/api/v1/inspection/backups/" + ids.get(3)).json().get("fileName").asString(),
                    admin.get("/api/v1/inspection/backups/" + ids.get(2)).json().get("fileName").asString());
        } finally {
            assertThat(admin.put("/api/v1/inspection/backups/plan", before.toString()).status()).isEqualTo(200);
        }
        assertThat(admin.put("/api/v1/inspection/backups/plan",
                "{\"keep\": 0, \"dailyAt\": \"02:30\", \"checkDay\": 1, \"checkAt\": \"04:00\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/inspection/backups/plan",
                "{\"keep\": 7, \"dailyAt\": \"25:99\", \"checkDay\": 1, \"checkAt\": \"04:00\"}").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inspection/backups?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aBackupTakenWhileRowsPourInIsOneSnapshot() throws Exception {
        jdbc.sql("create table aa_backup_probe (id bigint primary key, note text not null)").update();
        jdbc.sql("create table zz_backup_probe (id bigint primary key, note text not null)").update();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong pairs = new AtomicLong();
        Thread writer = new Thread(() -> {
            while (running.get()) {
                long n = pairs.incrementAndGet();
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("insert into aa_backup_probe values (:n, 'first')").param("n", n).update();
                    jdbc.sql("insert into zz_backup_probe values (:n, 'last')").param("n", n).update();
                });
            }
        }, "backup-probe-writer");
        try {
            writer.start();
            while (pairs.get() < 200) {
                Thread.onSpinWait();
            }
            Api admin = admin();
            JsonNode backup = take(admin);
            long during = pairs.get();
            running.set(false);
            writer.join();
            assertThat(pairs.get()).as("rows kept coming in while the backup ran").isGreaterThan(during - 1);
            try (ZipFile zip = Archive.open(backups.directory().resolve(backup.get("fileName").asString()))) {
                Manifest manifest = Archive.manifest(zip);
                long first = rows(manifest, "aa_backup_probe");
                long last = rows(manifest, "zz_backup_probe");
                assertThat(first).as("the first and the last table copied are of the same instant").isEqualTo(last)
                        .isPositive();
                assertThat(jdbc.sql("select count(*) from aa_backup_probe").query(Long.class).single())
                        .as("the live table grew past the snapshot").isGreaterThan(first);
            }
            JsonNode report = check(admin, backup.get("id").asLong());
            assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("PASSED");
            assertThat(tableOf(report, "zz_backup_probe").get("restoredRows").asLong())
                    .isEqualTo(tableOf(report, "aa_backup_probe").get("restoredRows").asLong());
        } finally {
            running.set(false);
            writer.join();
            jdbc.sql("drop table aa_backup_probe").update();
            jdbc.sql("drop table zz_backup_probe").update();
        }
    }

    /** Flips one byte in the middle of an entry's compressed data, as a bad disk block would. */
    private static void flipInside(Path file, String entry) throws Exception {
        long compressed;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            compressed = zip.getEntry(entry).getCompressedSize();
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4
                    && java.util.Arrays.equals(bytes, i + 30, i + 30 + name.length, name, 0, name.length)) {
                int nameLength = (bytes[i + 26] & 0xff) | (bytes[i + 27] & 0xff) << 8;
                int extraLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                int at = (int) (i + 30 + nameLength + extraLength + compressed / 2);
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.seek(at);
                    raf.write(bytes[at] ^ 0x5a);
                }
                return;
            }
        }
        throw new AssertionError("no local header for " + entry);
    }

    @Test
    void theDailyBackupAndTheMonthlyCheckFallDueAtThePlansTimes() {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        BackupPlan plan = new BackupPlan.Form(7, "02:30", 1, "04:00").validated();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        java.time.Instant daily = today.atTime(2, 30).atZone(zone).toInstant();
        assertThat(schedule.backupDue(plan, zone, daily.minusSeconds(60), daily.plusSeconds(1))).isTrue();
        assertThat(schedule.backupDue(plan, zone, daily.plusSeconds(1), daily.plusSeconds(61)))
                .as("once per day: the next tick does not run it again").isFalse();
        assertThat(schedule.backupDue(plan, zone, daily.minusSeconds(120), daily.minusSeconds(60))).isFalse();
        java.time.Instant monthly = today.withDayOfMonth(1).atTime(4, 0).atZone(zone).toInstant();
        assertThat(schedule.checkDue(plan, zone, monthly.minusSeconds(60), monthly.plusSeconds(1))).isTrue();
        assertThat(schedule.checkDue(plan, zone, monthly.plusSeconds(1), monthly.plusSeconds(61))).isFalse();
        java.time.Instant second = today.withDayOfMonth(2).atTime(4, 0).atZone(zone).toInstant();
        assertThat(schedule.checkDue(plan, zone, second.minusSeconds(60), second.plusSeconds(1))).isFalse();
    }

    private static long rows(Manifest manifest, String table) {
        return manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
    }

    private static JsonNode tableOf(JsonNode report, String table) {
        for (JsonNode row : report.get("tables")) {
            if (row.get("table").asString().equals(table)) {
                return row;
            }
        }
        throw new AssertionError("no table " + table + " in " + report);
    }

    private List<String> archives() throws Exception {
        try (Stream<Path> files = Files.list(backups.directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> Backups.NAME.matcher(n).matches()).toList();
        }
    }
}
