package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.medops.shared.FilterText;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A requirement (需求) the hospital asked of the vendor. Immutable: each step returns the requirement
 * as it is afterwards, or refuses with a problem when the step does not fit the current status. What each
 * side said and did is held in value objects, so a step replaces one part and keeps the rest.
 *
 * @param request what the hospital asked, as submitted
 * @param commitment the due date, the person-days counted against the allowance, their contract year, the plan
 */
record Requirement(long id, NewRequirement request, RequirementStatus status, Signed submitted, Answer answer,
                   Commitment commitment, Delivery delivery, Verification verification) {

    record Signed(String by, Instant at) {
    }

    /** The vendor's answer: why it accepts or rejects, who, when. */
    record Answer(String text, String by, Instant at) {
    }

    record Commitment(LocalDate dueDate, BigDecimal personDays, Integer contractYear, LocalDate plannedDate) {

        static final Commitment NONE = new Commitment(null, BigDecimal.ZERO, null, null);

        Commitment dueOn(LocalDate due) {
            return new Commitment(due, personDays, contractYear, plannedDate);
        }

        Commitment spending(BigDecimal days) {
            return new Commitment(dueDate, days, contractYear, plannedDate);
        }

        Commitment plannedFor(LocalDate planned) {
            return new Commitment(dueDate, personDays, contractYear, planned);
        }
    }

    /** What the vendor delivered. */
    record Delivery(String note, String by, Instant at) {
    }

    /**
     * The hospital's verification; a refused one keeps only its reason (who refused and when is in the steps,
     * nobody is named as having verified it).
     */
    record Verification(String by, Instant at, String note) {
    }

    /** Days after acceptance the work is due unless someone sets another date. */
    static final int DEFAULT_DUE_DAYS = 5;

    static Requirement submit(NewRequirement request, String by, Instant at) {
        NewRequirement trimmed = new NewRequirement(request.title().trim(), request.description().trim(),
                request.systemCode(), request.submitter().trim(), FilterText.orNull(request.contact()));
        return new Requirement(0, trimmed, RequirementStatus.SUBMITTED, new Signed(by, at), null, Commitment.NONE,
                null, null);
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
        Answer given = new Answer(required(reason), by, at);
        Commitment committed = new Commitment(due == null ? today.plusDays(DEFAULT_DUE_DAYS) : due,
                days == null ? BigDecimal.ZERO : days, year, commitment.plannedDate());
        return new Requirement(id, request, RequirementStatus.ACCEPTED, submitted, given, committed, delivery,
                verification);
    }

    Requirement reject(String reason, String by, Instant at) {
        expect("reject", RequirementStatus.UNDER_ANALYSIS);
        return new Requirement(id, request, RequirementStatus.REJECTED, submitted, new Answer(required(reason), by, at),
                commitment, delivery, verification);
    }

    /** Plans the work; a scheduled requirement may be planned again for another date. */
    Requirement schedule(LocalDate planned) {
        expect("schedule", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED);
        if (planned == null) {
            throw ProblemException.invalid("requirement-planned-date-required");
        }
        return new Requirement(id, request, RequirementStatus.SCHEDULED, submitted, answer,
                commitment.plannedFor(planned), delivery, verification);
    }

    Requirement deliver(String what, String by, Instant at) {
        expect("deliver", RequirementStatus.SCHEDULED);
        if (what == null || what.isBlank()) {
            throw ProblemException.invalid("requirement-delivery-required");
        }
        return new Requirement(id, request, RequirementStatus.DELIVERED, submitted, answer, commitment,
                new Delivery(what.trim(), by, at), verification);
    }

    /** The hospital confirms the delivery meets the requirement. */
    Requirement verify(String note, String by, Instant at) {
        expect("verify", RequirementStatus.DELIVERED);
        return new Requirement(id, request, RequirementStatus.VERIFIED, submitted, answer, commitment, delivery,
                new Verification(by, at, FilterText.orNull(note)));
    }

    /** The hospital does not accept the delivery: back to scheduled work, with the reason on record. */
    Requirement refuseVerification(String reason, String by, Instant at) {
        expect("refuse", RequirementStatus.DELIVERED);
        return new Requirement(id, request, RequirementStatus.SCHEDULED, submitted, answer, commitment, delivery,
                new Verification(null, null, required(reason)));
    }

    Requirement dueOn(LocalDate due) {
        expect("due", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED, RequirementStatus.DELIVERED);
        if (due == null) {
            throw ProblemException.invalid("requirement-due-date-required");
        }
        return new Requirement(id, request, status, submitted, answer, commitment.dueOn(due), delivery, verification);
    }

    /** Records the person-days actually spent (or re-estimated) while the work is not yet verified. */
    Requirement spend(BigDecimal days) {
        expect("person-days", RequirementStatus.ACCEPTED, RequirementStatus.SCHEDULED, RequirementStatus.DELIVERED);
        return new Requirement(id, request, status, submitted, answer, commitment.spending(days), delivery,
                verification);
    }

    public boolean overdue(LocalDate today) {
        LocalDate due = commitment.dueDate();
        return due != null && today.isAfter(due) && status != RequirementStatus.VERIFIED
                && status != RequirementStatus.DELIVERED && status != RequirementStatus.REJECTED;
    }

    private Requirement withStatus(RequirementStatus next) {
        return new Requirement(id, request, next, submitted, answer, commitment, delivery, verification);
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
}
