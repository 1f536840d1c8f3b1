package org.medops.opsdesk.changes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A change as the API and the pages show it: one flat record whose field names are the API's contract (they
 * were the aggregate's before it grew value objects), plus the emergency approval; the page
 * also shows its {@link #timeline()}.
 */
record ChangeView(long id, String title, String systemCode, ChangeEnvironment environment, ChangeRisk risk,
                  String plan, String rollbackPlan, Instant plannedStart, Instant plannedEnd, ChangeStatus status,
                  String requestedBy, Instant requestedAt, String authorizedBy, String authorizerName,
                  String authorizationStatement, Instant authorizedAt, Instant startedAt, Instant finishedAt,
                  ChangeResult result, String executionNotes, String cancelledBy, Instant cancelledAt,
                  String cancelReason, String emergencyReason, EmergencyDecision emergencyDecision,
                  String emergencyRequestedBy, Instant emergencyRequestedAt, String emergencyDecidedBy,
                  String emergencyDeciderName, Instant emergencyDecidedAt, String emergencyDecisionReason,
                  boolean emergencyStart) {

    /** One line of the change's history; {@code kind} names its message ({@code changes.timeline.<kind>}). */
    record Entry(String kind, Instant at, String by, String note) {
    }

    static ChangeView of(Change c) {
        NewChange p = c.plan();
        Change.Authorization a = c.authorization();
        Change.Execution x = c.execution();
        Change.Cancellation k = c.cancellation();
        Change.Emergency e = c.emergency();
        Change.Signed asked = e == null ? null : e.requested();
        Change.Authorization decided = e == null ? null : e.decided();
        return new ChangeView(c.id(), p.title(), p.systemCode(), p.environment(), p.risk(), p.plan(), p.rollbackPlan(),
                p.plannedStart(), p.plannedEnd(), c.status(), c.requested().by(), c.requested().at(),
                a == null ? null : a.by(), a == null ? null : a.signerName(), a == null ? null : a.statement(),
                a == null ? null : a.at(), x == null ? null : x.startedAt(), x == null ? null : x.finishedAt(),
                x == null ? null : x.result(), x == null ? null : x.notes(), k == null ? null : k.by(),
                k == null ? null : k.at(), k == null ? null : k.reason(), e == null ? null : e.reason(),
                e == null ? null : e.decision(), asked == null ? null : asked.by(), asked == null ? null : asked.at(),
                decided == null ? null : decided.by(), decided == null ? null : decided.signerName(),
                decided == null ? null : decided.at(), decided == null ? null : decided.statement(),
                c.emergencyStart());
    }

    /** The steps the change records, oldest first, for the detail page. */
    public List<Entry> timeline() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("requested", requestedAt, requestedBy, null));
        if (authorizedAt != null) {
            entries.add(new Entry(status == ChangeStatus.REFUSED ? "refused" : "authorized", authorizedAt,
                    authorizerName, authorizationStatement));
        }
        if (emergencyRequestedAt != null) {
            entries.add(new Entry("emergency-requested", emergencyRequestedAt, emergencyRequestedBy, emergencyReason));
        }
        if (emergencyDecidedAt != null) {
            entries.add(new Entry("emergency-" + emergencyDecision.code(), emergencyDecidedAt, emergencyDeciderName,
                    emergencyDecisionReason));
        }
        if (startedAt != null) {
            entries.add(new Entry(emergencyStart ? "emergency-started" : "started", startedAt, null,
                    emergencyStart && emergencyRequestedAt == null ? emergencyReason : null));
        }
        if (finishedAt != null) {
            entries.add(new Entry("finished-" + result.name().toLowerCase(), finishedAt, null, executionNotes));
        }
        if (cancelledAt != null) {
            entries.add(new Entry("cancelled", cancelledAt, cancelledBy, cancelReason));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }
}
