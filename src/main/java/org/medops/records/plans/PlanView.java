package org.medops.records.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An emergency plan as the API and its page show it: content, review due and state, reviews and drills. */
record PlanView(long id, String title, Scenario scenario, String systemCode, String contacts, String steps,
                String fallback, int rtoMinutes, int rpoMinutes, int revision, LocalDate reviewedOn, LocalDate reviewDue,
                ReviewState reviewState, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                List<EmergencyPlans.Review> reviews, List<Drill> drills) {

    static PlanView of(EmergencyPlan p, LocalDate today, List<EmergencyPlans.Review> reviews, List<Drill> drills) {
        PlanContent c = p.content();
        return new PlanView(p.id(), c.title(), c.scenario(), c.systemCode(), c.contacts(), c.steps(), c.fallback(),
                c.rtoMinutes(), c.rpoMinutes(), p.revision(), p.reviewedOn(), p.reviewDue(), p.reviewState(today),
                p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt(), reviews, drills);
    }
}
