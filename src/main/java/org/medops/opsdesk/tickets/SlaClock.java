package org.medops.opsdesk.tickets;

import org.medops.opsdesk.calendar.TimeBasis;
import org.medops.opsdesk.sla.ClockBasis;
import org.medops.opsdesk.sla.SlaTarget;
import org.medops.opsdesk.sla.TargetKind;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's clock on one ticket cycle. It accumulates elapsed time while it runs, not while it is
 * paused, so the due time is always "the running start plus what is left" and a pause or a new target
 * never loses time already spent. Outcomes are stored when the clock stops and never recomputed.
 */
record SlaClock(long id, long ticketId, int cycle, TargetKind kind, ClockBasis basis, Duration target,
                Instant startedAt, Instant runningSince, Instant pausedSince, Duration elapsed, Duration paused,
                Instant dueAt, Instant stoppedAt, Instant breachedAt, int warnedPercent, State state) {

    enum State { RUNNING, PAUSED, MET, BREACHED;

        boolean open() {
            return this == RUNNING || this == PAUSED;
        }
    }

    static SlaClock start(long ticketId, int cycle, TargetKind kind, SlaTarget.Effective target, Instant at,
                          TimeBasis time) {
        return new SlaClock(0, ticketId, cycle, kind, target.basis(), target.length(), at, at, null, Duration.ZERO,
                Duration.ZERO, time.plus(at, target.length()), null, null, 0, State.RUNNING);
    }

    /**
     * A clock that should have run since {@code startedAt} but is created only now (on-site arrival, decided
     * when the work starts): it takes over the time another clock of the same start and basis has spent
     * and the pauses it has had, so waiting for the hospital never counts against it.
     */
    static SlaClock takingOver(long ticketId, int cycle, TargetKind kind, SlaTarget.Effective target,
                               SlaClock sameStart, Instant at, TimeBasis time) {
        Duration spent = sameStart.elapsedAt(at, time);
        return new SlaClock(0, ticketId, cycle, kind, target.basis(), target.length(), sameStart.startedAt(), at, null,
                spent, sameStart.paused(), due(at, spent, target.length(), time), null, null, 0, State.RUNNING);
    }

    SlaClock pause(Instant at, TimeBasis time) {
        if (state != State.RUNNING) {
            return this;
        }
        // A breach that happened before the pause keeps its real moment, whether or not the watch saw it yet.
        SlaClock seen = noteBreach(at);
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, null, at,
                elapsed.plus(time.between(runningSince, at)), paused, dueAt, null, seen.breachedAt, warnedPercent,
                State.PAUSED);
    }

    SlaClock resume(Instant at, TimeBasis time) {
        if (state != State.PAUSED) {
            return this;
        }
        Duration pausedNow = paused.plus(time.between(pausedSince, at));
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, at, null, elapsed, pausedNow,
                due(at, elapsed, target, time), null, breachedAt, warnedPercent, State.RUNNING);
    }

    /**
     * A new priority: the time spent stays spent, only the target and therefore the due time change. The
     * warnings start over against the new target; a breach is noted again if it still holds. A paused clock
     * already over its new target counts as breached when it was paused at the latest.
     */
    SlaClock retarget(SlaTarget.Effective newTarget, TimeBasis time) {
        if (!state.open()) {
            return this;
        }
        boolean overWhilePaused = state == State.PAUSED && elapsed.compareTo(newTarget.length()) >= 0;
        Instant due = state == State.RUNNING ? due(runningSince, elapsed, newTarget.length(), time)
                : overWhilePaused ? pausedSince : null;
        return new SlaClock(id, ticketId, cycle, kind, newTarget.basis(), newTarget.length(), startedAt, runningSince,
                pausedSince, elapsed, paused, due, null, overWhilePaused ? pausedSince : null, 0, state);
    }

    /** The due time again on a changed calendar; a breach noted before stands only if the new due time confirms it. */
    SlaClock recalculated(TimeBasis time) {
        if (state != State.RUNNING) {
            return this;
        }
        Instant due = due(runningSince, elapsed, target, time);
        Instant breach = breachedAt != null && !due.isAfter(breachedAt) ? due : null;
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, runningSince, pausedSince, elapsed,
                paused, due, stoppedAt, breach, warnedPercent, state);
    }

    SlaClock stop(Instant at, TimeBasis time) {
        if (!state.open()) {
            return this;
        }
        Duration spent = elapsedAt(at, time);
        Duration pausedNow = state == State.PAUSED ? paused.plus(time.between(pausedSince, at)) : paused;
        boolean met = spent.compareTo(target) <= 0;
        Instant breach = met ? null : breachedAt != null ? breachedAt : dueAt != null ? dueAt : at;
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, null, null, spent, pausedNow, dueAt,
                at, breach, warnedPercent, met ? State.MET : State.BREACHED);
    }

    /** Records the breach at the due time itself, once, while the clock is still running past it. */
    SlaClock noteBreach(Instant now) {
        if (state == State.RUNNING && breachedAt == null && dueAt != null && dueAt.isBefore(now)) {
            return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, runningSince, pausedSince,
                    elapsed, paused, dueAt, stoppedAt, dueAt, warnedPercent, state);
        }
        return this;
    }

    SlaClock warned(int percent) {
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, runningSince, pausedSince, elapsed,
                paused, dueAt, stoppedAt, breachedAt, percent, state);
    }

    Duration elapsedAt(Instant now, TimeBasis time) {
        return state == State.RUNNING ? elapsed.plus(time.between(runningSince, now)) : elapsed;
    }

    /** Share of the target used, in percent (a zero target is fully used at once). */
    int percentUsedAt(Instant now, TimeBasis time) {
        if (target.isZero()) {
            return 100;
        }
        return (int) Math.min(10_000, elapsedAt(now, time).toSeconds() * 100 / Math.max(1, target.toSeconds()));
    }

    SlaClock withId(long newId) {
        return new SlaClock(newId, ticketId, cycle, kind, basis, target, startedAt, runningSince, pausedSince, elapsed,
                paused, dueAt, stoppedAt, breachedAt, warnedPercent, state);
    }

    private static Instant due(Instant runningFrom, Duration spent, Duration length, TimeBasis time) {
        Duration left = length.minus(spent);
        // Already over the target before this running stretch: it was due when the stretch began at the latest.
        return left.isNegative() ? runningFrom : time.plus(runningFrom, left);
    }
}
