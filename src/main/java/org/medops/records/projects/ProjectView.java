package org.medops.records.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project as the API and the timeline page show it, as of today in the hospital's zone. */
record ProjectView(long id, String name, List<String> systems, BigDecimal fee, LocalDate startedOn,
                   List<String> scenarios, List<Long> notifyTargets, MilestoneCode current,
                   List<MilestoneView> milestones, Lateness lateness, Project.Penalty penalty,
                   List<Extension> extensions, int extensionWorkingDays, LocalDate today) {

    /**
     * @param workingDays how many working days after the previous completion it is due
     * @param late        working days late (at completion, or so far while overdue)
     * @param document    the file name of its document, fetched at {@code /api/v1/projects/{id}/milestones/{code}/document}
     */
    record MilestoneView(MilestoneCode code, Party party, int workingDays, LocalDate due, LocalDate completedOn,
                         String completedBy, String document, List<String> covered, int late, boolean overdue) {
    }

    record Lateness(int vendor, int hospital) {
    }

    static ProjectView of(Project p, LocalDate today, WorkingDays days, ProjectRules rules) {
        List<MilestoneView> milestones = p.milestones().stream().map(m -> new MilestoneView(m.code(), m.code().party(),
                m.code().workingDays(rules) + (m.code() == MilestoneCode.DELIVERY ? p.extensionDays() : 0), m.due(),
                m.completedOn(), m.completedBy(), m.document() == null ? null : m.document().fileName(), m.covered(),
                m.late(today, days), m.overdue(today))).toList();
        Milestone current = p.current();
        return new ProjectView(p.id(), p.name(), p.systems(), p.fee(), p.startedOn(), p.scenarios(), p.notifyTargets(),
                current == null ? null : current.code(), milestones,
                new Lateness(p.late(Party.VENDOR, today, days), p.late(Party.HOSPITAL, today, days)),
                p.penalty(today, days, rules), p.extensions(), p.extensionDays(), today);
    }
}
