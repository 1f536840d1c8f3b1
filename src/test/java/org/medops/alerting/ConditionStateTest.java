package org.medops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionStateTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Hysteresis LIS = new Hysteresis(Duration.ofMinutes(2), Duration.ofMinutes(5), 400.0);

    @Nested
    class Firing {

        @Test
        void waitsForTheForDurationBeforeOpening() {
            ConditionState.Step first = ConditionState.NONE.evaluate(true, true, false, T0, LIS);
            assertThat(first.decision()).isEqualTo(ConditionState.Decision.NONE);
            assertThat(first.next().breachingSince()).isEqualTo(T0);
            ConditionState.Step still = first.next().evaluate(true, true, false, T0.plusSeconds(119), LIS);
            assertThat(still.decision()).isEqualTo(ConditionState.Decision.NONE);
            assertThat(still.next().breachingSince()).isEqualTo(T0);
            assertThat(still.next().evaluate(true, true, false, T0.plusSeconds(120), LIS).decision())
                    .isEqualTo(ConditionState.Decision.OPEN);
        }

        @Test
        void aBreachShorterThanTheForDurationIsForgotten() {
            ConditionState pending = ConditionState.NONE.evaluate(true, true, false, T0, LIS).next();
            ConditionState.Step cleared = pending.evaluate(false, false, false, T0.plusSeconds(60), LIS);
            assertThat(cleared.next().isNone()).isTrue();
            ConditionState again = cleared.next().evaluate(true, true, false, T0.plusSeconds(90), LIS).next();
            assertThat(again.evaluate(true, true, false, T0.plusSeconds(180), LIS).decision())
                    .as("the count restarted at 90 s").isEqualTo(ConditionState.Decision.NONE);
        }

        @Test
        void opensAtOnceWithoutAForDuration() {
            assertThat(ConditionState.NONE.evaluate(true, true, false, T0, Hysteresis.NONE).decision())
                    .isEqualTo(ConditionState.Decision.OPEN);
        }
    }

    @Nested
    class Recovering {

        @Test
        void resolvesOnlyAfterBeingClearForTheRecoveryDuration() {
            ConditionState clear = ConditionState.NONE.evaluate(false, false, true, T0, LIS).next();
            assertThat(clear.clearSince()).isEqualTo(T0);
            assertThat(clear.evaluate(false, false, true, T0.plusSeconds(299), LIS).decision())
                    .isEqualTo(ConditionState.Decision.NONE);
            assertThat(clear.evaluate(false, false, true, T0.plusSeconds(300), LIS).decision())
                    .isEqualTo(ConditionState.Decision.RESOLVE);
        }

        @Test
        void aValueBetweenTheRecoveryAndTheFiringLineKeepsTheAlertOpen() {
            ConditionState clear = ConditionState.NONE.evaluate(false, false, true, T0, LIS).next();
            // 450 ms: under the 500 ms firing line but over the 400 ms recovery line
            ConditionState.Step hovering = clear.evaluate(false, true, true, T0.plusSeconds(200), LIS);
            assertThat(hovering.decision()).isEqualTo(ConditionState.Decision.NONE);
            assertThat(hovering.next().clearSince()).as("the recovery count starts again").isNull();
            assertThat(hovering.next().evaluate(false, false, true, T0.plusSeconds(400), LIS).decision())
                    .isEqualTo(ConditionState.Decision.NONE);
        }
    }

    @Nested
    class Rules {

        AlertRule p95(Double recovery) {
            return new AlertRule(1, "LIS P95", RuleKind.P95_LATENCY, "lis", 500, 5, 20, AlertSeverity.WARNING,
                    new Hysteresis(Duration.ZERO, Duration.ZERO, recovery), true, null, List.of());
        }

        @Test
        void holdsAtTheRecoveryThresholdWhenItIsBelowTheFiringOne() {
            assertThat(p95(400.0).holdThreshold()).isEqualTo(400.0);
            assertThat(p95(null).holdThreshold()).isEqualTo(500.0);
            assertThat(p95(600.0).holdThreshold()).isEqualTo(500.0);
            assertThat(p95(400.0).fires(450.0)).isFalse();
            assertThat(p95(400.0).fires(501.0)).isTrue();
        }

        @Test
        void stateKindsFireWithoutANumber() {
            AlertRule breaker = new AlertRule(2, "熔断", RuleKind.CIRCUIT_OPEN, null, 0, 1, 0, AlertSeverity.CRITICAL,
                    Hysteresis.NONE, true, null, List.of());
            assertThat(breaker.fires(1.0)).isTrue();
            assertThat(RuleKind.CIRCUIT_OPEN.hasThreshold()).isFalse();
            assertThat(RuleKind.P95_LATENCY.unit()).isEqualTo("ms");
        }
    }
}
