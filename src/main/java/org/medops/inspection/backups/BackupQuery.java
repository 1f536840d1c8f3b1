package org.medops.inspection.backups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.medops.shared.ProblemException;

/** The lists' filter as requests spell it: {@code status} (one of the list's statuses) and {@code days} (1–366). */
final class BackupQuery {

    private BackupQuery() {
    }

    static BackupRecords.Filter backups(String status, Integer days, Clock clock) {
        return new BackupRecords.Filter(status == null || status.isBlank() ? null
                : parse(BackupStatus.class, status), since(days, clock));
    }

    static CheckRecords.Filter checks(String status, Integer days, Clock clock) {
        return new CheckRecords.Filter(status == null || status.isBlank() ? null
                : parse(CheckStatus.class, status), since(days, clock));
    }

    private static Instant since(Integer days, Clock clock) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > 366) {
            throw ProblemException.invalid("inspection-backup-days");
        }
        return clock.instant().minus(Duration.ofDays(days));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inspection-backup-status", value);
        }
    }
}
