package org.medops.inspection.backups;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What only the operator of the machine sets (never the console): where backups go, which {@code pg_dump} to use,
 * and the defaults of the plan the console may change.
 *
 * @param directory   where backups are written; blank: {@code ${medops.db.data-dir}/backups}
 * @param keep        how many completed backups stay (7)
 * @param dailyAt     local time of the daily backup in the platform's zone ({@code 02:30})
 * @param checkDay    day of the month of the backup check (1)
 * @param checkAt     local time of the backup check ({@code 04:00})
 * @param pgDump      a {@code pg_dump} of the server's major version; blank: the built-in archive
 * @param pgRestore   its {@code pg_restore}; blank: the one beside {@code pgDump}
 * @param restoreFrom an archive to restore into an empty database before the platform starts
 */
@ConfigurationProperties("medops.inspection.backups")
record BackupSettings(String directory, Integer keep, String dailyAt, Integer checkDay, String checkAt,
                      String pgDump, String pgRestore, String restoreFrom) {

    BackupSettings {
        keep = keep == null ? 7 : keep;
        dailyAt = blank(dailyAt) ? "02:30" : dailyAt.strip();
        checkDay = checkDay == null ? 1 : checkDay;
        checkAt = blank(checkAt) ? "04:00" : checkAt.strip();
    }

    Path directory(Path dataDir) {
        return (blank(directory) ? dataDir.resolve("backups") : Path.of(directory.strip())).toAbsolutePath();
    }

    Path pgDumpPath() {
        return blank(pgDump) ? null : Path.of(pgDump.strip());
    }

    Path pgRestorePath() {
        if (!blank(pgRestore)) {
            return Path.of(pgRestore.strip());
        }
        Path dump = pgDumpPath();
        return dump == null ? null : dump.resolveSibling("pg_restore");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
