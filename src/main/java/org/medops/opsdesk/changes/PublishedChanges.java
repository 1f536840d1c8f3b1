package org.medops.opsdesk.changes;

import java.util.List;
import java.util.Optional;

import org.medops.opsdesk.ChangeLookup;
import org.medops.opsdesk.ChangeSummary;
import org.springframework.stereotype.Component;

/** The ops desk's published face of its changes ({@link ChangeLookup}). */
@Component
class PublishedChanges implements ChangeLookup {

    private final Changes changes;

    PublishedChanges(Changes changes) {
        this.changes = changes;
    }

    @Override
    public Optional<ChangeSummary> find(long id) {
        return changes.find(id).map(PublishedChanges::summary);
    }

    @Override
    public List<ChangeSummary> forSystem(String systemCode, int limit) {
        return changes.forSystem(systemCode, Math.max(1, Math.min(limit, 200))).stream().map(PublishedChanges::summary)
                .toList();
    }

    static ChangeSummary summary(Change c) {
        return new ChangeSummary(c.id(), c.title(), c.plan().systemCode(), ChangeSummary.Status.valueOf(c.status().name()),
                c.plannedStart(), c.plannedEnd(), c.requested().by(),
                c.execution() == null ? null : c.execution().finishedAt());
    }
}
