package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

class AnonymousDenialsTest {

    private final List<IdentityAudit> written = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:05Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AnonymousDenials denials = new AnonymousDenials(event -> written.add((IdentityAudit) event), clock,
            new StaticListableBeanFactory(java.util.Map.of("meters", meters)).getBeanProvider(
                    io.micrometer.core.instrument.MeterRegistry.class), 3);

    private static MockHttpServletRequest from(String ip) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users");
        request.setRemoteAddr(ip);
        return request;
    }

    @Test
    void recordsTheFirstRefusalsOfAMinuteAndCountsTheRest() {
        for (int i = 0; i < 10; i++) {
            denials.refused(from("10.0.0.1"), "unauthenticated");
        }
        assertThat(written).hasSize(3).allSatisfy(record -> {
            assertThat(record.action()).isEqualTo("access.denied");
            assertThat(record.actor()).isEqualTo("anonymous");
            assertThat(record.targetId()).isEqualTo("POST /api/v1/users");
        });
        assertThat(meters.counter("medops.audit.anonymous.suppressed").count()).isEqualTo(7);
    }

    @Test
    void eachClientIpHasItsOwnAllowance() {
        for (int i = 0; i < 5; i++) {
            denials.refused(from("10.0.0.1"), "unauthenticated");
            denials.refused(from("10.0.0.2"), "unauthenticated");
        }
        assertThat(written).hasSize(6);
    }

    @Test
    void summarizesWhatWasSuppressedOnceTheMinuteIsOver() {
        for (int i = 0; i < 8; i++) {
            denials.refused(from("10.0.0.1"), "unauthenticated");
        }
        denials.sweep();
        assertThat(written).hasSize(3).as("no summary while the minute runs");
        clock.now = Instant.parse("2026-12-01T08:01:00Z");
        denials.sweep();
        IdentityAudit summary = written.get(written.size() - 1);
        assertThat(summary.action()).isEqualTo("access.denied.summary");
        assertThat(summary.targetId()).isEqualTo("10.0.0.1");
        assertThat(summary.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("suppressed");
            assertThat(change.after()).isEqualTo("5");
        });
        denials.sweep();
        assertThat(written).hasSize(4).as("summarized once");
    }

    @Test
    void aReturningClientGetsTheSummaryOfItsLastMinuteAndAFreshAllowance() {
        for (int i = 0; i < 4; i++) {
            denials.refused(from("10.0.0.1"), "unauthenticated");
        }
        clock.now = Instant.parse("2026-12-01T08:03:00Z");
        denials.refused(from("10.0.0.1"), "unauthenticated");
        assertThat(written).extracting(IdentityAudit::action).containsExactly("access.denied", "access.denied",
                "access.denied", "access.denied.summary", "access.denied");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
