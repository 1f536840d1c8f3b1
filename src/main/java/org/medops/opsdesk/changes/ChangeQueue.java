package org.medops.opsdesk.changes;

import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On the hospital reviewer's workbench: requested changes waiting for their authorization. */
@Component
class ChangeQueue implements Workbench {

    private final Changes changes;

    ChangeQueue(Changes changes) {
        this.changes = changes;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        if (!Workbench.holds(who, "opsdesk:confirm")) {
            return List.of();
        }
        return List.of(WorkbenchCard.of("workbench.section.review", "workbench.changes.authorization",
                changes.count(ChangeStatus.REQUESTED), "/opsdesk/changes?status=REQUESTED",
                WorkbenchCard.Severity.INFO));
    }
}
