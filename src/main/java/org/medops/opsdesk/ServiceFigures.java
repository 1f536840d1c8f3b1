package org.medops.opsdesk;

import java.time.Instant;
import java.util.List;

/**
 * The ops desk's figures of a period for the quarterly and annual service reports (reporting): tickets by
 * priority, system and category with their SLA compliance, recurring faults, outages of critical tickets and the
 * progress of requirements, defects and changes. Implemented by the ops desk's insight feature from the service
 * report's own queries; keys are codes (priorities, categories, statuses, system codes) for the reader to label.
 * Periods are half-open: {@code from} included, {@code to} excluded.
 */
public interface ServiceFigures {

    record Count(String key, long count) {
    }

    /** Finished SLA clocks (first response and resolution) of a group: met and breached. */
    record Compliance(String key, long met, long breached) {

        public long total() {
            return met + breached;
        }

        /** Percent met, one decimal; 100 when nothing finished. */
        public double percent() {
            return total() == 0 ? 100.0 : Math.round(met * 1000.0 / total()) / 10.0;
        }
    }

    /**
     * @param reported tickets reported in the period
     * @param closed   tickets closed in the period
     * @param open     tickets reported before the period's end and not closed by it
     */
    record Tickets(long reported, long closed, long open, List<Count> byPriority, List<Count> bySystem,
                   List<Count> byCategory, Compliance overall, List<Compliance> complianceByPriority,
                   List<Compliance> complianceBySystem, List<Compliance> complianceByCategory) {
    }

    /** A fault that came back: the first ticket and how often it was reported in the period. */
    record RecurringFault(String number, String title, String system, String category, long occurrences,
                          long recurrences) {
    }

    /** A critical ticket's interruption: from the fault to its repair (or the period's end while unrepaired). */
    record Outage(String number, String title, List<String> systems, Instant occurredAt, Instant restoredAt,
                  long minutes) {
    }

    /**
     * @param opened  submitted / reported / planned in the period
     * @param handled answered (requirements), closed or verified (defects), carried out (changes) in the period
     * @param open    still open at the period's end
     * @param byStatus the opened ones by their current status
     */
    record Progress(long opened, long handled, long open, List<Count> byStatus) {
    }

    Tickets tickets(Instant from, Instant to);

    List<RecurringFault> recurringFaults(Instant from, Instant to, int limit);

    List<Outage> criticalOutages(Instant from, Instant to);

    Progress requirements(Instant from, Instant to);

    Progress defects(Instant from, Instant to);

    /** {@code byStatus} of changes also holds the results of the executed ones as {@code result.SUCCESS} etc. */
    Progress changes(Instant from, Instant to);
}
