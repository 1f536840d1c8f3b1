package org.medops.inspection.backups;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.medops.shared.ProblemException;

/**
 * The plan an administrator sets in the console: how many backups to keep, the local time of the daily backup,
 * the day of the month and time of the backup check (in the platform's zone).
 */
record BackupPlan(int keep, String dailyAt, int checkDay, String checkAt) {

    static final int MAX_KEEP = 366;

    /** The plan as a form or a request body gives it, each field checked (400 with the field's problem). */
    record Form(Integer keep, String dailyAt, Integer checkDay, String checkAt) {

        BackupPlan validated() {
            if (keep == null || keep < 1 || keep > MAX_KEEP) {
                throw ProblemException.invalid("inspection-backup-keep", MAX_KEEP);
            }
            if (checkDay == null || checkDay < 1 || checkDay > 28) {
                throw ProblemException.invalid("inspection-backup-check-day");
            }
            return new BackupPlan(keep, time(dailyAt).toString(), checkDay, time(checkAt).toString());
        }
    }

    LocalTime daily() {
        return LocalTime.parse(dailyAt);
    }

    LocalTime check() {
        return LocalTime.parse(checkAt);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip()).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("inspection-backup-time", String.valueOf(text));
        }
    }
}
