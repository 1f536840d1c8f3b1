package org.medops.records.plans;

import java.time.Instant;
import java.time.LocalDate;

import org.medops.shared.ProblemException;

/**
 * An emergency plan (应急预案): its content in its current revision, when it was last reviewed and when the next
 * yearly review is due. Editing raises the revision; a review moves the due date a year on from the review.
 */
record EmergencyPlan(long id, PlanContent content, int revision, LocalDate reviewedOn, LocalDate reviewDue,
                     String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    static EmergencyPlan write(PlanContent content, String by, Instant at, LocalDate today) {
        return new EmergencyPlan(0, content.trimmed(), 1, null, today.plusYears(1), by, at, by, at);
    }

    EmergencyPlan revise(PlanContent revised, String by, Instant at) {
        return new EmergencyPlan(id, revised.trimmed(), revision + 1, reviewedOn, reviewDue, createdBy, createdAt, by, at);
    }

    /** Reviewed on a day (not in the future, not before the last review): next due a year later. */
    EmergencyPlan reviewed(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw ProblemException.invalid("plan-review-in-future", on);
        }
        if (reviewedOn != null && on.isBefore(reviewedOn)) {
            throw ProblemException.invalid("plan-review-before-last", on, reviewedOn);
        }
        return new EmergencyPlan(id, content, revision, on, on.plusYears(1), createdBy, createdAt, updatedBy, updatedAt);
    }

    ReviewState reviewState(LocalDate today) {
        return ReviewState.of(reviewDue, today);
    }
}
