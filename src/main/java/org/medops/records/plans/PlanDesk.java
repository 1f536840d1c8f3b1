package org.medops.records.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and revises emergency plans, records their yearly reviews and the drills held on them. */
@Service
class PlanDesk {

    private final EmergencyPlans plans;
    private final Drills drills;
    private final OpsdeskSystems systems;
    private final HospitalZone zone;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanDesk(EmergencyPlans plans, Drills drills, OpsdeskSystems systems, HospitalZone zone,
             ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.drills = drills;
        this.systems = systems;
        this.zone = zone;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    EmergencyPlan write(PlanContent content, String by) {
        requireSystem(content);
        EmergencyPlan written = EmergencyPlan.write(content, by, clock.instant(), today());
        long id = plans.insert(written);
        EmergencyPlan saved = plans.find(id).orElseThrow();
        events.publishEvent(new RecordsPlanAction("records.plan.write", "records-plan", Long.toString(id),
                FieldChange.between(null, saved.content())));
        return saved;
    }

    @Transactional
    EmergencyPlan revise(long id, PlanContent content, String by) {
        requireSystem(content);
        EmergencyPlan before = plans.lock(id).orElseThrow(() -> ProblemException.notFound("records-plan", id));
        EmergencyPlan after = before.revise(content, by, clock.instant());
        plans.update(after);
        events.publishEvent(new RecordsPlanAction("records.plan.revise", "records-plan", Long.toString(id),
                FieldChange.between(before.content(), after.content())));
        return after;
    }

    /** The yearly review: on a day (today when omitted), with notes; the next review falls due a year later. */
    @Transactional
    EmergencyPlan review(long id, LocalDate on, String notes, String by) {
        EmergencyPlan before = plans.lock(id).orElseThrow(() -> ProblemException.notFound("records-plan", id));
        LocalDate today = today();
        EmergencyPlan after = before.reviewed(on == null ? today : on, today);
        plans.update(after);
        String text = notes == null || notes.isBlank() ? null : notes.strip();
        plans.reviewed(id, after.reviewedOn(), by, text, after.reviewDue(), clock.instant());
        events.publishEvent(new RecordsPlanAction("records.plan.review", "records-plan", Long.toString(id),
                List.of(FieldChange.of("reviewedOn", before.reviewedOn(), after.reviewedOn()),
                        FieldChange.of("reviewDue", before.reviewDue(), after.reviewDue()),
                        FieldChange.set("notes", text))));
        return after;
    }

    @Transactional
    Drill drill(long planId, NewDrill drill, String by) {
        plans.find(planId).orElseThrow(() -> ProblemException.notFound("records-plan", planId));
        if (drill.heldOn().isAfter(today())) {
            throw ProblemException.invalid("drill-in-future", drill.heldOn());
        }
        long id = drills.insert(planId, drill, by, clock.instant());
        Drill saved = drills.find(id).orElseThrow();
        events.publishEvent(new RecordsPlanAction("records.drill.record", "records-plan", Long.toString(planId),
                FieldChange.between(null, drill)));
        return saved;
    }

    PlanView view(long id) {
        EmergencyPlan plan = plans.find(id).orElseThrow(() -> ProblemException.notFound("records-plan", id));
        return PlanView.of(plan, today(), plans.reviews(id), drills.ofPlan(id));
    }

    /** The report's figures for {@code [from, to)}; reviews overdue are counted as of the last day of the period. */
    PlanFigures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw ProblemException.invalid("plan-figures-period-invalid");
        }
        Instant end = to.atStartOfDay(zone.get()).toInstant();
        long total = plans.writtenBefore(end);
        long overdue = plans.overdueOn(end, to.minusDays(1));
        List<Drills.DrillRow> held = drills.rows(new Drills.Filter(null, from, to, null),
                new org.medops.shared.ListRequest.Sort("heldOn", true), 0, 10_000);
        long measured = held.stream().filter(d -> d.recoveryMinutes() != null).count();
        long within = held.stream().filter(d -> Boolean.TRUE.equals(d.withinRto())).count();
        return new PlanFigures(from, to, total, overdue, held.size(), measured, within);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    private void requireSystem(PlanContent content) {
        if (content.systemCode() != null && !content.systemCode().isBlank()) {
            systems.requireActive(content.systemCode());
        }
    }
}
