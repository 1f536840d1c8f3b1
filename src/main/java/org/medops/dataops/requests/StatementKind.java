package org.medops.dataops.requests;

/**
 * What a statement is, as far as the preview needs to know: UPDATE and DELETE get before-images of the rows their
 * WHERE clause selects, INSERT only a row count; DDL and anything else are not run by the preview (MySQL would commit
 * DDL at once) and are marked so.
 */
enum StatementKind {
    UPDATE, DELETE, INSERT, DDL, OTHER;

    public boolean previewable() {
        return this == UPDATE || this == DELETE || this == INSERT;
    }

    /** Whether its update count is part of the affected rows the request expects. */
    boolean counted() {
        return this != DDL;
    }
}
