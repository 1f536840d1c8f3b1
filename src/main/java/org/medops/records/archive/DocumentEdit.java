package org.medops.records.archive;

import java.time.LocalDate;

/** What an edit of an unsigned document may change. */
record DocumentEdit(String type, String system, String title, LocalDate datedOn) {

    ArchivedDocument.Details details() {
        return new ArchivedDocument.Details(type, system, title, datedOn);
    }
}
