package org.medops.dataops.requests;

import org.medops.inspection.DatabaseTargets;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the view of a request for a reader: the target's name, the rollback request, masking by the reader's rights. */
@Component
class DataOpViews {

    private final DataOpsDesk desk;

    DataOpViews(DataOpsDesk desk) {
        this.desk = desk;
    }

    DataOpView of(DataOperation op, Authentication reader) {
        DatabaseTargets.DatabaseTarget target = desk.target(op.target()).orElse(null);
        return DataOpView.of(op, target == null ? op.target() : target.name(), target == null || target.production(),
                desk.rollbackRequestOf(op.id()).orElse(null), desk.timeline(op.id()), unmasked(reader));
    }

    DataOpView of(long id, Authentication reader) {
        return of(desk.get(id), reader);
    }

    static boolean unmasked(Authentication reader) {
        return reader != null && reader.getAuthorities().stream().anyMatch(a -> "integration:data".equals(a.getAuthority()));
    }
}
