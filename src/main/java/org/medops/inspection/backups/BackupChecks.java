package org.medops.inspection.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The backup check (备份检查): the newest complete backup (or a chosen one) is compared with the SHA-256 recorded when
 * it was written, restored into a scratch database on the same server (Flyway to the backup's version, then every
 * table loaded as a real restore does), every table's rows counted there and in the live database, and the scratch
 * database dropped. Whatever goes wrong becomes a FAILED report with a reason, never an exception.
 */
@Service
class BackupChecks {

    private static final Logger log = LoggerFactory.getLogger(BackupChecks.class);

    private final CheckRecords checks;
    private final BackupRecords backups;
    private final Backups files;
    private final LiveDatabase database;
    private final Flyway flyway;
    private final BackupSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BackupChecks(CheckRecords checks, BackupRecords backups, Backups files, LiveDatabase database, Flyway flyway,
                 BackupSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.checks = checks;
        this.backups = backups;
        this.files = files;
        this.database = database;
        this.flyway = flyway;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a backup now ({@code backupId} null: the newest complete one); refused while another check runs. */
    BackupCheck run(Long backupId, BackupTrigger trigger, String by) {
        Backup chosen = backupId == null ? null
                : backups.find(backupId).orElseThrow(() -> ProblemException.notFound("inspection-backup", backupId));
        return run(chosen, trigger, by, false)
                .orElseThrow(() -> ProblemException.conflict("inspection-backup-check-running"));
    }

    /** The monthly check: nothing when another node runs it or has already run this month's. */
    Optional<BackupCheck> runScheduled() {
        return run(null, BackupTrigger.SCHEDULE, "system", true);
    }

    BackupCheck get(long id) {
        return checks.find(id).orElseThrow(() -> ProblemException.notFound("inspection-backup-check", id));
    }

    private Optional<BackupCheck> run(Backup chosen, BackupTrigger trigger, String by, boolean onlyIfNotYet) {
        Connection lock;
        try {
            lock = database.locked(LiveDatabase.CHECK_LOCK);
        } catch (SQLException e) {
            throw new IllegalStateException("database unavailable for the backup check", e);
        }
        if (lock == null) {
            return Optional.empty();
        }
        try {
            if (onlyIfNotYet && checks.scheduledSince(clock.instant().minus(Duration.ofDays(20)))) {
                return Optional.empty();
            }
            return Optional.of(check(chosen == null ? backups.newestDone().orElse(null) : chosen, trigger, by));
        } finally {
            try {
                LiveDatabase.unlock(lock, LiveDatabase.CHECK_LOCK);
            } catch (SQLException e) {
                log.warn("Backup check lock release: {}", e.getMessage());
            }
        }
    }

    private BackupCheck check(Backup backup, BackupTrigger trigger, String by) {
        Instant started = clock.instant();
        long id = checks.start(backup, trigger, by, started);
        long t0 = System.nanoTime();
        CheckRecords.Outcome outcome;
        try {
            if (backup == null) {
                throw new ArchiveDamaged("no-backup", null);
            }
            if (backup.status() != BackupStatus.DONE) {
                throw new ArchiveDamaged("backup-not-complete", backup.status().name());
            }
            List<BackupCheck.TableResult> tables = restore(backup, id);
            long mismatches = tables.stream().filter(t -> !t.matches()).count();
            outcome = new CheckRecords.Outcome(mismatches == 0 ? CheckStatus.PASSED : CheckStatus.FAILED,
                    clock.instant(), elapsed(t0), null, tables, mismatches == 0 ? null : "rows-differ",
                    mismatches == 0 ? null : String.join(", ", tables.stream().filter(t -> !t.matches())
                            .map(BackupCheck.TableResult::table).toList()));
        } catch (ArchiveDamaged e) {
            outcome = failed(t0, e.code(), e.detail());
        } catch (SQLException | IOException | RuntimeException e) {
            log.warn("Backup check {} failed", id, e);
            outcome = failed(t0, "restore-failed", e.getMessage());
        }
        checks.finish(id, outcome);
        BackupCheck done = get(id);
        events.publishEvent(new BackupAction("inspection.backup.check", done.fileName() == null ? "-" : done.fileName(),
                List.of(FieldChange.set("checkResult", done.status().name()),
                        FieldChange.set("backupReason", done.reasonCode())),
                done.status() == CheckStatus.PASSED ? AuditableEvent.Outcome.SUCCESS : AuditableEvent.Outcome.FAILURE,
                by));
        if (done.status() != CheckStatus.PASSED) {
            log.warn("Backup check {} of {} FAILED: {} {}", id, done.fileName(), done.reasonCode(),
                    done.reasonDetail() == null ? "" : done.reasonDetail());
            events.publishEvent(new BackupFailed("CHECK", id, done.fileName(), done.reasonCode(), done.reasonDetail(),
                    clock.instant()));
        } else {
            log.info("Backup check {} of {} passed: {} tables, {} rows in {} ms", id, done.fileName(),
                    done.tableCount(), done.restoredRows(), done.durationMs());
        }
        return done;
    }

    private CheckRecords.Outcome failed(long t0, String code, String detail) {
        return new CheckRecords.Outcome(CheckStatus.FAILED, clock.instant(), elapsed(t0), null, List.of(), code, detail);
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private List<BackupCheck.TableResult> restore(Backup backup, long checkId)
            throws ArchiveDamaged, SQLException, IOException {
        Path file = files.file(backup);
        if (!Files.isRegularFile(file)) {
            throw new ArchiveDamaged("file-missing", file.toString());
        }
        if (backup.sha256() != null && !backup.sha256().equals(Backups.sha256(file))) {
            throw new ArchiveDamaged("file-changed", backup.fileName() + ": " + Files.size(file) + " bytes, "
                    + backup.sizeBytes() + " when written");
        }
        String scratch = LiveDatabase.SCRATCH_PREFIX + checkId;
        if (backup.format() == BackupFormat.PG_DUMP) {
            Map<String, Long> expected = new java.util.LinkedHashMap<>();
            backups.tables(backup.id()).forEach(t -> expected.put(t.table(), t.rows()));
            database.createScratch(scratch);
            try {
                pgRestore(file, scratch);
                return compare(expected, scratch);
            } finally {
                database.dropScratch(scratch);
            }
        }
        try (ZipFile zip = Archive.open(file)) {
            Manifest manifest = Archive.manifest(zip);
            Archive.verify(zip, manifest);
            database.createScratch(scratch);
            try {
                Restore.migrate(flyway, database.jdbcUrl(scratch), database.username(), database.password(),
                        manifest.schemaVersion());
                try (Connection target = database.connect(scratch)) {
                    Archive.load(zip, manifest, target);
                }
                Map<String, Long> expected = new java.util.LinkedHashMap<>();
                manifest.tables().forEach(t -> expected.put(t.name(), t.rows()));
                return compare(expected, scratch);
            } finally {
                database.dropScratch(scratch);
            }
        }
    }

    private List<BackupCheck.TableResult> compare(Map<String, Long> expected, String scratch) throws SQLException {
        List<BackupCheck.TableResult> tables = new ArrayList<>();
        try (Connection restored = database.connect(scratch)) {
            SchemaCatalog catalog = SchemaCatalog.on(restored);
            java.util.Set<String> present = new java.util.HashSet<>(catalog.tables().stream()
                    .map(SchemaCatalog.TableInfo::name).toList());
            for (Map.Entry<String, Long> table : expected.entrySet()) {
                Long count = present.contains(table.getKey()) ? catalog.count(table.getKey()) : null;
                tables.add(new BackupCheck.TableResult(table.getKey(), table.getValue(), count,
                        database.liveCount(table.getKey()), table.getValue().equals(count)));
            }
        }
        return tables;
    }

    private void pgRestore(Path file, String scratch) throws IOException, ArchiveDamaged {
        Path pgRestore = settings.pgRestorePath();
        if (pgRestore == null || !Files.isExecutable(pgRestore)) {
            throw new ArchiveDamaged("pg-restore-missing", String.valueOf(pgRestore));
        }
        ProcessBuilder builder = new ProcessBuilder(pgRestore.toString(), "--no-owner", "--no-password",
                "--exit-on-error", "--dbname=" + database.libpqUri(scratch), file.toString()).redirectErrorStream(true);
        if (database.password() != null) {
            builder.environment().put("PGPASSWORD", database.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new ArchiveDamaged("pg-restore-failed", output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ArchiveDamaged("pg-restore-failed", "interrupted");
        }
    }

    /** Marks checks a killed process left RUNNING and drops their scratch databases, unless a check runs elsewhere. */
    void recover() {
        try {
            Connection lock = database.locked(LiveDatabase.CHECK_LOCK);
            if (lock == null) {
                return;
            }
            try {
                checks.interruptRunning(clock.instant());
                for (String scratch : database.leftoverScratch()) {
                    database.dropScratch(scratch);
                    log.warn("Dropped the scratch database {} a backup check left behind", scratch);
                }
            } finally {
                LiveDatabase.unlock(lock, LiveDatabase.CHECK_LOCK);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Backup check recovery at start: {}", e.getMessage());
        }
    }
}
