package org.medops.opsdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

class ChangeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = at("2026-10-10T22:30");
    static final Instant END = at("2026-10-11T00:30");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    static Change authorized() {
        NewChange plan = new NewChange("HIS 补丁升级", "HIS", ChangeEnvironment.PRODUCTION, ChangeRisk.HIGH, "执行脚本",
                "恢复备份", START, END);
        return Change.request(plan, "engineer", at("2026-10-07T10:00"))
                .authorize("reviewer", "陈刚", "同意", at("2026-10-08T10:00"));
    }

    static void refused(Runnable step, HttpStatus status, String code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Nested
    class StartingInsideTheAuthorisedPeriod {

        @Test
        void startsAtAnyMomentFromThePlannedStartToThePlannedEndBoundariesIncluded() {
            assertThat(authorized().start(START, null).status()).isEqualTo(ChangeStatus.IN_PROGRESS);
            assertThat(authorized().start(at("2026-10-10T23:15"), "").startedAt()).isEqualTo(at("2026-10-10T23:15"));
            assertThat(authorized().start(END, null).status()).isEqualTo(ChangeStatus.IN_PROGRESS);
        }

        @Test
        void keepsNoEmergencyReasonWhereNoneWasNeeded() {
            Change started = authorized().start(START.plusSeconds(60), "以防万一");
            assertThat(started.emergencyReason()).isNull();
            assertThat(started.emergency()).isFalse();
        }
    }

    @Nested
    class StartingOutsideTheAuthorisedPeriod {

        @Test
        void aDayEarlyIsRefusedWithoutAnEmergencyReason() {
            refused(() -> authorized().start(START.minusSeconds(86_400), null), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
            refused(() -> authorized().start(START.minusSeconds(1), "  "), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
        }

        @Test
        void afterThePlannedEndIsRefusedWithoutAnEmergencyReason() {
            refused(() -> authorized().start(END.plusSeconds(1), null), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
        }

        @Test
        void anEmergencyReasonLetsItStartAndStaysOnTheChangeThroughItsResult() {
            Change started = authorized().start(START.minusSeconds(3_600), " 门诊收费全部中断，需立即打补丁 ");
            assertThat(started.status()).isEqualTo(ChangeStatus.IN_PROGRESS);
            assertThat(started.emergency()).isTrue();
            assertThat(started.emergencyReason()).isEqualTo("门诊收费全部中断，需立即打补丁");
            Change finished = started.finish(ChangeResult.SUCCESS, null, START);
            assertThat(finished.emergencyReason()).isEqualTo("门诊收费全部中断，需立即打补丁");
        }

        @Test
        void anOverlongEmergencyReasonIsRefused() {
            refused(() -> authorized().start(END.plusSeconds(60), "急".repeat(1001)), HttpStatus.BAD_REQUEST,
                    "text-too-long-max");
        }
    }

    @Test
    void onlyAnAuthorizedChangeStartsEvenInAnEmergency() {
        Change requested = Change.request(new NewChange("t", "HIS", ChangeEnvironment.TEST, ChangeRisk.LOW, "p", "r",
                START, END), "engineer", at("2026-10-07T10:00"));
        refused(() -> requested.start(START, "紧急"), HttpStatus.CONFLICT, "change-transition-illegal");
    }

    @Test
    void replayingHistoryPlansInThePastFreely() {
        // The rule against planning in the past belongs to new requests at the desk, not to the domain's replay.
        Change old = Change.request(new NewChange("t", "HIS", ChangeEnvironment.TEST, ChangeRisk.LOW, "p", "r",
                at("2020-01-01T10:00"), at("2020-01-01T11:00")), "engineer", at("2019-12-30T10:00"));
        assertThat(old.status()).isEqualTo(ChangeStatus.REQUESTED);
    }
}
