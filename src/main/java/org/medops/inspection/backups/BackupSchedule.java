package org.medops.inspection.backups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.medops.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When backups and checks run by themselves: the daily backup at the plan's time, the check on the plan's day of
 * each month, in the platform's zone. A minute's tick asks whether a due time passed since the last tick, so a
 * changed plan applies at once; a node that was down at the due time catches up at start when the newest backup
 * is over a day old (the check: over a month). Two nodes never both run one: each takes the lock and looks first.
 * Only nodes with the console role take part (a gateway-only node keeps no backups); several console nodes need
 * one shared backup directory, since the check reads the file the backup wrote.
 */
@Component
@ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('console')")
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final Backups backups;
    private final BackupChecks checks;
    private final BackupRecords records;
    private final CheckRecords checkRecords;
    private final Settings settings;
    private final Clock clock;
    private volatile Instant lastTick;

    BackupSchedule(Backups backups, BackupChecks checks, BackupRecords records, CheckRecords checkRecords,
                   Settings settings, Clock clock) {
        this.backups = backups;
        this.checks = checks;
        this.records = records;
        this.checkRecords = checkRecords;
        this.settings = settings;
        this.clock = clock;
        this.lastTick = clock.instant();
    }

    /** What a killed process left behind is cleaned up before anything else runs. */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        backups.recover();
        checks.recover();
    }

    @Scheduled(fixedDelayString = "${medops.inspection.backups.tick:60s}",
            initialDelayString = "${medops.inspection.backups.tick:60s}")
    void tick() {
        Instant now = clock.instant();
        Instant since = lastTick;
        lastTick = now;
        try {
            BackupPlan plan = backups.plan();
            ZoneId zone = settings.current().zone();
            if (backupDue(plan, zone, since, now)) {
                backups.takeScheduled();
            }
            if (checkDue(plan, zone, since, now)) {
                checks.runScheduled();
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled backup or check did not run: {}", e.getMessage());
        }
    }

    boolean backupDue(BackupPlan plan, ZoneId zone, Instant since, Instant now) {
        ZonedDateTime today = LocalDate.ofInstant(now, zone).atTime(plan.daily()).atZone(zone);
        if (passed(today.toInstant(), since, now)) {
            return true;
        }
        boolean stale = records.newestDone().map(b -> b.startedAt().isBefore(now.minus(Duration.ofHours(25))))
                .orElse(false);
        return stale && !now.isBefore(today.toInstant());
    }

    boolean checkDue(BackupPlan plan, ZoneId zone, Instant since, Instant now) {
        LocalDate date = LocalDate.ofInstant(now, zone);
        Instant thisMonth = date.withDayOfMonth(plan.checkDay()).atTime(plan.check()).atZone(zone).toInstant();
        if (passed(thisMonth, since, now)) {
            return true;
        }
        boolean stale = checkRecords.newest().map(c -> c.startedAt().isBefore(now.minus(Duration.ofDays(32))))
                .orElse(false);
        return stale && !now.isBefore(thisMonth);
    }

    private static boolean passed(Instant due, Instant since, Instant now) {
        return due.isAfter(since) && !due.isAfter(now);
    }
}
