package org.medops.opsdesk.sla;

import org.medops.opsdesk.Priority;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The targets tickets of one priority are measured against, in one version. */
public record SlaPolicy(long id, Priority priority, int version, String name, String calendarCode,
                        List<SlaTarget> targets, Instant createdAt, String createdBy) {

    public SlaPolicy {
        targets = List.copyOf(targets);
    }

    public Optional<SlaTarget> target(TargetKind kind) {
        return targets.stream().filter(t -> t.kind() == kind).findFirst();
    }
}
