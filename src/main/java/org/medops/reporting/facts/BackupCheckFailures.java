package org.medops.reporting.facts;

import org.medops.inspection.CheckFailing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps inspection's failing backup checks (freshness, count) as item 4's evidence. */
@Component
class BackupCheckFailures {

    private final BackupFailures failures;

    BackupCheckFailures(BackupFailures failures) {
        this.failures = failures;
    }

    @ApplicationModuleListener
    void on(CheckFailing failing) {
        if (failing.check() != null && failing.check().startsWith("BACKUP_")) {
            failures.record(failing.roundId(), failing.targetName() == null ? failing.target() : failing.targetName(),
                    failing.check(), failing.value(), failing.at());
        }
    }
}
