package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A requirement (需求) the hospital asked of the vendor. Immutable: each step returns the requirement
 * as it is afterwards, or refuses with a problem when the step does not fit the current status.
 */
record Requirement(long id, String title, String description, String systemCode, String submitter, String contact,
                   RequirementStatus status, String submittedBy, Instant submittedAt, String answer, String answeredBy,
                   Instant answeredAt, LocalDate dueDate, BigDecimal personDays, Integer contractYear,
                   LocalDate plannedDate, String deliveredNote, String deliveredBy, Instant deliveredAt,
                   String verifiedBy, Instant verifiedAt, String verificationNote) {

    /** Days after acceptance the work is due unless someone sets another date. */
    static final int DEFAULT_DUE_DAYS = 5;

    static Requirement submit(NewRequirement request, String by, Instant at) {
        return new Requirement(0, request.title().trim(), request.description().trim(), request.systemCode(),
                request.submitter().trim(), blankToNull(request.contact()), RequirementStatus.SUBMITTED, by, at, null,
                null, null, null, BigDecimal.ZERO, null, null, null, null, null, null, null, null);
    }

    Requirement startAnalysis() {
        expect("analyse", RequirementStatus.SUBMITTED);
        return withStatus(RequirementStatus.UNDER_ANALYSIS);
    }

    /**
     * Accepts with the answer given to the hospital; the due date defaults to five days after {@code today},
     * and the person-days must fit the allowance (checked by the caller, who knows the other requirements).
     */
    Requirement accept(String reason, BigDecimal days, LocalDate due, String by, Instant at, LocalDate today,
                       int year) {
        expect("accept", RequirementStatus.UNDER_ANALYSIS);
        String answerGiven = required(reason);
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.ACCEPTED,
                submittedBy, submittedAt, answerGiven, by, at, due == null ? today.plusDays(DEFAULT_DUE_DAYS) : due,
                days == null ? BigDecimal.ZERO : days, year, plannedDate, deliveredNote, deliveredBy, deliveredAt,
                verifiedBy, verifiedAt, verificationNote);
    }

    Requirement reject(String reason, String by, Instant at) {
        expect("reject", RequirementStatus.UNDER_ANALYSIS);
        String answerGiven = required(reason);
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.REJECTED,
                submittedBy, submittedAt, answerGiven, by, at, dueDate, personDays, contractYear, plannedDate,
                deliveredNote, deliveredBy, deliveredAt, verifiedBy, verifiedAt, verificationNote);
    }

    /** Plans the work; a scheduled requirement may be planned again for another date. */
    Requirement schedule(LocalDate planned) {
        expect("schedule", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED);
        if (planned == null) {
            throw ProblemException.invalid("requirement-planned-date-required");
        }
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.SCHEDULED,
                submittedBy, submittedAt, answer, answeredBy, answeredAt, dueDate, personDays, contractYear, planned,
                deliveredNote, deliveredBy, deliveredAt, verifiedBy, verifiedAt, verificationNote);
    }

    Requirement deliver(String what, String by, Instant at) {
        expect("deliver", RequirementStatus.SCHEDULED);
        if (what == null || what.isBlank()) {
            throw ProblemException.invalid("requirement-delivery-required");
        }
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.DELIVERED,
                submittedBy, submittedAt, answer, answeredBy, answeredAt, dueDate, personDays, contractYear,
                plannedDate, what.trim(), by, at, verifiedBy, verifiedAt, verificationNote);
    }

    /** The hospital confirms the delivery meets the requirement. */
    Requirement verify(String note, String by, Instant at) {
        expect("verify", RequirementStatus.DELIVERED);
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.VERIFIED,
                submittedBy, submittedAt, answer, answeredBy, answeredAt, dueDate, personDays, contractYear,
                plannedDate, deliveredNote, deliveredBy, deliveredAt, by, at, blankToNull(note));
    }

    /**
     * The hospital does not accept the delivery: back to scheduled work, with the reason on record (who refused
     * and when is in the steps; nobody is named as having verified it).
     */
    Requirement refuseVerification(String reason, String by, Instant at) {
        expect("refuse", RequirementStatus.DELIVERED);
        String why = required(reason);
        return new Requirement(id, title, description, systemCode, submitter, contact, RequirementStatus.SCHEDULED,
                submittedBy, submittedAt, answer, answeredBy, answeredAt, dueDate, personDays, contractYear,
                plannedDate, deliveredNote, deliveredBy, deliveredAt, null, null, why);
    }

    Requirement dueOn(LocalDate due) {
        expect("due", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED, RequirementStatus.DELIVERED);
        if (due == null) {
            throw ProblemException.invalid("requirement-due-date-required");
        }
        return new Requirement(id, title, description, systemCode, submitter, contact, status, submittedBy,
                submittedAt, answer, answeredBy, answeredAt, due, personDays, contractYear, plannedDate, deliveredNote,
                deliveredBy, deliveredAt, verifiedBy, verifiedAt, verificationNote);
    }

    /** Records the person-days actually spent (or re-estimated) while the work is not yet verified. */
    Requirement spend(BigDecimal days) {
        expect("person-days", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED, RequirementStatus.DELIVERED);
        return new Requirement(id, title, description, systemCode, submitter, contact, status, submittedBy,
                submittedAt, answer, answeredBy, answeredAt, dueDate, days, contractYear, plannedDate, deliveredNote,
                deliveredBy, deliveredAt, verifiedBy, verifiedAt, verificationNote);
    }

    public boolean overdue(LocalDate today) {
        return dueDate != null && today.isAfter(dueDate) && status != RequirementStatus.VERIFIED
                && status != RequirementStatus.DELIVERED && status != RequirementStatus.REJECTED;
    }

    private Requirement withStatus(RequirementStatus next) {
        return new Requirement(id, title, description, systemCode, submitter, contact, next, submittedBy, submittedAt,
                answer, answeredBy, answeredAt, dueDate, personDays, contractYear, plannedDate, deliveredNote,
                deliveredBy, deliveredAt, verifiedBy, verifiedAt, verificationNote);
    }

    private void expect(String step, RequirementStatus first, RequirementStatus... more) {
        Set<RequirementStatus> allowed = EnumSet.of(first, more);
        if (!allowed.contains(status)) {
            throw new ProblemException(HttpStatus.CONFLICT, "requirement-transition-illegal", Long.toString(id), status, step);
        }
    }

    /** Accepting, rejecting and refusing each owe the other side an explicit reason. */
    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason-required");
        }
        return reason.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
