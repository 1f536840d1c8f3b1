package org.medops.inspection.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Restoring for real (see the README): started with {@code --medops.inspection.backups.restore-from=FILE} on an
 * empty database, MedOps brings the schema to the archive's version, loads every table exactly as the backup check
 * does, then migrates on to its own version and starts. A database that is not empty is never overwritten: the
 * start is refused. Without the option, Flyway migrates as usual.
 */
@Component
class Restore implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);

    private final BackupSettings settings;

    Restore(BackupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (BackupSettings.blank(settings.restoreFrom())) {
            flyway.migrate();
            return;
        }
        Path file = Path.of(settings.restoreFrom().strip()).toAbsolutePath();
        try {
            restore(flyway, file);
        } catch (ArchiveDamaged e) {
            throw new IllegalStateException("Restore from " + file + " refused: " + e.getMessage(), e);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Restore from " + file + " failed: " + e.getMessage(), e);
        }
        flyway.migrate();
        log.warn("Restore from {} complete; start MedOps without medops.inspection.backups.restore-from from now on",
                file);
    }

    private static void restore(Flyway flyway, Path file) throws ArchiveDamaged, SQLException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ArchiveDamaged("file-missing", file.toString());
        }
        if (file.getFileName().toString().endsWith(BackupFormat.PG_DUMP.extension)) {
            throw new ArchiveDamaged("pg-dump-format", "restore a pg_dump backup with pg_restore (README)");
        }
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!SchemaCatalog.on(connection).tables().isEmpty()) {
                throw new ArchiveDamaged("database-not-empty",
                        "the database already has tables; restore into an empty one (a new data directory)");
            }
        }
        try (ZipFile zip = Archive.open(file)) {
            Manifest manifest = Archive.manifest(zip);
            Archive.verify(zip, manifest);
            log.warn("Restoring {} (schema version {}, taken {}): {} tables, {} rows", file, manifest.schemaVersion(),
                    manifest.takenAt(), manifest.tables().size(), manifest.rows());
            migrate(flyway, dataSource, manifest.schemaVersion());
            try (Connection connection = dataSource.getConnection()) {
                Map<String, Long> loaded = Archive.load(zip, manifest, connection);
                BackupRecords.markRestored(connection, file.getFileName().toString(), Files.size(file),
                        Backups.sha256(file));
                log.warn("Restored {} tables, {} rows", loaded.size(),
                        loaded.values().stream().mapToLong(Long::longValue).sum());
            }
        }
    }

    /** Brings a database's schema to exactly {@code version} with MedOps's own migrations. */
    static void migrate(Flyway flyway, String url, String username, String password, String version)
            throws ArchiveDamaged, SQLException {
        check(version);
        Flyway scratch = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration()).dataSource(url, username, password)
                .target(MigrationVersion.fromVersion(version)).load();
        scratch.migrate();
        verify(scratch.getConfiguration().getDataSource(), version);
    }

    private static void migrate(Flyway flyway, DataSource dataSource, String version)
            throws ArchiveDamaged, SQLException {
        check(version);
        Flyway target = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration()).dataSource(dataSource)
                .target(MigrationVersion.fromVersion(version)).load();
        target.migrate();
        verify(dataSource, version);
    }

    private static void check(String version) throws ArchiveDamaged {
        if (version == null || version.isBlank()) {
            throw new ArchiveDamaged("schema-version-missing", null);
        }
    }

    /** A backup from a newer MedOps has a version this one's migrations never reach. */
    private static void verify(DataSource dataSource, String version) throws ArchiveDamaged, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String reached = SchemaCatalog.on(connection).schemaVersion().orElse("");
            if (!MigrationVersion.fromVersion(version).equals(MigrationVersion.fromVersion(reached.isEmpty() ? "0" : reached))) {
                throw new ArchiveDamaged("schema-newer", "backup at " + version + ", this MedOps reaches " + reached);
            }
        }
    }
}
