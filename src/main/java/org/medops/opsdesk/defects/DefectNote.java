package org.medops.opsdesk.defects;

import java.time.Instant;

/** A timestamped progress note on a defect, by whom, with the status it moved the defect to. */
record DefectNote(Instant at, String byUser, DefectStatus fromStatus, DefectStatus toStatus, String note) {

    public boolean moved() {
        return fromStatus != toStatus;
    }
}
