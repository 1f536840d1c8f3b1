package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;
import org.medops.opsdesk.calendar.TestCalendars;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.Escalation;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.SlaPolicy;
import org.medops.opsdesk.sla.SlaTarget;
import org.medops.opsdesk.sla.TargetKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medops.opsdesk.calendar.TestCalendars.at;
import static org.medops.opsdesk.calendar.TestCalendars.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

/** The ticket's lifecycle and SLA watch on the standard calendar, without a database. */
class TicketTest {

    private static final SlaPolicy MEDIUM = new SlaPolicy(1, Priority.MEDIUM, 1, "三级", "default", List.of(
            new SlaTarget(TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, 60),
            new SlaTarget(TargetKind.LOCATION, ClockBasis.BUSINESS, 180, null),
            new SlaTarget(TargetKind.RESOLUTION, ClockBasis.BUSINESS, 480, null)), Instant.EPOCH, "system");
    private static final SlaPolicy CRITICAL = new SlaPolicy(2, Priority.CRITICAL, 1, "一级", "default", List.of(
            new SlaTarget(TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, 60),
            new SlaTarget(TargetKind.RESOLUTION, ClockBasis.CALENDAR, 60, null)), Instant.EPOCH, "system");
    private static final List<Escalation> LEVELS = List.of(new Escalation(50, "ENGINEER", List.of()),
            new Escalation(75, "SERVICE_MANAGER", List.of()), new Escalation(90, "PROJECT_MANAGER", List.of(7L)),
            new Escalation(100, "PROJECT_MANAGER", List.of(7L)));

    private final SlaContext medium = new SlaContext(TestCalendars.standard(), MEDIUM);
    private final SlaContext critical = new SlaContext(TestCalendars.standard(), CRITICAL);

    private Ticket reported(String at, SlaContext sla) {
        FaultReport report = new FaultReport("LIS 报告无法回传", "审核后医生站不可见", at(at).atOffset(ZoneOffset.UTC), "住院部",
                List.of("LIS"), FaultCategory.INTERFACE, null, "刘芳", "8123", ReportSource.PHONE, sla.policy().priority());
        return Ticket.open(report, at(at), "nurse", sla, null, null);
    }

    @Nested
    class Lifecycle {

        @Test
        void theLocationClockStartsAtTheFirstResponse() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", medium);
            assertThat(ticket.clock(TargetKind.LOCATION)).isEmpty();
            ticket.accept("eng", at("2026-11-23T09:20+08:00"), medium);
            assertThat(ticket.clock(TargetKind.RESPONSE).orElseThrow().state()).isEqualTo(SlaClock.State.MET);
            assertThat(local(ticket.clock(TargetKind.LOCATION).orElseThrow().dueAt())).isEqualTo("2026-11-23T12:20+08:00");
        }

