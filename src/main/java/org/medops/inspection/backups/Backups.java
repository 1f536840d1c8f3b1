package org.medops.inspection.backups;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.medops.settings.Settings;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Takes backups: one at a time across all nodes (a session advisory lock), in one {@code REPEATABLE READ, READ ONLY}
 * transaction so every table is from the same instant, written under a hidden {@code .part} name, synced and renamed
 * when complete — so a process killed half-way leaves no file that counts as a backup — then prunes to the plan's
 * count. A failure is recorded with why, logged and published as {@link BackupFailed}.
 */
@Service
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final Pattern NAME = Pattern.compile("^medops-\\d{8}-\\d{6}(-\\d+)?\\.(zip|dump)$");
    private static final Pattern MAJOR = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final BackupRecords records;
    private final LiveDatabase database;
    private final BackupSettings settings;
    private final Settings platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path directory;

    Backups(BackupRecords records, LiveDatabase database, BackupSettings settings, Settings platform,
            ApplicationEventPublisher events, Clock clock, @Value("${medops.db.data-dir:./data}") Path dataDir) {
        this.records = records;
        this.database = database;
        this.settings = settings;
        this.platform = platform;
        this.events = events;
        this.clock = clock;
        this.directory = settings.directory(dataDir);
    }

    Path directory() {
        return directory;
    }

    Path file(Backup backup) {
        return directory.resolve(backup.fileName());
    }

    BackupPlan plan() {
        return records.plan().orElseGet(() -> new BackupPlan.Form(settings.keep(), settings.dailyAt(), settings.checkDay(),
                settings.checkAt()).validated());
    }

    BackupPlan changePlan(BackupPlan plan, String by) {
        BackupPlan before = plan();
        records.savePlan(plan, by, clock.instant());
        events.publishEvent(new BackupAction("inspection.backup.plan", "plan", FieldChange.between(before, plan),
                AuditableEvent.Outcome.SUCCESS, by));
        prune(plan.keep(), by);
        return plan;
    }

    /** Takes one now; refused while another backup runs (on any node). */
    Backup take(BackupTrigger trigger, String by) {
        return run(trigger, by, false).orElseThrow(() -> ProblemException.conflict("inspection-backup-running"));
    }

    /** The daily backup: nothing when another node runs it or has already taken today's. */
    Optional<Backup> takeScheduled() {
        return run(BackupTrigger.SCHEDULE, "system", true);
    }

    private Optional<Backup> run(BackupTrigger trigger, String by, boolean onlyIfNotYet) {
        Connection connection;
        try {
            connection = database.locked(LiveDatabase.BACKUP_LOCK);
        } catch (SQLException e) {
            throw new IllegalStateException("database unavailable for the backup", e);
        }
        if (connection == null) {
            return Optional.empty();
        }
        try {
            if (onlyIfNotYet && records.scheduledSince(clock.instant().minus(Duration.ofHours(12)))) {
                return Optional.empty();
            }
            return Optional.of(write(connection, trigger, by));
        } finally {
            try {
                LiveDatabase.unlock(connection, LiveDatabase.BACKUP_LOCK);
            } catch (SQLException e) {
                log.warn("Backup lock release: {}", e.getMessage());
            }
        }
    }

    private Backup write(Connection connection, BackupTrigger trigger, String by) {
        Instant started = clock.instant();
        Path pgDump = usablePgDump(connection);
        BackupFormat format = pgDump == null ? BackupFormat.ARCHIVE : BackupFormat.PG_DUMP;
        String name = freeName(started, format);
        long id = records.start(name, format, trigger, by, started);
        Path part = directory.resolve("." + name + ".part");
        try {
            Files.createDirectories(directory);
            List<Backup.TableRows> tables;
            String version;
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            if (format == BackupFormat.ARCHIVE) {
                Manifest manifest;
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                     OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                             1 << 16)) {
                    manifest = Archive.write(connection, out, started);
                    out.flush();
                    channel.force(true);
                }
                tables = manifest.tables().stream().map(t -> new Backup.TableRows(t.name(), t.rows())).toList();
                version = manifest.schemaVersion();
            } else {
                SchemaCatalog catalog = SchemaCatalog.on(connection);
                String snapshot = catalog.exportSnapshot();
                List<Backup.TableRows> counted = new ArrayList<>();
                for (SchemaCatalog.TableInfo table : catalog.tables()) {
                    counted.add(new Backup.TableRows(table.name(), catalog.count(table.name())));
                }
                tables = counted;
                version = catalog.schemaVersion().orElse("");
                dump(pgDump, snapshot, part);
            }
            connection.commit();
            Path file = directory.resolve(name);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
            records.done(id, clock.instant(), Files.size(file), sha256(file), version, tables);
            Backup done = records.find(id).orElseThrow();
            events.publishEvent(new BackupAction("inspection.backup.take", name, List.of(
                    FieldChange.set("backupFormat", format.name()), FieldChange.set("backupSize", done.sizeBytes()),
                    FieldChange.set("backupRows", done.rowCount())), AuditableEvent.Outcome.SUCCESS, by));
            log.info("Backup {} written: {} tables, {} rows, {} bytes", name, done.tableCount(), done.rowCount(),
                    done.sizeBytes());
            prune(plan().keep(), by);
            return done;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // reported below; a leftover part file is removed at the next start
            }
            String code = e instanceof IOException ? "write-failed" : e instanceof DumpFailed ? "pg-dump-failed"
                    : "database-failed";
            records.failed(id, clock.instant(), code, e.getMessage());
            log.warn("Backup {} failed ({}): {}", name, code, e.getMessage());
            events.publishEvent(new BackupAction("inspection.backup.take", name, List.of(
                    FieldChange.set("backupFormat", format.name()), FieldChange.set("backupReason", code)),
                    AuditableEvent.Outcome.FAILURE, by));
            events.publishEvent(new BackupFailed("BACKUP", id, name, code, BackupRecords.trim(e.getMessage()),
                    clock.instant()));
            return records.find(id).orElseThrow();
        }
    }

    /** Keeps the {@code keep} newest completed backups; older files are deleted and their records kept as REMOVED. */
    void prune(int keep, String by) {
        List<Backup> done = records.done();
        for (Backup old : done.subList(Math.min(keep, done.size()), done.size())) {
            try {
                Files.deleteIfExists(file(old));
                records.removed(old.id(), clock.instant());
                events.publishEvent(new BackupAction("inspection.backup.remove", old.fileName(),
                        List.of(FieldChange.set("backupKeep", keep)), AuditableEvent.Outcome.SUCCESS, by));
            } catch (IOException e) {
                log.warn("Backup {} could not be removed: {}", old.fileName(), e.getMessage());
            }
        }
    }

    /** Marks what a killed process left RUNNING and deletes its part files, unless a backup runs on another node. */
    void recover() {
        try {
            Connection connection = database.locked(LiveDatabase.BACKUP_LOCK);
            if (connection == null) {
                return;
            }
            try {
                for (Backup cut : records.interruptRunning(clock.instant())) {
                    log.warn("Backup {} was cut off when its process ended; it does not count", cut.fileName());
                    events.publishEvent(new BackupFailed("BACKUP", cut.id(), cut.fileName(), "process-ended", null,
                            clock.instant()));
                }
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> files = Files.list(directory)) {
                        for (Path part : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                            Files.deleteIfExists(part);
                            log.warn("Removed the unfinished backup file {}", part.getFileName());
                        }
                    }
                }
            } finally {
                LiveDatabase.unlock(connection, LiveDatabase.BACKUP_LOCK);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            log.warn("Backup recovery at start: {}", e.getMessage());
        }
    }

    private String freeName(Instant at, BackupFormat format) {
        String stem = "medops-" + STAMP.format(at.atZone(platform.current().zone()));
        String name = stem + format.extension;
        for (int n = 2; Files.exists(directory.resolve(name)) || Files.exists(directory.resolve("." + name + ".part"));
             n++) {
            name = stem + "-" + n + format.extension;
        }
        return name;
    }

    /** The configured pg_dump when its major version is the server's, else null (with a warning). */
    private Path usablePgDump(Connection connection) {
        Path pgDump = settings.pgDumpPath();
        if (pgDump == null) {
            return null;
        }
        int server = SchemaCatalog.on(connection).serverMajor();
        Integer tool = major(pgDump);
        if (tool == null || tool != server) {
            log.warn("{} is not of PostgreSQL {} (found {}); writing the built-in archive instead", pgDump, server, tool);
            return null;
        }
        return pgDump;
    }

    static Integer major(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            Matcher m = MAJOR.matcher(out);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void dump(Path pgDump, String snapshot, Path part) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--format=custom", "--no-password",
                "--snapshot=" + snapshot, "--file=" + part, "--dbname=" + database.libpqUri(null))
                .redirectErrorStream(true);
        if (database.password() != null) {
            builder.environment().put("PGPASSWORD", database.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new DumpFailed("pg_dump exited with " + process.exitValue() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DumpFailed("interrupted");
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Directory sync not supported here: {}", e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = Archive.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** pg_dump or pg_restore ended with an error. */
    static final class DumpFailed extends RuntimeException {
        DumpFailed(String message) {
            super(message);
        }
    }
}
