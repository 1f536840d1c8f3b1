package org.medops.records.versions;

import java.time.Instant;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An upgrade (产品升级) of a system to a target version, carried out as an ops desk change. The hospital agrees to the
 * assessment report and to the upgrade plan — each on its own, or sends it back with a reason, after which the
 * engineer revises it — and only then may the change be authorized. Each step returns the upgrade as it is
 * afterwards, or refuses.
 *
 * @param assessmentReview where the current revision of the assessment stands
 */
record Upgrade(long id, long changeId, String systemCode, String title, String fromVersion, String targetVersion,
               UpgradeStatus status, String createdBy, Instant createdAt, Assessment assessment,
               Review assessmentReview, UpgradePlan plan, Review planReview, Instant completedAt, Long versionId) {

    /** A document's revision and its state, with the last step taken on it (submitted or decided): by, at. */
    record Review(int revision, DocumentState state, String by, Instant at) {
    }

    static Upgrade draft(long changeId, String systemCode, String title, String fromVersion, String targetVersion,
                         Assessment assessment, UpgradePlan plan, String by, Instant at) {
        return new Upgrade(0, changeId, systemCode, title, fromVersion, targetVersion.strip(), UpgradeStatus.PREPARING,
                by, at, assessment.trimmed(), new Review(1, DocumentState.PENDING, by, at), plan.trimmed(),
                new Review(1, DocumentState.PENDING, by, at), null, null);
    }

    Review review(UpgradeDocument document) {
        return document == UpgradeDocument.ASSESSMENT ? assessmentReview : planReview;
    }

    boolean agreed() {
        return assessmentReview.state() == DocumentState.AGREED && planReview.state() == DocumentState.AGREED;
    }

    /** A new revision of the assessment; an agreed one stands as agreed. */
    Upgrade revise(Assessment revised, String by, Instant at) {
        Review next = revision(UpgradeDocument.ASSESSMENT, by, at);
        return new Upgrade(id, changeId, systemCode, title, fromVersion, targetVersion, status, createdBy, createdAt,
                revised.trimmed(), next, plan, planReview, completedAt, versionId);
    }

    Upgrade revise(UpgradePlan revised, String by, Instant at) {
        Review next = revision(UpgradeDocument.PLAN, by, at);
        return new Upgrade(id, changeId, systemCode, title, fromVersion, targetVersion, status, createdBy, createdAt,
                assessment, assessmentReview, revised.trimmed(), next, completedAt, versionId);
    }

    /** The hospital agrees to the document's current revision; never whoever drafted the upgrade. */
    Upgrade agree(UpgradeDocument document, String by, Instant at) {
        pending(document, by);
        return with(document, new Review(review(document).revision(), DocumentState.AGREED, by, at));
    }

    /** The hospital sends the document back; the reason is what the engineer revises against. */
    Upgrade sendBack(UpgradeDocument document, String reason, String by, Instant at) {
        pending(document, by);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason-required");
        }
        return with(document, new Review(review(document).revision(), DocumentState.SENT_BACK, by, at));
    }

    /** The change finished: a success installs the target version (registered as {@code installedVersion}). */
    Upgrade concluded(boolean installed, Long installedVersion, Instant at) {
        if (status != UpgradeStatus.AGREED) {
            throw ProblemException.conflict("upgrade-state-illegal", Long.toString(id), status, "conclude");
        }
        return new Upgrade(id, changeId, systemCode, title, fromVersion, targetVersion,
                installed ? UpgradeStatus.INSTALLED : UpgradeStatus.NOT_INSTALLED, createdBy, createdAt, assessment,
                assessmentReview, plan, planReview, at, installedVersion);
    }

    private Review revision(UpgradeDocument document, String by, Instant at) {
        Review current = review(document);
        if (status != UpgradeStatus.PREPARING || current.state() == DocumentState.AGREED) {
            throw ProblemException.conflict("upgrade-document-agreed", Long.toString(id), document.name());
        }
        return new Review(current.revision() + 1, DocumentState.PENDING, by, at);
    }

    private void pending(UpgradeDocument document, String by) {
        if (status != UpgradeStatus.PREPARING) {
            throw ProblemException.conflict("upgrade-state-illegal", Long.toString(id), status, document.code());
        }
        if (review(document).state() != DocumentState.PENDING) {
            throw ProblemException.conflict("upgrade-document-not-pending", Long.toString(id), document.name(),
                    review(document).state());
        }
        if (by.equals(createdBy)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "upgrade-own-agreement", Long.toString(id));
        }
    }

    private Upgrade with(UpgradeDocument document, Review next) {
        Review a = document == UpgradeDocument.ASSESSMENT ? next : assessmentReview;
        Review p = document == UpgradeDocument.PLAN ? next : planReview;
        UpgradeStatus after = a.state() == DocumentState.AGREED && p.state() == DocumentState.AGREED
                ? UpgradeStatus.AGREED : UpgradeStatus.PREPARING;
        return new Upgrade(id, changeId, systemCode, title, fromVersion, targetVersion, after, createdBy, createdAt,
                assessment, a, plan, p, completedAt, versionId);
    }
}