        @Test
        void stepsOutOfOrderAreRefused() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", medium);
            assertThatThrownBy(() -> ticket.fix("x", "eng", at("2026-11-23T09:10+08:00"), medium))
                    .isInstanceOf(ProblemException.class).hasMessage("ticket-transition");
            assertThatThrownBy(() -> ticket.confirm(new Ticket.Confirmation("owner", "王", "ok",
                    at("2026-11-23T09:10+08:00")), medium)).hasMessage("ticket-transition");
        }

        @Test
        void waitingForTheHospitalPausesEveryRunningClockAndComesBackToTheSameStep() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", medium);
            ticket.accept("eng", at("2026-11-23T09:10+08:00"), medium);
            ticket.startWork(WorkMode.REMOTE, "eng", at("2026-11-23T09:15+08:00"), medium);
            ticket.awaitInformation("请提供截图", "eng", at("2026-11-23T10:00+08:00"), medium);
            assertThat(ticket.clocks()).filteredOn(c -> c.state().open())
                    .allMatch(c -> c.state() == SlaClock.State.PAUSED);
            ticket.informationReceived("nurse", at("2026-11-24T10:00+08:00"), medium);
            assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(local(ticket.clock(TargetKind.RESOLUTION).orElseThrow().dueAt()))
                    .as("1 h used on Monday, 7 h left from Tuesday 10:00").isEqualTo("2026-11-24T17:00+08:00");
        }
    }

    @Nested
    class Reopening {

        @Test
        void aReopenArchivesTheSignedCycleAndStartsAnEmptyOneWithNewClocks() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", medium);
            ticket.accept("eng", at("2026-11-23T09:10+08:00"), medium);
            ticket.startWork(WorkMode.ONSITE, "eng", at("2026-11-23T09:15+08:00"), medium);
            ticket.arrive(at("2026-11-23T09:40+08:00"), "eng", at("2026-11-23T09:45+08:00"), medium);
            ticket.fix("更换网线", "eng", at("2026-11-23T10:00+08:00"), medium);
            ticket.confirm(new Ticket.Confirmation("owner", "王强", "已恢复", at("2026-11-23T10:30+08:00")), medium);
            assertThat(ticket.archivedCycle()).isEmpty();

            ticket.reopen("又坏了", "nurse", at("2026-11-24T09:00+08:00"), medium);

            Ticket.Cycle closed = ticket.archivedCycle().orElseThrow();
            assertThat(closed.number()).isEqualTo(1);
            assertThat(closed.workMode()).isEqualTo(WorkMode.ONSITE);
            assertThat(closed.fixSummary()).isEqualTo("更换网线");
            assertThat(closed.confirmation().name()).isEqualTo("王强");
            assertThat(closed.closedAt()).isEqualTo(at("2026-11-23T10:30+08:00"));
            Ticket.Cycle next = ticket.cycle();
            assertThat(next.number()).isEqualTo(2);
            assertThat(next.startedAt()).isEqualTo(at("2026-11-24T09:00+08:00"));
            assertThat(next.fixSummary()).isNull();
            assertThat(next.confirmation()).isNull();
            assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
            assertThat(ticket.clocks()).extracting(SlaClock::cycle).containsOnly(2);
        }

        @Test
        void onlyAClosedTicketReopens() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", medium);
            assertThatThrownBy(() -> ticket.reopen("x", "nurse", at("2026-11-23T09:10+08:00"), medium))
                    .hasMessage("ticket-transition");
            assertThat(ticket.cycle().number()).isEqualTo(1);
        }
    }

    @Nested
    class OnSite {

        @Test
        void waitingForTheHospitalBeforeTheWorkStartsDoesNotCountAgainstTheArrival() {
            SlaPolicy withArrival = new SlaPolicy(3, Priority.MEDIUM, 1, "三级", "default", List.of(
                    new SlaTarget(TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, null),
                    new SlaTarget(TargetKind.ARRIVAL, ClockBasis.BUSINESS, 180, null),
                    new SlaTarget(TargetKind.RESOLUTION, ClockBasis.BUSINESS, 480, null)), Instant.EPOCH, "system");
            SlaContext sla = new SlaContext(TestCalendars.standard(), withArrival);
            Ticket ticket = reported("2026-11-23T09:00+08:00", sla);
            ticket.accept("eng", at("2026-11-23T09:10+08:00"), sla);
            ticket.awaitInformation("请确认哪台设备", "eng", at("2026-11-23T09:30+08:00"), sla);
            ticket.informationReceived("nurse", at("2026-11-23T11:30+08:00"), sla);
            ticket.startWork(WorkMode.ONSITE, "eng", at("2026-11-23T11:40+08:00"), sla);
            SlaClock arrival = ticket.clock(TargetKind.ARRIVAL).orElseThrow();
            assertThat(arrival.elapsed()).as("09:00–09:30 and 11:30–11:40").isEqualTo(java.time.Duration.ofMinutes(40));
            assertThat(local(arrival.dueAt())).isEqualTo("2026-11-23T14:00+08:00");
        }
    }

    @Nested
    class Watching {

        @Test
        void aBusinessClockDoesNotEscalateOvernight() {
            Ticket ticket = reported("2026-11-23T17:30+08:00", medium);
            ticket.accept("eng", at("2026-11-23T17:40+08:00"), medium);
            assertThat(ticket.watch(at("2026-11-24T03:00+08:00"), medium, LEVELS)).isEmpty();
            List<Ticket.Warning> morning = ticket.watch(at("2026-11-24T10:30+08:00"), medium, LEVELS);
            assertThat(morning).extracting(w -> w.clock().kind() + "@" + w.level().percent())
                    .containsExactly("LOCATION@90");
        }

        @Test
        void aClockThatSkippedLevelsIsEscalatedToTheHighestOnlyAndOnce() {
            Ticket ticket = reported("2026-11-23T09:00+08:00", critical);
            List<Ticket.Warning> first = ticket.watch(at("2026-11-23T09:28+08:00"), critical, LEVELS);
            assertThat(first).extracting(w -> w.clock().kind() + "@" + w.level().percent())
                    .as("response 93 %: the 50 and 75 levels are skipped; resolution at 46 %").containsExactly("RESPONSE@90");
            assertThat(ticket.watch(at("2026-11-23T09:29+08:00"), critical, LEVELS)).isEmpty();
            assertThat(ticket.watch(at("2026-11-23T09:40+08:00"), critical, LEVELS))
                    .extracting(w -> w.clock().kind() + "@" + w.level().percent()).containsExactly("RESPONSE@100", "RESOLUTION@50");
            List<Ticket.Warning> late = ticket.watch(at("2026-11-23T10:01+08:00"), critical, LEVELS);
            assertThat(late).extracting(w -> w.clock().kind() + "@" + w.level().percent())
                    .containsExactly("RESOLUTION@100");
            assertThat(local(ticket.clock(TargetKind.RESOLUTION).orElseThrow().breachedAt()))
                    .isEqualTo("2026-11-23T10:00+08:00");
            assertThat(ticket.newEntries()).extracting(TimelineEntry::kind).contains("SLA_WARNING", "SLA_BREACHED");
        }
    }
}
