package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A requirement as the API and the pages show it: flat, with the field names the API has always answered with
 * (they were the aggregate's components before it grew value objects).
 */
record RequirementView(long id, String title, String description, String systemCode, String submitter,
                       String contact, RequirementStatus status, String submittedBy, Instant submittedAt,
                       String answer, String answeredBy, Instant answeredAt, LocalDate dueDate,
                       BigDecimal personDays, Integer contractYear, LocalDate plannedDate, String deliveredNote,
                       String deliveredBy, Instant deliveredAt, String verifiedBy, Instant verifiedAt,
                       String verificationNote) {

    static RequirementView of(Requirement r) {
        NewRequirement q = r.request();
        Requirement.Answer a = r.answer();
        Requirement.Commitment c = r.commitment();
        Requirement.Delivery d = r.delivery();
        Requirement.Verification v = r.verification();
        return new RequirementView(r.id(), q.title(), q.description(), q.systemCode(), q.submitter(), q.contact(),
                r.status(), r.submitted().by(), r.submitted().at(), a == null ? null : a.text(),
                a == null ? null : a.by(), a == null ? null : a.at(), c.dueDate(), c.personDays(), c.contractYear(),
                c.plannedDate(), d == null ? null : d.note(), d == null ? null : d.by(), d == null ? null : d.at(),
                v == null ? null : v.by(), v == null ? null : v.at(), v == null ? null : v.note());
    }

    public boolean overdue(LocalDate today) {
        return dueDate != null && today.isAfter(dueDate) && status != RequirementStatus.VERIFIED
                && status != RequirementStatus.DELIVERED && status != RequirementStatus.REJECTED;
    }
}
