package org.medops.opsdesk;

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

    enum State { RUNNING, PAUSED, MET, BREACHED, CANCELLED;

        boolean open() {
            return this == RUNNING || this == PAUSED;
        }
    }

    static SlaClock start(long ticketId, int cycle, TargetKind kind, SlaTarget.Effective target, Instant at,
                          TimeBasis time) {
        return new SlaClock(0, ticketId, cycle, kind, target.basis(), target.length(), at, at, null, Duration.ZERO,
                Duration.ZERO, time.plus(at, target.length()), null, null, 0, State.RUNNING);
    }

    SlaClock pause(Instant at, TimeBasis time) {
        if (state != State.RUNNING) {
            return this;
        }
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, null, at,
                elapsed.plus(time.between(runningSince, at)), paused, dueAt, null, breachedAt, warnedPercent,
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

    /** A new priority: the time spent stays spent, only the target and therefore the due time change. */
    SlaClock retarget(SlaTarget.Effective newTarget, TimeBasis time) {
        if (!state.open()) {
            return this;
        }
        Instant due = state == State.RUNNING ? due(runningSince, elapsed, newTarget.length(), time) : dueAt;
        // A breach noted against the old target is noted again against the new one if it still holds.
        return new SlaClock(id, ticketId, cycle, kind, newTarget.basis(), newTarget.length(), startedAt, runningSince,
                pausedSince, elapsed, paused, due, null, null, warnedPercent, state);
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

    /** Not needed after all (the engineer worked remotely after the on-site clock started). */
    SlaClock cancel(Instant at) {
        if (!state.open()) {
            return this;
        }
        return new SlaClock(id, ticketId, cycle, kind, basis, target, startedAt, null, null, elapsed, paused, dueAt,
                at, null, warnedPercent, State.CANCELLED);
    }

    /** Records the breach at the due time itself, once, while the clock is still running. */
    SlaClock noteBreach(Instant now) {
        if (state == State.RUNNING && breachedAt == null && dueAt != null && !dueAt.isAfter(now)) {
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

    boolean breached() {
        return breachedAt != null || state == State.BREACHED;
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
