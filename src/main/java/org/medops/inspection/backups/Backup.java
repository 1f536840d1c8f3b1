package org.medops.inspection.backups;

import java.time.Instant;

/** One backup as the list and the API show it; {@code reasonCode} and {@code reasonDetail} say why it failed. */
record Backup(long id, String fileName, BackupFormat format, BackupStatus status, BackupTrigger trigger,
              String startedBy, Instant startedAt, Instant finishedAt, Long sizeBytes, String sha256,
              String schemaVersion, Integer tableCount, Long rowCount, String reasonCode, String reasonDetail,
              Instant removedAt) {

    /** Rows of one table at the time of the backup (a pg_dump backup's own count; an archive's is its manifest). */
    record TableRows(String table, long rows) {
    }
}
