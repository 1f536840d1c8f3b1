package org.medops.records.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.medops.inspection.ChecklistContributor;
import org.medops.opsdesk.HospitalZone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The emergency plans in the full and quarterly inspection checklist (seed 002's 应急预案, checked at each
 * inspection): for each plan in force at the round's start, its yearly review (overdue: FAIL, due within a month:
 * WARN) and its drills (none in the last twelve months: WARN; the newest one recovered slower than the plan's RTO:
 * WARN). When no plan exists at all, one FAIL line says so.
 */
@Component
class PlanChecklist implements ChecklistContributor {

    private final EmergencyPlans plans;
    private final Drills drills;
    private final HospitalZone zone;
    private final MessageSource messages;

    PlanChecklist(EmergencyPlans plans, Drills drills, HospitalZone zone, MessageSource messages) {
        this.plans = plans;
        this.drills = drills;
        this.zone = zone;
        this.messages = messages;
    }

    @Override
    public List<Entry> entries(Instant at, Locale locale) {
        ZoneId z = zone.get();
        LocalDate day = LocalDate.ofInstant(at, z);
        String section = t(locale, "records.checklist.section");
        List<EmergencyPlans.PlanAsOf> inForce = plans.asOf(at, day);
        if (inForce.isEmpty()) {
            return List.of(new Entry(section, t(locale, "records.checklist.none.subject"),
                    t(locale, "records.checklist.review"), Result.FAIL, t(locale, "records.checklist.none.value"),
                    t(locale, "records.checklist.review.required"), null));
        }
        List<Entry> entries = new ArrayList<>();
        for (EmergencyPlans.PlanAsOf plan : inForce) {
            String subject = plan.title() + " · " + t(locale, "plans.scenario." + plan.scenario().name());
            entries.add(review(section, subject, plan, day, z, locale));
            entries.add(drill(section, subject, plan, day, locale));
        }
        return entries;
    }

    private Entry review(String section, String subject, EmergencyPlans.PlanAsOf plan, LocalDate day, ZoneId z,
                         Locale locale) {
        LocalDate due = plan.nextDue() != null ? plan.nextDue() : LocalDate.ofInstant(plan.createdAt(), z).plusYears(1);
        Result result = switch (ReviewState.of(due, day)) {
            case OVERDUE -> Result.FAIL;
            case DUE_SOON -> Result.WARN;
            case CURRENT -> Result.PASS;
        };
        String value = plan.reviewedOn() == null
                ? t(locale, "records.checklist.review.never", LocalDate.ofInstant(plan.createdAt(), z), due)
                : t(locale, "records.checklist.review.last", plan.reviewedOn(), due);
        return new Entry(section, subject, t(locale, "records.checklist.review"), result, value,
                t(locale, "records.checklist.review.required"), t(locale, "records.checklist.evidence.plan", plan.id()));
    }

    private Entry drill(String section, String subject, EmergencyPlans.PlanAsOf plan, LocalDate day, Locale locale) {
        LocalDate since = day.minusYears(1);
        Optional<Drill> newest = drills.ofPlan(plan.id()).stream()
                .filter(d -> !d.heldOn().isAfter(day) && d.heldOn().isAfter(since))
                .max(Comparator.comparing(Drill::heldOn).thenComparing(Drill::id));
        String check = t(locale, "records.checklist.drill");
        String required = t(locale, "records.checklist.drill.required", plan.rtoMinutes());
        if (newest.isEmpty()) {
            return new Entry(section, subject, check, Result.WARN, t(locale, "records.checklist.drill.none", since),
                    required, null);
        }
        Drill d = newest.get();
        Result result;
        String value;
        if (d.recoveryMinutes() == null) {
            result = Result.PASS;
            value = t(locale, "records.checklist.drill.held", d.heldOn(), d.scenario());
        } else if (d.recoveryMinutes() <= plan.rtoMinutes()) {
            result = Result.PASS;
            value = t(locale, "records.checklist.drill.withinRto", d.heldOn(), d.scenario(), d.recoveryMinutes());
        } else {
            result = Result.WARN;
            value = t(locale, "records.checklist.drill.beyondRto", d.heldOn(), d.scenario(), d.recoveryMinutes());
        }
        return new Entry(section, subject, check, result, value, required,
                t(locale, "records.checklist.evidence.drill", d.participants(), d.findings(), d.followUp()));
    }

    private String t(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
