package org.medops.records.versions;

import org.medops.opsdesk.ChangeAuthorizationGuard;
import org.medops.opsdesk.ChangeCompleted;
import org.medops.opsdesk.ChangeSummary;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Where upgrades meet the ops desk's changes: the authorization waits for the hospital's agreement to both
 * documents, and a finished change concludes its upgrade (a success registers the version).
 */
@Component
class UpgradeChanges implements ChangeAuthorizationGuard {

    private final UpgradeDesk desk;

    UpgradeChanges(UpgradeDesk desk) {
        this.desk = desk;
    }

    @Override
    public void beforeAuthorization(ChangeSummary change) {
        desk.requireAgreed(change);
    }

    @ApplicationModuleListener
    void on(ChangeCompleted completed) {
        desk.changeFinished(completed.changeId(), completed.result() == ChangeCompleted.Result.SUCCESS,
                completed.finishedAt(), completed.requestedBy());
    }
}
