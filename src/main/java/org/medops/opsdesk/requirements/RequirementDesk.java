package org.medops.opsdesk.requirements;

import org.medops.opsdesk.OpsdeskSystems;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carries out the steps of a requirement: each one stored, put on its timeline and audited. */
@Service
class RequirementDesk {

    private final Requirements requirements;
    private final OpsdeskSystems systems;
    private final AllowanceSettings allowanceSettings;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequirementDesk(Requirements requirements, OpsdeskSystems systems, AllowanceSettings allowanceSettings,
                    Settings settings, ApplicationEventPublisher events, Clock clock) {
        this.requirements = requirements;
        this.systems = systems;
        this.allowanceSettings = allowanceSettings;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Requirement submit(NewRequirement request, String by) {
        systems.requireActive(request.systemCode());
        Instant now = clock.instant();
        Requirement submitted = Requirement.submit(request, by, now);
        long id = requirements.insert(submitted);
        requirements.step(id, now, by, null, RequirementStatus.SUBMITTED, null);
        events.publishEvent(new RequirementAction("requirement.submit", Long.toString(id),
                FieldChange.between(null, request)));
        return requirements.find(id).orElseThrow();
    }

    @Transactional
    Requirement startAnalysis(long id, String by) {
        return apply(id, by, "requirement.analyse", null, Requirement::startAnalysis);
    }

    @Transactional
    Requirement accept(long id, String reason, BigDecimal personDays, LocalDate due, String by) {
        Instant now = clock.instant();
        LocalDate today = today();
        int year = Allowance.contractYear(today, allowanceSettings.yearStartsInMonth());
        BigDecimal days = personDays == null ? BigDecimal.ZERO : personDays;
        Requirement current = requirements.lock(id).orElseThrow(() -> ProblemException.notFound("requirement", id));
        Requirement accepted = current.accept(reason, days, due, by, now, today, year);
        allowance(year).check(days, BigDecimal.ZERO);
        return store(current, accepted, by, "requirement.accept", accepted.answer().text(), now);
    }

    @Transactional
    Requirement reject(long id, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, by, "requirement.reject", reason, r -> r.reject(reason, by, now));
    }

    @Transactional
    Requirement schedule(long id, LocalDate planned, String by) {
        return apply(id, by, "requirement.schedule", planned == null ? null : planned.toString(),
                r -> r.schedule(planned));
    }

    @Transactional
    Requirement deliver(long id, String what, String by) {
        Instant now = clock.instant();
        return apply(id, by, "requirement.deliver", what, r -> r.deliver(what, by, now));
    }

    @Transactional
    Requirement verify(long id, String note, String by) {
        Instant now = clock.instant();
        return apply(id, by, "requirement.verify", note, r -> r.verify(note, by, now));
    }

    @Transactional
    Requirement refuseVerification(long id, String reason, String by) {
        Instant now = clock.instant();
        return apply(id, by, "requirement.verify.refuse", reason, r -> r.refuseVerification(reason, by, now));
    }

    @Transactional
    Requirement setDueDate(long id, LocalDate due, String by) {
        return apply(id, by, "requirement.due", due == null ? null : due.toString(), r -> r.dueOn(due));
    }

    /** Re-records the person-days of accepted work; they must still fit the year it was accepted in. */
    @Transactional
    Requirement recordPersonDays(long id, BigDecimal days, String by) {
        Requirement current = requirements.lock(id).orElseThrow(() -> ProblemException.notFound("requirement", id));
        if (days == null) {
            throw ProblemException.invalid("person-days-required");
        }
        Requirement spent = current.spend(days);
        allowance(current.commitment().contractYear()).check(days, current.commitment().personDays());
        return store(current, spent, by, "requirement.person-days", days.toPlainString(), clock.instant());
    }

    /** The allowance of the contract year today falls in. */
    Allowance currentAllowance() {
        return allowance(Allowance.contractYear(today(), allowanceSettings.yearStartsInMonth()));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    ZoneId zone() {
        return settings.current().zone();
    }

    private Allowance allowance(int year) {
        return new Allowance(year, allowanceSettings.perRequest(), allowanceSettings.perYear(),
                requirements.usedInYear(year));
    }

    private Requirement apply(long id, String by, String action, String note, UnaryOperator<Requirement> step) {
        Requirement current = requirements.lock(id).orElseThrow(() -> ProblemException.notFound("requirement", id));
        return store(current, step.apply(current), by, action, note, clock.instant());
    }

    private Requirement store(Requirement before, Requirement after, String by, String action, String note,
                              Instant at) {
        requirements.update(after);
        requirements.step(after.id(), at, by, before.status(), after.status(), note);
        events.publishEvent(new RequirementAction(action, Long.toString(after.id()), FieldChange.between(RequirementView.of(before), RequirementView.of(after))));
        return after;
    }
}
