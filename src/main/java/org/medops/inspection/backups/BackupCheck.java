package org.medops.inspection.backups;

import java.time.Instant;
import java.util.List;

/**
 * One backup check (备份检查报告): which backup, its size and age when checked, the schema version, the rows in the
 * backup, restored into the scratch database and in the live database, table by table, the result and why, and
 * how long it took. {@code tables} is empty in lists.
 */
record BackupCheck(long id, Long backupId, String fileName, CheckStatus status, BackupTrigger trigger, String startedBy,
                   Instant startedAt, Instant finishedAt, Long durationMs, Long backupSize, Instant backupTakenAt,
                   String schemaVersion, Integer tableCount, Long backupRows, Long restoredRows, Long liveRows,
                   Integer mismatches, String reasonCode, String reasonDetail, List<TableResult> tables) {

    BackupCheck {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The backup's age when it was checked, in hours (null before a backup was found). */
    public Long backupAgeHours() {
        return backupTakenAt == null ? null : java.time.Duration.between(backupTakenAt, startedAt).toHours();
    }

    BackupCheck with(List<TableResult> rows) {
        return new BackupCheck(id, backupId, fileName, status, trigger, startedBy, startedAt, finishedAt, durationMs,
                backupSize, backupTakenAt, schemaVersion, tableCount, backupRows, restoredRows, liveRows, mismatches,
                reasonCode, reasonDetail, rows);
    }

    /** One table: rows in the backup, restored, live now (null: the table is gone from the live database). */
    record TableResult(String table, Long backupRows, Long restoredRows, Long liveRows, boolean matches) {

        /** Rows added (or removed) in the live database since the backup, for the reader; never a failure. */
        public Long liveDelta() {
            return liveRows == null || backupRows == null ? null : liveRows - backupRows;
        }
    }
}
