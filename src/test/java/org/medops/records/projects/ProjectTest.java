package org.medops.records.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

/** A project's milestones on the 2026 calendar: due dates, lateness by party, the penalty, extensions. */
class ProjectTest {

    static final WorkingDays DAYS = WorkingDaysTest.CN_2026;
    static final ProjectRules RULES = new ProjectRules(new BigDecimal("0.005"), 10, 5);
    static final LocalDate TODAY = LocalDate.parse("2026-12-31");
    static final Milestone.Document DOC = new Milestone.Document("a.txt", "text/plain",
            "x".getBytes(StandardCharsets.UTF_8));

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Project started(String on) {
        return Project.plan("接口优化", List.of("HIS"), new BigDecimal("100000"), d(on), List.of("挂号", "缴费"), List.of(),
                Instant.EPOCH, "engineer", DAYS, RULES);
    }

    static Project complete(Project p, MilestoneCode code, String on) {
        return p.complete(code, d(on), "someone", DOC, code == MilestoneCode.TEST_REPORT ? List.of("挂号", "缴费")
                : List.of(), TODAY, DAYS, RULES);
    }

    @Test
    void eachMilestoneIsDueFromTheCompletionOfTheOneBefore() {
        Project p = started("2026-09-24");
        // Thu 24 Sep + 3: Fri 25 Mid-Autumn off, Sun 27 off … Mon 28, Tue 29, Wed 30.
        assertThat(p.milestone(MilestoneCode.RESEARCH_REPORT).due()).isEqualTo(d("2026-09-30"));
        assertThat(p.milestone(MilestoneCode.PLAN).due()).isNull();
        p = complete(p, MilestoneCode.RESEARCH_REPORT, "2026-09-29");
        // 29 Sep + 5: 30 Sep, 8, 9, 10 (make-up Saturday), 12 Oct.
        assertThat(p.milestone(MilestoneCode.PLAN).due()).isEqualTo(d("2026-10-12"));
    }

    @Nested
    class HospitalDelays {

