package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.TestCalendars;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.SlaPolicy;
import org.medops.opsdesk.sla.SlaTarget;
import org.medops.opsdesk.sla.TargetKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The demo quarter is generated from the day it runs on, so it must hold on every day: each ticket's steps come
 * in the lifecycle's order, at or after the step before, none in the future, and the ticket's own rules accept
 * them. Checked for every start date of 2026 and 2027 (weekends, holidays and make-up days included) at hours
 * across the day, with the shipped policies on the shipped calendar.
 */
class DemoTimelineTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2027, 12, 31);
    private static final List<LocalTime> HOURS = List.of(LocalTime.of(0, 20), LocalTime.of(9, 5), LocalTime.of(13, 40),
            LocalTime.of(23, 58));
    private static final List<Class<?>> LIFECYCLE = List.of(DemoTimeline.Accept.class, DemoTimeline.StartWork.class,
            DemoTimeline.Arrive.class, DemoTimeline.Locate.class, DemoTimeline.Fix.class, DemoTimeline.Confirm.class);

    private final BusinessCalendar calendar = TestCalendars.standard();
    private final Map<Priority, SlaContext> shipped = shippedPolicies();

    @Nested
    class OnEveryDayOfTwoYears {

        @Test
        void stepsComeInLifecycleOrderAndNeverAfterNow() {
            forEveryStart((now, quarter) -> {
                assertThat(quarter).as("tickets on %s", now).hasSizeGreaterThan(60);
                assertThat(quarter.stream().map(DemoTimelineTest::stage).distinct())
                        .as("tickets at every stage on %s", now)
                        .contains("new", "StartWork", "Locate", "Fix", "Confirm");
                for (DemoTimeline.DemoTicket ticket : quarter) {
                    assertThat(ticket.occurredAt()).isBefore(ticket.reportedAt());
                    assertThat(ticket.reportedAt()).isBeforeOrEqualTo(now.minus(DemoTimeline.QUIET_HOUR));
                    Instant previous = ticket.reportedAt();
                    int stage = -1;
                    for (DemoTimeline.Step step : ticket.steps()) {
                        assertThat(step.at()).as("%s on %s", step, now).isAfterOrEqualTo(previous).isBeforeOrEqualTo(now);
                        int next = LIFECYCLE.indexOf(step.getClass());
                        assertThat(next).as("%s after stage %s", step, stage).isGreaterThan(stage);
                        stage = next;
                        previous = step.at();
                    }
                }
            });
        }

        @Test
        void anOnSiteTicketIsFixedOnlyAfterAnArrivalBetweenReportAndRecord() {
            forEveryStart((now, quarter) -> {
                for (DemoTimeline.DemoTicket ticket : quarter) {
                    boolean onsite = ticket.steps().stream().anyMatch(s -> s instanceof DemoTimeline.StartWork start
                            && start.mode() == WorkMode.ONSITE);
                    List<DemoTimeline.Arrive> arrivals = ticket.steps().stream()
                            .filter(DemoTimeline.Arrive.class::isInstance).map(DemoTimeline.Arrive.class::cast).toList();
                    arrivals.forEach(arrive -> assertThat(arrive.arrival()).isAfterOrEqualTo(ticket.reportedAt())
                            .isBeforeOrEqualTo(arrive.at()));
                    if (ticket.steps().stream().anyMatch(DemoTimeline.Fix.class::isInstance)) {
                        assertThat(arrivals).hasSize(onsite ? 1 : 0);
                    }
                }
            });
        }

        @Test
        void theTicketsOwnRulesAcceptEveryStep() {
            forEveryStart((now, quarter) -> {
                for (DemoTimeline.DemoTicket planned : quarter) {
                    SlaContext sla = shipped.get(planned.priority());
                    Ticket ticket = Ticket.open(report(planned), planned.reportedAt(), DemoTimeline.REPORTER, sla,
                            null, null);
                    planned.steps().forEach(step -> step.applyTo(ticket, planned, sla));
                    if (planned.steps().stream().anyMatch(DemoTimeline.Confirm.class::isInstance)) {
                        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
                    }
                }
            });
        }
    }

    @Nested
    class Recurrences {

        @Test
        void areFewButNeverNone() {
            forEveryStart((now, quarter) -> {
                long recurring = quarter.stream().filter(t -> recurs(t, quarter)).count();
                assertThat(recurring).as("recurrences on %s", now).isPositive()
                        .isLessThanOrEqualTo(quarter.size() / 8);
            });
        }

        @Test
        void distinctFaultsOfOneSystemNeverReadAlike() {
            List<DemoTimeline.Fault> faults = DemoTimeline.FAULTS;
            for (int i = 0; i < faults.size(); i++) {
                for (int j = i + 1; j < faults.size(); j++) {
                    DemoTimeline.Fault a = faults.get(i);
                    DemoTimeline.Fault b = faults.get(j);
                    if (a.system().equals(b.system())) {
                        assertThat(similarity(a).sameFaultAs(similarity(b))).as(a.title() + " / " + b.title()).isFalse();
                    }
                }
            }
        }

        /** As the desk decides it: the same fault on the same system, the earlier one closed within 15 days. */
        private boolean recurs(DemoTimeline.DemoTicket ticket, List<DemoTimeline.DemoTicket> quarter) {
            Instant since = ticket.reportedAt().minus(TicketDesk.RECURRENCE_WINDOW);
            return quarter.stream().filter(earlier -> earlier != ticket
                            && earlier.fault().system().equals(ticket.fault().system())
                            && earlier.fault().category() == ticket.fault().category()
                            && similarity(earlier.fault()).sameFaultAs(similarity(ticket.fault())))
                    .flatMap(earlier -> earlier.steps().stream().filter(DemoTimeline.Confirm.class::isInstance))
                    .anyMatch(closed -> !closed.at().isBefore(since) && !closed.at().isAfter(ticket.reportedAt()));
        }

        private static FaultSimilarity similarity(DemoTimeline.Fault fault) {
            return FaultSimilarity.of(fault.title(), fault.phenomenon());
        }
    }

    @Test
    void aQuarterShowsEveryStageSomeLateTicketsAndIsTheSameForTheSameMoment() {
        Instant now = LocalDate.of(2026, 12, 1).atTime(19, 34).toInstant(ZoneOffset.UTC);
        List<DemoTimeline.DemoTicket> quarter = DemoTimeline.quarter(now, TestCalendars.SHANGHAI, this::resolution);
        assertThat(DemoTimeline.quarter(now, TestCalendars.SHANGHAI, this::resolution)).isEqualTo(quarter);
        long late = quarter.stream().filter(t -> t.steps().stream().filter(DemoTimeline.Fix.class::isInstance)
                .anyMatch(fix -> fix.at().isAfter(resolution(t.priority(), t.reportedAt(), 1.0)))).count();
        assertThat(late).as("some tickets were fixed after their resolution target").isPositive();
    }

    private static String stage(DemoTimeline.DemoTicket ticket) {
        List<DemoTimeline.Step> steps = ticket.steps();
        if (steps.isEmpty()) {
            return "new";
        }
        Class<?> last = steps.get(steps.size() - 1).getClass();
        return last == DemoTimeline.Arrive.class ? "StartWork" : last.getSimpleName();
    }

    private interface Check {
        void on(Instant now, List<DemoTimeline.DemoTicket> quarter);
    }

    private void forEveryStart(Check check) {
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            for (LocalTime time : HOURS) {
                Instant now = day.atTime(time).atZone(TestCalendars.SHANGHAI).toInstant();
                check.on(now, DemoTimeline.quarter(now, TestCalendars.SHANGHAI, this::resolution));
            }
        }
    }

    private Instant resolution(Priority priority, Instant reportedAt, double share) {
        SlaContext sla = shipped.get(priority);
        SlaTarget.Effective target = sla.target(TargetKind.RESOLUTION, reportedAt).orElseThrow();
        return target.time(sla.calendar()).plus(reportedAt,
                Duration.ofSeconds((long) (target.length().toSeconds() * share)));
    }

    private static FaultReport report(DemoTimeline.DemoTicket planned) {
        return new FaultReport(planned.fault().title(), planned.fault().phenomenon(),
                planned.occurredAt().atOffset(ZoneOffset.UTC), planned.fault().impact(), List.of(planned.fault().system()),
                planned.fault().category(), null, "信息科值班", planned.contact(), planned.source(), planned.priority());
    }

    /** The four policies V14 ships, on the shipped calendar. */
    private Map<Priority, SlaContext> shippedPolicies() {
        Map<Priority, SlaContext> policies = new EnumMap<>(Priority.class);
        policies.put(Priority.CRITICAL, policy(Priority.CRITICAL, ClockBasis.CALENDAR, 120, ClockBasis.CALENDAR, 60));
        policies.put(Priority.HIGH, policy(Priority.HIGH, ClockBasis.CALENDAR, 180, ClockBasis.CALENDAR, 240));
        policies.put(Priority.MEDIUM, policy(Priority.MEDIUM, ClockBasis.BUSINESS, 600, ClockBasis.BUSINESS, 480));
        policies.put(Priority.LOW, policy(Priority.LOW, ClockBasis.BUSINESS, 600, ClockBasis.BUSINESS, 1440));
        return policies;
    }

    private SlaContext policy(Priority priority, ClockBasis arrivalBasis, int arrival, ClockBasis resolutionBasis,
                              int resolution) {
        List<SlaTarget> targets = new ArrayList<>(List.of(
                new SlaTarget(TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, 60),
                new SlaTarget(TargetKind.ARRIVAL, arrivalBasis, arrival, null),
                new SlaTarget(TargetKind.LOCATION, priority.ordinal() < 2 ? ClockBasis.CALENDAR : ClockBasis.BUSINESS,
                        180, null),
                new SlaTarget(TargetKind.RESOLUTION, resolutionBasis, resolution, null)));
        return new SlaContext(calendar, new SlaPolicy(priority.ordinal() + 1, priority, 1, priority.name(), "default",
                targets, Instant.EPOCH, "system"));
    }
}
