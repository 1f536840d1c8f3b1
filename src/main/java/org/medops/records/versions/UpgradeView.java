package org.medops.records.versions;

import java.time.Instant;
import java.util.List;

import org.medops.opsdesk.ChangeSummary;

/**
 * An upgrade as the API and its agreement page show it: the documents with their revision and state, the change
 * it runs as, and the history of submissions and decisions.
 */
record UpgradeView(long id, String title, String systemCode, String fromVersion, String targetVersion,
                   UpgradeStatus status, String createdBy, Instant createdAt, Document<Assessment> assessment,
                   Document<UpgradePlan> plan, Change change, Instant completedAt, Long versionId,
                   List<Upgrades.Decision> history) {

    /** A document's content, its current revision and where it stands; {@code agreedBy} as signed, or null. */
    record Document<T>(T content, int revision, DocumentState state, String by, Instant at, String agreedBy,
                       String sentBackReason) {
    }

    record Change(long id, String title, ChangeSummary.Status status) {
    }

    public boolean agreed() {
        return assessment.state() == DocumentState.AGREED && plan.state() == DocumentState.AGREED;
    }
}
