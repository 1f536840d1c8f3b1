package org.medops.inspection.backups;

/** The built-in archive (a zip of {@code COPY} output with a manifest) or {@code pg_dump}'s custom format. */
enum BackupFormat {
    ARCHIVE(".zip"), PG_DUMP(".dump");

    final String extension;

    BackupFormat(String extension) {
        this.extension = extension;
    }
}
