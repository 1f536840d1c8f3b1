package org.medops.portal.registration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class RegistrationThrottleTest {

    private static final Instant NOON = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void admitsAFewRegistrationsAnHourPerAddress() {
        RegistrationThrottle throttle = new RegistrationThrottle(3, Clock.fixed(NOON, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            throttle.admit("203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.admit("203.0.113.7")).isInstanceOf(ProblemException.class)
                .hasMessage("registration-throttled");
        assertThatCode(() -> throttle.admit("198.51.100.2")).as("another address").doesNotThrowAnyException();
    }

    @Test
    void anHourLaterTheAddressMayRegisterAgain() {
        Instant[] now = {NOON};
        RegistrationThrottle moving = new RegistrationThrottle(1, new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        });
        moving.admit("203.0.113.7");
        now[0] = NOON.plus(Duration.ofMinutes(59));
        assertThatThrownBy(() -> moving.admit("203.0.113.7")).isInstanceOf(ProblemException.class);
        now[0] = NOON.plus(Duration.ofMinutes(61));
        assertThatCode(() -> moving.admit("203.0.113.7")).doesNotThrowAnyException();
    }
}
