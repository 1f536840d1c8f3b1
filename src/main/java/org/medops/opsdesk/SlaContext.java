package org.medops.opsdesk;

import java.time.Instant;
import java.util.Optional;

/** The calendar and policy a ticket's clocks are measured with. */
record SlaContext(BusinessCalendar calendar, SlaPolicy policy) {

    Optional<SlaTarget.Effective> target(TargetKind kind, Instant arrivedAt) {
        return policy.target(kind).map(t -> t.effectiveFor(calendar, arrivedAt));
    }

    TimeBasis time(ClockBasis basis) {
        return basis == ClockBasis.BUSINESS ? calendar : TimeBasis.AROUND_THE_CLOCK;
    }
}
