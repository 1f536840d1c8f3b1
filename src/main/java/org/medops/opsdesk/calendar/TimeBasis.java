package org.medops.opsdesk.calendar;

import java.time.Duration;
import java.time.Instant;

/** The time an SLA target counts in: a business calendar's working time, or every minute (24×7). */
public interface TimeBasis {

    /** The instant at which {@code amount} of this time has passed after {@code start}. */
    Instant plus(Instant start, Duration amount);

    /** How much of this time lies between two instants (zero when {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to);

    TimeBasis AROUND_THE_CLOCK = new TimeBasis() {
        @Override
        public Instant plus(Instant start, Duration amount) {
            return start.plus(amount);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }
    };
}