        @Test
        void neverCountAgainstTheVendor() {
            Project p = complete(complete(started("2026-06-01"), MilestoneCode.RESEARCH_REPORT, "2026-06-04"),
                    MilestoneCode.PLAN, "2026-06-11");
            assertThat(p.milestone(MilestoneCode.CONFIRMATION).due()).isEqualTo(d("2026-06-16"));
            // The hospital confirms on Monday 22 June: 17, 18 and 22 June late (19 June is the Dragon Boat Festival) …
            p = complete(p, MilestoneCode.CONFIRMATION, "2026-06-22");
            assertThat(p.late(Party.HOSPITAL, TODAY, DAYS)).isEqualTo(3);
            assertThat(p.milestone(MilestoneCode.DELIVERY).due()).isEqualTo(DAYS.after(d("2026-06-22"), 30));
            LocalDate delivered = DAYS.after(d("2026-06-22"), 30);
            p = complete(p, MilestoneCode.DELIVERY, delivered.toString());
            assertThat(p.late(Party.VENDOR, delivered, DAYS)).isZero();
            assertThat(p.penalty(TODAY, DAYS, RULES).amount()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class Penalty {

        Project confirmed() {
            return complete(complete(complete(started("2026-03-02"), MilestoneCode.RESEARCH_REPORT, "2026-03-05"),
                    MilestoneCode.PLAN, "2026-03-12"), MilestoneCode.CONFIRMATION, "2026-03-17");
        }

        @Test
        void isHalfAPercentOfTheFeePerWorkingDayLateOnDelivery() {
            Project p = confirmed();
            LocalDate due = p.milestone(MilestoneCode.DELIVERY).due();
            p = complete(p, MilestoneCode.DELIVERY, DAYS.after(due, 3).toString());
            Project.Penalty penalty = p.penalty(TODAY, DAYS, RULES);
            assertThat(penalty.delayWorkingDays()).isEqualTo(3);
            assertThat(penalty.amount()).isEqualByComparingTo("1500.00");
            assertThat(penalty.percentOfFee()).isEqualByComparingTo("1.5");
            assertThat(penalty.warning()).isFalse();
        }

        @Test
        void warnsAtTenWorkingDaysAndLetsTheHospitalTerminateBeyond() {
            LocalDate due = confirmed().milestone(MilestoneCode.DELIVERY).due();
            Project ten = complete(confirmed(), MilestoneCode.DELIVERY, DAYS.after(due, 10).toString());
            assertThat(ten.penalty(TODAY, DAYS, RULES).warning()).isTrue();
            assertThat(ten.penalty(TODAY, DAYS, RULES).terminable()).isFalse();
            Project eleven = complete(confirmed(), MilestoneCode.DELIVERY, DAYS.after(due, 11).toString());
            assertThat(eleven.penalty(TODAY, DAYS, RULES).terminable()).isTrue();
            assertThat(eleven.penalty(TODAY, DAYS, RULES).amount()).isEqualByComparingTo("5500.00");
        }

        @Test
        void countsWhileTheDeliveryIsStillOpen() {
            Project p = confirmed();
            LocalDate due = p.milestone(MilestoneCode.DELIVERY).due();
            assertThat(p.penalty(DAYS.after(due, 2), DAYS, RULES).delayWorkingDays()).isEqualTo(2);
            assertThat(p.milestone(MilestoneCode.DELIVERY).overdue(DAYS.after(due, 2))).isTrue();
        }

        @Test
        void aProposedExtensionMovesNothingUntilAgreed() {
            Project p = confirmed();
            LocalDate due = p.milestone(MilestoneCode.DELIVERY).due();
            p = p.propose(new Extension(7, 5, "院方需求变更", "engineer", Party.VENDOR, Instant.EPOCH, null, null));
            assertThat(p.milestone(MilestoneCode.DELIVERY).due()).isEqualTo(due);
            assertThat(p.extensionDays()).isZero();
        }
    }

    @Test
    void anExtensionNeedsTheOtherParty() {
        Project p = complete(complete(complete(started("2026-03-02"), MilestoneCode.RESEARCH_REPORT, "2026-03-05"),
                MilestoneCode.PLAN, "2026-03-12"), MilestoneCode.CONFIRMATION, "2026-03-17");
        LocalDate due = p.milestone(MilestoneCode.DELIVERY).due();
        Project proposed = p.propose(new Extension(7, 5, "院方需求变更", "engineer", Party.VENDOR, Instant.EPOCH, null, null));
        assertThatThrownBy(() -> proposed.agree(7, "engineer", Party.VENDOR, Instant.EPOCH, DAYS))
                .isInstanceOf(ProblemException.class).hasMessage("project-extension-same-party");
        assertThatThrownBy(() -> proposed.agree(7, "another-engineer", Party.VENDOR, Instant.EPOCH, DAYS))
                .as("another of the vendor's people is still the vendor")
                .isInstanceOf(ProblemException.class).hasMessage("project-extension-same-party");
        Project agreed = proposed.agree(7, "reviewer", Party.HOSPITAL, Instant.EPOCH, DAYS);
        assertThat(agreed.milestone(MilestoneCode.DELIVERY).due()).isEqualTo(DAYS.after(due, 5));
    }

    @Test
    void theHospitalMayProposeAndTheVendorAgrees() {
        Project p = complete(complete(complete(started("2026-03-02"), MilestoneCode.RESEARCH_REPORT, "2026-03-05"),
                MilestoneCode.PLAN, "2026-03-12"), MilestoneCode.CONFIRMATION, "2026-03-17");
        LocalDate due = p.milestone(MilestoneCode.DELIVERY).due();
        Project proposed = p.propose(new Extension(8, 3, "院方机房改造，环境不具备", "reviewer", Party.HOSPITAL, Instant.EPOCH,
                null, null));
        assertThatThrownBy(() -> proposed.agree(8, "another-reviewer", Party.HOSPITAL, Instant.EPOCH, DAYS))
                .isInstanceOf(ProblemException.class).hasMessage("project-extension-same-party");
        assertThat(proposed.agree(8, "engineer", Party.VENDOR, Instant.EPOCH, DAYS).milestone(MilestoneCode.DELIVERY)
                .due()).isEqualTo(DAYS.after(due, 3));
    }

    @Test
    void theTestReportMustCoverEveryCoreScenario() {
        Project p = complete(complete(complete(complete(started("2026-03-02"), MilestoneCode.RESEARCH_REPORT,
                "2026-03-05"), MilestoneCode.PLAN, "2026-03-12"), MilestoneCode.CONFIRMATION, "2026-03-17"),
                MilestoneCode.DELIVERY, "2026-04-20");
        assertThatThrownBy(() -> p.complete(MilestoneCode.TEST_REPORT, d("2026-04-22"), "reviewer", DOC, List.of("挂号"),
                TODAY, DAYS, RULES)).isInstanceOf(ProblemException.class).hasMessage("project-scenarios-uncovered");
        Project tested = complete(p, MilestoneCode.TEST_REPORT, "2026-04-22");
        assertThat(tested.milestone(MilestoneCode.ACCEPTANCE).due()).isEqualTo(DAYS.after(d("2026-04-22"), 7));
    }

    @Test
    void milestonesCompleteInOrderAndNotInTheFuture() {
        Project p = started("2026-03-02");
        assertThatThrownBy(() -> complete(p, MilestoneCode.PLAN, "2026-03-05")).hasMessage("project-milestone-order");
        assertThatThrownBy(() -> p.complete(MilestoneCode.RESEARCH_REPORT, d("2027-01-04"), "e", DOC, List.of(), TODAY,
                DAYS, RULES)).hasMessage("project-milestone-date-invalid");
        assertThatThrownBy(() -> p.complete(MilestoneCode.RESEARCH_REPORT, d("2026-03-03"), "e", null, List.of(), TODAY,
                DAYS, RULES)).hasMessage("project-milestone-document-missing");
    }
}
