package org.medops.opsdesk.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

class RequirementTest {

    static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-02");

    static Requirement submitted() {
        return Requirement.submit(new NewRequirement("危急值短信", "超时未处理时短信通知", "LIS", "检验科", null), "staff", NOW);
    }

    static Requirement underAnalysis() {
        return submitted().startAnalysis();
    }

    static Requirement accepted() {
        return underAnalysis().accept("可以做", new BigDecimal("2"), null, "vendor", NOW, TODAY, 2026);
    }

    static void refusedWith(org.assertj.core.api.ThrowableAssert.ThrowingCallable step, HttpStatus status, String code) {
        assertThatThrownBy(step).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.code()).isEqualTo(code);
        });
    }

    @Nested
    class StateMachine {

        @Test
        void walksFromSubmittedToVerified() {
            Requirement verified = accepted().schedule(TODAY.plusDays(2)).deliver("已上线", "vendor", NOW)
                    .verify("好", "owner", NOW);
            assertThat(verified.status()).isEqualTo(RequirementStatus.VERIFIED);
            assertThat(verified.verification().by()).isEqualTo("owner");
            assertThat(verified.commitment().plannedDate()).isEqualTo(TODAY.plusDays(2));
        }

        @Test
        void acceptanceSetsTheDueDateFiveDaysLaterUnlessOneIsGiven() {
            assertThat(accepted().commitment().dueDate()).isEqualTo(LocalDate.parse("2026-11-07"));
            Requirement chosen = underAnalysis().accept("可以", BigDecimal.ONE, LocalDate.parse("2026-11-20"), "vendor",
                    NOW, TODAY, 2026);
            assertThat(chosen.commitment().dueDate()).isEqualTo(LocalDate.parse("2026-11-20"));
            assertThat(chosen.commitment().contractYear()).isEqualTo(2026);
        }

        @Test
        void acceptingAndRejectingBothNeedAReason() {
            refusedWith(() -> underAnalysis().reject(" ", "vendor", NOW), HttpStatus.BAD_REQUEST, "reason-required");
            refusedWith(() -> underAnalysis().accept(null, BigDecimal.ONE, null, "vendor", NOW, TODAY, 2026),
                    HttpStatus.BAD_REQUEST, "reason-required");
            Requirement rejected = underAnalysis().reject("超出合同范围", "vendor", NOW);
            assertThat(rejected.status()).isEqualTo(RequirementStatus.REJECTED);
            assertThat(rejected.answer().text()).isEqualTo("超出合同范围");
        }

        @Test
        void cannotAnswerBeforeAnalysisNorSkipSteps() {
            refusedWith(() -> submitted().accept("好", BigDecimal.ONE, null, "vendor", NOW, TODAY, 2026),
                    HttpStatus.CONFLICT, "requirement-transition-illegal");
            refusedWith(() -> accepted().deliver("x", "vendor", NOW), HttpStatus.CONFLICT,
                    "requirement-transition-illegal");
            refusedWith(() -> accepted().verify(null, "owner", NOW), HttpStatus.CONFLICT,
                    "requirement-transition-illegal");
            refusedWith(() -> underAnalysis().reject("不做", "vendor", NOW).startAnalysis(), HttpStatus.CONFLICT,
                    "requirement-transition-illegal");
        }

        @Test
        void aRefusedVerificationGoesBackToScheduledWithItsReason() {
            Requirement delivered = accepted().schedule(TODAY).deliver("已上线", "vendor", NOW);
            refusedWith(() -> delivered.refuseVerification("", "owner", NOW), HttpStatus.BAD_REQUEST,
                    "reason-required");
            Requirement back = delivered.refuseVerification("字段缺少单位", "owner", NOW);
            assertThat(back.status()).isEqualTo(RequirementStatus.SCHEDULED);
            assertThat(back.verification().note()).isEqualTo("字段缺少单位");
            assertThat(back.deliver("补上单位", "vendor", NOW).status()).isEqualTo(RequirementStatus.DELIVERED);
        }

        @Test
        void onlyOpenWorkIsOverdue() {
            Requirement open = accepted();
            assertThat(open.overdue(TODAY.plusDays(5))).isFalse();
            assertThat(open.overdue(TODAY.plusDays(6))).isTrue();
            assertThat(open.schedule(TODAY).deliver("done", "vendor", NOW).overdue(TODAY.plusDays(30))).isFalse();
        }
    }

    @Nested
    class FreeAllowance {

        final Allowance year = new Allowance(2026, new BigDecimal("3"), new BigDecimal("8"), new BigDecimal("6"));

        @Test
        void upToThreePersonDaysPerRequest() {
            refusedWith(() -> new Allowance(2026, new BigDecimal("3"), new BigDecimal("8"), BigDecimal.ZERO)
                    .check(new BigDecimal("3.5"), BigDecimal.ZERO), HttpStatus.BAD_REQUEST,
                    "allowance-per-request-exceeded");
            new Allowance(2026, new BigDecimal("3"), new BigDecimal("8"), BigDecimal.ZERO)
                    .check(new BigDecimal("3"), BigDecimal.ZERO);
        }

        @Test
        void upToEightInTheContractYearAndTheRefusalSaysWhatRemains() {
            assertThat(year.remaining()).isEqualByComparingTo("2");
            year.check(new BigDecimal("2"), BigDecimal.ZERO);
            assertThatThrownBy(() -> year.check(new BigDecimal("2.5"), BigDecimal.ZERO))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.code()).isEqualTo("allowance-total-exceeded");
                        assertThat(p.arguments()).containsExactly("2.5", "2", "8", "2026");
                    });
        }

        @Test
        void revisingARequirementReplacesItsOwnDaysInsteadOfAddingThem() {
            // 6 used, 3 of them by this requirement: re-recording its 3 fits, 3 more on top of the others does not.
            year.check(new BigDecimal("3"), new BigDecimal("3"));
            year.check(new BigDecimal("1"), new BigDecimal("1"));
            refusedWith(() -> year.check(new BigDecimal("3"), new BigDecimal("0.5")), HttpStatus.CONFLICT,
                    "allowance-total-exceeded");
        }

        @Test
        void theContractYearStartsInTheConfiguredMonth() {
            assertThat(Allowance.contractYear(LocalDate.parse("2026-03-31"), 1)).isEqualTo(2026);
            assertThat(Allowance.contractYear(LocalDate.parse("2026-03-31"), 4)).isEqualTo(2025);
            assertThat(Allowance.contractYear(LocalDate.parse("2026-04-01"), 4)).isEqualTo(2026);
        }

        @Test
        void negativeDaysAreRefused() {
            refusedWith(() -> year.check(new BigDecimal("-1"), BigDecimal.ZERO), HttpStatus.BAD_REQUEST,
                    "person-days-negative");
        }
    }
}
