package org.medops.inspection.backups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * On the workbench of whoever reads inspection, only while there is something wrong: backups that failed in the
 * last week and backup checks that failed in the last 35 days, each linking to exactly that list.
 */
@Component
class BackupWorkbench implements Workbench {

    private final BackupRecords backups;
    private final CheckRecords checks;
    private final Clock clock;

    BackupWorkbench(BackupRecords backups, CheckRecords checks, Clock clock) {
        this.backups = backups;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        if (!Workbench.holds(who, "inspection:read")) {
            return List.of();
        }
        List<WorkbenchCard> cards = new ArrayList<>();
        long failed = backups.count(BackupQuery.backups("FAILED", 7, clock));
        if (failed > 0) {
            cards.add(WorkbenchCard.of("workbench.section.backups", "backups.card.failed", failed,
                    "/inspection/backups?status=FAILED&days=7", WorkbenchCard.Severity.DANGER));
        }
        long failedChecks = checks.count(BackupQuery.checks("FAILED", 35, clock));
        if (failedChecks > 0) {
            cards.add(WorkbenchCard.of("workbench.section.backups", "backups.card.checkFailed", failedChecks,
                    "/inspection/backups/checks?status=FAILED&days=35", WorkbenchCard.Severity.DANGER));
        }
        return cards;
    }
}
