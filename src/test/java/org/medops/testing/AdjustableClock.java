package org.medops.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock unless a test sets it to a moment of its choosing, for code that reads time from the Clock bean. */
public final class AdjustableClock extends Clock {

    private volatile Instant fixed;

    /** From now on the clock stands at {@code instant}; {@code null} lets it run with the system clock again. */
    public void set(Instant instant) {
        fixed = instant;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {
        private final AdjustableClock source;
        private final ZoneId zone;

        Zoned(AdjustableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(source, other);
        }
    }
}
