package org.medops.opsdesk.tickets;

import org.medops.opsdesk.calendar.BusinessCalendar;
import org.medops.opsdesk.calendar.TestCalendars;
import org.medops.opsdesk.calendar.TimeBasis;
import org.medops.opsdesk.calendar.WorkingHours;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.SlaTarget;
import org.medops.opsdesk.sla.TargetKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.opsdesk.calendar.TestCalendars.at;
import static org.medops.opsdesk.calendar.TestCalendars.local;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An SLA clock on the standard calendar: pauses, new targets, stops, 24×7 and arrival-dependent targets. */
class SlaClockTest {

    private final BusinessCalendar calendar = TestCalendars.standard();

    private SlaClock businessClock(String start, int minutes) {
        return SlaClock.start(1, 1, TargetKind.RESOLUTION,
                new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofMinutes(minutes)), at(start), calendar);
    }

    @Nested
    class Pausing {

        @Test
        void pausedTimeDoesNotCountAndTheDueTimeMovesOn() {
            SlaClock clock = businessClock("2026-11-23T09:00+08:00", 480);
            assertThat(local(clock.dueAt())).isEqualTo("2026-11-23T17:00+08:00");

            SlaClock paused = clock.pause(at("2026-11-23T10:00+08:00"), calendar);
            assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(paused.elapsedAt(at("2026-11-24T10:00+08:00"), calendar)).isEqualTo(Duration.ofHours(1));

            SlaClock resumed = paused.resume(at("2026-11-24T10:00+08:00"), calendar);
            assertThat(resumed.paused()).as("business time while paused: 8 h Monday + 2 h Tuesday")
                    .isEqualTo(Duration.ofHours(10));
            assertThat(local(resumed.dueAt())).isEqualTo("2026-11-24T17:00+08:00");
            assertThat(resumed.state()).isEqualTo(SlaClock.State.RUNNING);
        }

        @Test
        void aPauseOverTheNationalDayHolidayCostsNothing() {
            SlaClock clock = businessClock("2026-09-30T16:00+08:00", 240)
                    .pause(at("2026-09-30T17:00+08:00"), calendar)
                    .resume(at("2026-10-08T08:00+08:00"), calendar);
            assertThat(clock.paused()).isEqualTo(Duration.ofHours(1));
            assertThat(local(clock.dueAt())).isEqualTo("2026-10-08T11:00+08:00");
        }

        @Test
        void stoppingWhilePausedKeepsThePauseOutOfTheElapsedTime() {
            SlaClock stopped = businessClock("2026-11-23T09:00+08:00", 60)
                    .pause(at("2026-11-23T09:30+08:00"), calendar)
                    .stop(at("2026-11-25T09:00+08:00"), calendar);
            assertThat(stopped.state()).isEqualTo(SlaClock.State.MET);
            assertThat(stopped.elapsed()).isEqualTo(Duration.ofMinutes(30));
            assertThat(stopped.paused()).as("8.5 h Monday, 10 h Tuesday, 1 h Wednesday").isEqualTo(Duration.ofHours(19).plusMinutes(30));
        }
    }

    @Nested
    class ChangingPriority {

        @Test
        void keepsTheElapsedTimeAndRecomputesTheDueTime() {
            SlaClock clock = businessClock("2026-11-23T09:00+08:00", 1440)
                    .pause(at("2026-11-23T10:00+08:00"), calendar)
                    .resume(at("2026-11-23T11:00+08:00"), calendar);
            SlaClock urgent = clock.retarget(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofHours(4)),
                    calendar);
            assertThat(urgent.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(local(urgent.dueAt())).as("1 h spent, 3 h left from 11:00").isEqualTo("2026-11-23T14:00+08:00");
            assertThat(urgent.paused()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void aPausedClockKeepsItsPauseAcrossAPriorityChange() {
            SlaClock paused = businessClock("2026-11-23T09:00+08:00", 480).pause(at("2026-11-23T11:00+08:00"), calendar);
            SlaClock resumed = paused.retarget(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofHours(4)), calendar)
                    .resume(at("2026-11-24T08:00+08:00"), calendar);
            assertThat(local(resumed.dueAt())).isEqualTo("2026-11-24T10:00+08:00");
            assertThat(resumed.paused()).isEqualTo(Duration.ofHours(7));
        }

        @Test
        void aPausedClockAlreadyOverItsNewTargetIsBreachedWhenItWasPausedAtTheLatest() {
            SlaClock paused = businessClock("2026-11-23T09:00+08:00", 480).pause(at("2026-11-23T15:00+08:00"), calendar);
            SlaClock urgent = paused.retarget(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofHours(4)), calendar);
            assertThat(local(urgent.breachedAt())).isEqualTo("2026-11-23T15:00+08:00");
            SlaClock stopped = urgent.stop(at("2026-11-24T09:00+08:00"), calendar);
            assertThat(stopped.state()).isEqualTo(SlaClock.State.BREACHED);
            assertThat(stopped.breachedAt()).isBeforeOrEqualTo(stopped.stoppedAt());
        }

        @Test
        void warningsStartOverAgainstTheNewTarget() {
            SlaClock warned = businessClock("2026-11-23T09:00+08:00", 60).warned(100);
            assertThat(warned.retarget(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofHours(8)), calendar)
                    .warnedPercent()).isZero();
        }

        @Test
        void aShorterTargetAlreadyExceededIsBreachedAtTheMomentItWasReached() {
            SlaClock clock = businessClock("2026-11-23T09:00+08:00", 1440);
            SlaClock urgent = clock.retarget(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofHours(4)),
                    calendar).noteBreach(at("2026-11-23T16:00+08:00"));
            assertThat(local(urgent.breachedAt())).isEqualTo("2026-11-23T13:00+08:00");
        }
    }

    @Nested
    class Outcomes {

        @Test
        void metWhenStoppedWithinTheTargetBreachedAtTheDueTimeOtherwise() {
            SlaClock clock = businessClock("2026-11-20T17:00+08:00", 120);
            assertThat(clock.stop(at("2026-11-23T08:59+08:00"), calendar).state()).isEqualTo(SlaClock.State.MET);
            SlaClock late = clock.noteBreach(at("2026-11-23T09:05+08:00")).stop(at("2026-11-23T10:00+08:00"), calendar);
            assertThat(late.state()).isEqualTo(SlaClock.State.BREACHED);
            assertThat(local(late.breachedAt())).isEqualTo("2026-11-23T09:00+08:00");
            assertThat(late.elapsed()).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void aBreachBeforeAPauseKeepsItsRealMoment() {
            SlaClock paused = businessClock("2026-11-23T09:00+08:00", 60).pause(at("2026-11-23T11:00+08:00"), calendar);
            assertThat(local(paused.breachedAt())).isEqualTo("2026-11-23T10:00+08:00");
            assertThat(local(paused.resume(at("2026-11-24T09:00+08:00"), calendar).breachedAt()))
                    .isEqualTo("2026-11-23T10:00+08:00");
        }

        @Test
        void stoppingExactlyAtTheDueTimeIsMetAndNotBreached() {
            SlaClock clock = businessClock("2026-11-23T09:00+08:00", 60);
            assertThat(clock.noteBreach(at("2026-11-23T10:00+08:00")).breachedAt()).isNull();
            assertThat(clock.stop(at("2026-11-23T10:00+08:00"), calendar).state()).isEqualTo(SlaClock.State.MET);
        }

        @Test
        void aChangedCalendarMovesTheDueTimeButNotTheTimeSpent() {
            SlaClock clock = businessClock("2026-11-23T09:00+08:00", 480).pause(at("2026-11-23T10:00+08:00"), calendar)
                    .resume(at("2026-11-23T11:00+08:00"), calendar);
            BusinessCalendar mornings = TestCalendars.weekdays(WorkingHours.of("08:00", "12:00"));
            SlaClock moved = clock.recalculated(mornings);
            assertThat(moved.elapsed()).isEqualTo(Duration.ofHours(1));
            assertThat(local(moved.dueAt())).as("7 h left from Monday 11:00 on four-hour mornings")
                    .isEqualTo("2026-11-25T10:00+08:00");
        }

        @Test
        void noWarningClimbsOvernightOnABusinessClock() {
            SlaClock clock = businessClock("2026-11-23T17:00+08:00", 480);
            assertThat(clock.percentUsedAt(at("2026-11-24T00:00+08:00"), calendar)).isEqualTo(12);
            assertThat(clock.percentUsedAt(at("2026-11-24T07:59+08:00"), calendar)).isEqualTo(12);
            assertThat(clock.percentUsedAt(at("2026-11-24T12:00+08:00"), calendar)).isEqualTo(62);
        }
    }

    @Nested
    class Targets {

        @Test
        void aroundTheClockTargetsCountNightsAndHolidays() {
            SlaClock clock = SlaClock.start(1, 1, TargetKind.RESOLUTION,
                    new SlaTarget.Effective(ClockBasis.CALENDAR, Duration.ofHours(1)), at("2026-10-01T23:30+08:00"),
                    TimeBasis.AROUND_THE_CLOCK);
            assertThat(local(clock.dueAt())).isEqualTo("2026-10-02T00:30+08:00");
        }

        @Test
        void theResponseTargetDependsOnWhenTheTicketArrived() {
            SlaTarget response = new SlaTarget(TargetKind.RESPONSE, ClockBasis.BUSINESS, 30, 60);
            SlaTarget.Effective inside = response.effectiveFor(calendar, at("2026-11-23T09:00+08:00"));
            SlaTarget.Effective outside = response.effectiveFor(calendar, at("2026-11-21T10:00+08:00"));
            assertThat(inside).isEqualTo(new SlaTarget.Effective(ClockBasis.BUSINESS, Duration.ofMinutes(30)));
            assertThat(outside).isEqualTo(new SlaTarget.Effective(ClockBasis.CALENDAR, Duration.ofMinutes(60)));
            SlaClock saturday = SlaClock.start(1, 1, TargetKind.RESPONSE, outside, at("2026-11-21T10:00+08:00"),
                    outside.time(calendar));
            assertThat(local(saturday.dueAt())).isEqualTo("2026-11-21T11:00+08:00");
        }
    }
}
