package org.medops.opsdesk.sla;

import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.TimeBasis;

import java.time.Instant;
import java.util.Optional;

/** The calendar and policy a ticket's clocks are measured with. */
public record SlaContext(BusinessCalendar calendar, SlaPolicy policy) {

    public Optional<SlaTarget.Effective> target(TargetKind kind, Instant arrivedAt) {
        return policy.target(kind).map(t -> t.effectiveFor(calendar, arrivedAt));
    }

    public TimeBasis time(ClockBasis basis) {
        return basis == ClockBasis.BUSINESS ? calendar : TimeBasis.AROUND_THE_CLOCK;
    }
}
