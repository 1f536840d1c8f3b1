package org.medops.records.projects;

import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Projects with a milestone past its due date, for whoever reads records, only while there are any. */
@Component
class ProjectWorkbench implements Workbench {

    private final Projects projects;
    private final ProjectDesk desk;

    ProjectWorkbench(Projects projects, ProjectDesk desk) {
        this.projects = projects;
        this.desk = desk;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        // For the vendor's people who work the projects, not for every reader (an administrator keeps the dashboard).
        if (!Workbench.holds(who, "records:write")) {
            return List.of();
        }
        // Counts projects, as the list the card opens does: one open milestone per project can be overdue.
        long overdue = projects.count(new Projects.Filter(null, true, desk.today()));
        return overdue == 0 ? List.of() : List.of(WorkbenchCard.of("workbench.section.projects",
                "records.project.card.overdue", overdue, "/records/projects?overdue=true", WorkbenchCard.Severity.DANGER));
    }
}
