package org.medops.portal.access;

import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** On the hospital reviewer's workbench: access applications waiting for review. */
@Component
class AccessReviewQueue implements Workbench {

    private final AccessApplications applications;

    AccessReviewQueue(AccessApplications applications) {
        this.applications = applications;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        if (!Workbench.holds(who, "access:review")) {
            return List.of();
        }
        return List.of(WorkbenchCard.of("workbench.section.review", "workbench.access.review",
                applications.count("SUBMITTED"), "/access/applications?status=SUBMITTED", WorkbenchCard.Severity.INFO));
    }
}
