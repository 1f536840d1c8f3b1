package org.medops.records.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * One milestone of a project: when it is due (null until the one before is complete), when and by whom it was
 * completed, its document and, for the test report, the core scenarios the hospital signed off.
 */
record Milestone(MilestoneCode code, LocalDate due, LocalDate completedOn, String completedBy, Document document,
                 List<String> covered) {

    /** A milestone's document as handed in: kept with the project and collected by the archive. */
    record Document(String fileName, String contentType, byte[] content) {
    }

    static Milestone open(MilestoneCode code, LocalDate due) {
        return new Milestone(code, due, null, null, null, List.of());
    }

    boolean completed() {
        return completedOn != null;
    }

    Milestone dueOn(LocalDate date) {
        return new Milestone(code, date, completedOn, completedBy, document, covered);
    }

    Milestone complete(LocalDate on, String by, Document handedIn, List<String> scenarios) {
        return new Milestone(code, due, on, by, handedIn, List.copyOf(scenarios));
    }

    /** Working days late: at completion, or as of today while still open past its due date. */
    int late(LocalDate today, WorkingDays days) {
        if (due == null) {
            return 0;
        }
        LocalDate until = completed() ? completedOn : today;
        return until.isAfter(due) ? days.late(due, until) : 0;
    }

    boolean overdue(LocalDate today) {
        return !completed() && due != null && today.isAfter(due);
    }
}
