package org.medops.opsdesk.requirements;

import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On the hospital reviewer's workbench: delivered requirements waiting for their verification. */
@Component
class RequirementQueue implements Workbench {

    private final Requirements requirements;

    RequirementQueue(Requirements requirements) {
        this.requirements = requirements;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        if (!Workbench.holds(who, "opsdesk:confirm")) {
            return List.of();
        }
        return List.of(WorkbenchCard.of("workbench.section.review", "workbench.requirements.verification",
                requirements.count(RequirementStatus.DELIVERED), "/opsdesk/requirements?status=DELIVERED",
                WorkbenchCard.Severity.INFO));
    }
}
