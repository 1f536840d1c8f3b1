/**
 * Backups of MedOps's own database (备份) and the backup check (备份检查): a daily logical backup (every table
 * copied out of one consistent snapshot into a zip with a manifest, or {@code pg_dump} in custom format when one of
 * the server's major version is configured), kept seven by default; the monthly check restores the newest into a
 * scratch database, compares every table's rows with the backup and the live database and keeps the report; the
 * same restore code restores for real on an empty database ({@code --medops.inspection.backups.restore-from}).
 * A failed backup or check publishes {@link org.medops.inspection.backups.BackupFailed} and shows on the workbench.
 */
@ApplicationModule(displayName = "Inspection backups")
package org.medops.inspection.backups;

import org.springframework.modulith.ApplicationModule;
