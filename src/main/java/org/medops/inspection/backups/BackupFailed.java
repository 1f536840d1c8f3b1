package org.medops.inspection.backups;

import java.time.Instant;

/**
 * A backup or a backup check of MedOps's own database failed: for alerting or the ops desk to raise with the
 * operator. {@code kind} is {@code BACKUP} or {@code CHECK}; {@code reasonCode} is stable, {@code reasonDetail}
 * the specifics.
 */
public record BackupFailed(String kind, long id, String fileName, String reasonCode, String reasonDetail, Instant at) {
}
