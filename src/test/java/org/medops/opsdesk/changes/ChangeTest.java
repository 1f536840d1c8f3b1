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

    static final Instant ASKED = at("2026-10-10T20:00");

    static Change pending() {
        return authorized().requestEmergency("engineer2", " 门诊收费全部中断，需立即打补丁 ", ASKED);
    }

    static Change approved() {
        return pending().approveEmergency("director", "信息科主任 林芳", ASKED.plusSeconds(300));
    }

    @Nested
    class StartingInsideTheAuthorisedPeriod {

        @Test
        void startsAtAnyMomentFromThePlannedStartToThePlannedEndBoundariesIncluded() {
            assertThat(authorized().start(START).status()).isEqualTo(ChangeStatus.IN_PROGRESS);
            assertThat(authorized().start(at("2026-10-10T23:15")).execution().startedAt())
                    .isEqualTo(at("2026-10-10T23:15"));
            assertThat(authorized().start(END).status()).isEqualTo(ChangeStatus.IN_PROGRESS);
        }

        @Test
        void isNoEmergencyStartEvenWithAnApprovedEmergency() {
            Change started = approved().start(START.plusSeconds(60));
            assertThat(started.emergencyStart()).isFalse();
            assertThat(started.emergency().approved()).isTrue();
        }
    }

    @Nested
    class StartingOutsideTheAuthorisedPeriod {

        @Test
        void aDayEarlyIsRefusedWithoutAnEmergency() {
            refused(() -> authorized().start(START.minusSeconds(86_400)), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
            refused(() -> authorized().start(START.minusSeconds(1)), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
        }

        @Test
        void afterThePlannedEndIsRefusedWithoutAnEmergency() {
            refused(() -> authorized().start(END.plusSeconds(1)), HttpStatus.CONFLICT,
                    "change-start-outside-authorization");
        }

        @Test
        void anEmergencyReasonAloneIsNotEnoughTheHospitalMustApprove() {
            refused(() -> pending().start(START.minusSeconds(3_600)), HttpStatus.CONFLICT, "change-emergency-pending");
        }

        @Test
        void aRejectedEmergencyStaysRefused() {
            Change rejected = pending().rejectEmergency("director", "林芳", "可等到今晚维护窗口", ASKED.plusSeconds(60));
            assertThat(rejected.emergency().decision()).isEqualTo(EmergencyDecision.REJECTED);
            assertThat(rejected.emergency().decided().statement()).isEqualTo("可等到今晚维护窗口");
            refused(() -> rejected.start(START.minusSeconds(3_600)), HttpStatus.CONFLICT, "change-emergency-rejected");
            Change askedAgain = rejected.requestEmergency("engineer2", "补丁已验证，需提前", ASKED.plusSeconds(120));
            assertThat(askedAgain.emergency().decision()).isEqualTo(EmergencyDecision.PENDING);
            assertThat(askedAgain.emergency().decided()).isNull();
        }

        @Test
        void anApprovedEmergencyLetsItStartAndStaysOnTheChangeThroughItsResult() {
            Change started = approved().start(START.minusSeconds(3_600));
            assertThat(started.status()).isEqualTo(ChangeStatus.IN_PROGRESS);
            assertThat(started.emergencyStart()).isTrue();
            assertThat(started.emergency().reason()).isEqualTo("门诊收费全部中断，需立即打补丁");
            assertThat(started.emergency().decided().signerName()).isEqualTo("信息科主任 林芳");
            Change finished = started.finish(ChangeResult.SUCCESS, null, START);
            assertThat(finished.emergency().reason()).isEqualTo("门诊收费全部中断，需立即打补丁");
            assertThat(finished.emergencyStart()).isTrue();
        }
    }

    @Nested
    class TheHospitalsApprovalOfAnEmergency {

        @Test
        void needsAReasonOfAtMostAThousandCharacters() {
            refused(() -> authorized().requestEmergency("engineer", "  ", ASKED), HttpStatus.BAD_REQUEST,
                    "reason-required");
            refused(() -> authorized().requestEmergency("engineer", "急".repeat(1001), ASKED), HttpStatus.BAD_REQUEST,
                    "text-too-long-max");
        }

        @Test
        void isNeverGivenByWhoeverAskedForItNorByTheChangesRequester() {
            refused(() -> pending().approveEmergency("engineer2", "张伟", ASKED), HttpStatus.FORBIDDEN,
                    "change-own-emergency-approval");
            refused(() -> pending().approveEmergency("engineer", "张伟", ASKED), HttpStatus.FORBIDDEN,
                    "change-own-emergency-approval");
            refused(() -> pending().rejectEmergency("engineer2", "张伟", "不批", ASKED), HttpStatus.FORBIDDEN,
                    "change-own-emergency-approval");
        }

        @Test
        void aRejectionNeedsItsReason() {
            refused(() -> pending().rejectEmergency("director", "林芳", " ", ASKED), HttpStatus.BAD_REQUEST,
                    "reason-required");
        }

        @Test
        void isDecidedOnceAndOnlyWhileAsked() {
            refused(() -> authorized().approveEmergency("director", "林芳", ASKED), HttpStatus.CONFLICT,
                    "change-emergency-not-pending");
            refused(() -> approved().approveEmergency("director2", "王强", ASKED), HttpStatus.CONFLICT,
                    "change-emergency-not-pending");
            refused(() -> pending().requestEmergency("engineer2", "再催一次", ASKED), HttpStatus.CONFLICT,
                    "change-emergency-pending");
            refused(() -> approved().requestEmergency("engineer2", "再申请", ASKED), HttpStatus.CONFLICT,
                    "change-emergency-approved");
        }

        @Test
        void isAskedOnlyForAnAuthorisedChange() {
            Change requested = Change.request(new NewChange("t", "HIS", ChangeEnvironment.TEST, ChangeRisk.LOW, "p",
                    "r", START, END), "engineer", at("2026-10-07T10:00"));
            refused(() -> requested.requestEmergency("engineer", "紧急", ASKED), HttpStatus.CONFLICT,
                    "change-transition-illegal");
        }
    }

    @Test
    void onlyAnAuthorizedChangeStartsEvenInAnEmergency() {
        Change requested = Change.request(new NewChange("t", "HIS", ChangeEnvironment.TEST, ChangeRisk.LOW, "p", "r",
                START, END), "engineer", at("2026-10-07T10:00"));
        refused(() -> requested.start(START), HttpStatus.CONFLICT, "change-transition-illegal");
    }

    @Test
    void replayingHistoryPlansInThePastFreely() {
        // The rule against planning in the past belongs to new requests at the desk, not to the domain's replay.
        Change old = Change.request(new NewChange("t", "HIS", ChangeEnvironment.TEST, ChangeRisk.LOW, "p", "r",
                at("2020-01-01T10:00"), at("2020-01-01T11:00")), "engineer", at("2019-12-30T10:00"));
        assertThat(old.status()).isEqualTo(ChangeStatus.REQUESTED);
    }
}
