package org.medops.inspection.schedules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.inspection.rounds.RoundDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a {@link RoundDue} for each schedule that fell due. Nodes tick independently; each takes the due rows
 * with {@code FOR UPDATE SKIP LOCKED}, so a row another node is handling is passed over, and the occurrence is
 * claimed in {@code inspection_schedule_runs} (unique per schedule and due time) before it is published, so it is
 * asked for once even if a node retries. Occurrences missed while MedOps was down are asked for once, not one by one.
 */
@Component
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final int BATCH = 50;

    private final ScheduleStore store;
    private final Schedules schedules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CalendarSource calendar;
    private final java.util.concurrent.atomic.AtomicReference<Instant> calendarSeen =
            new java.util.concurrent.atomic.AtomicReference<>();

    ScheduleRunner(ScheduleStore store, Schedules schedules, ApplicationEventPublisher events, Clock clock,
                   CalendarSource calendar) {
        this.store = store;
        this.schedules = schedules;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Scheduled(fixedDelayString = "${medops.inspection.schedule-interval:30s}",
            initialDelayString = "${medops.inspection.schedule-interval:30s}")
    void tick() {
        followCalendar();
        List<RoundDue> published = runDue(clock.instant());
        if (!published.isEmpty()) {
            log.info("Asked for {} scheduled inspection round(s)", published.size());
        }
    }

    /** The rounds this node asked for, those due at {@code now}. */
    @Transactional
    List<RoundDue> runDue(Instant now) {
        List<RoundDue> published = new ArrayList<>();
        HolidayEves eves = null;
        for (Schedule s : store.lockDue(now, BATCH)) {
            if (store.claim(s.id(), s.nextDueAt(), now)) {
                RoundDue due = s.due();
                events.publishEvent(due);
                published.add(due);
            }
            eves = eves == null ? schedules.eves() : eves;
            store.moveOn(s.id(), s.nextDueAt(), schedules.next(s.details().rule(), now, eves));
        }
        return published;
    }

    /** Recomputes every next occurrence when this node first ticks and whenever a holiday table was imported. */
    private void followCalendar() {
        Instant imported = calendar.lastImported();
        Instant seen = calendarSeen.getAndSet(imported == null ? Instant.EPOCH : imported);
        if (seen == null || !seen.equals(imported == null ? Instant.EPOCH : imported)) {
            schedules.recomputeNextDue();
        }
    }
}
