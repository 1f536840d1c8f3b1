package org.medops.dataaccess;

import org.springframework.security.core.Authentication;

/**
 * The security committee's grants as the content endpoints ask about them. A content endpoint checks its permission
 * first, then {@link #holdsAny} before it looks a record up (a reader without the standing content right and without
 * any grant learns nothing), then {@link #unmasked} for the record's scope, and reports every view under a grant with
 * {@link #viewed}, which writes the audit trail.
 */
public interface ContentGrants {

    /** No grants at all: what a content endpoint falls back to where the requests feature does not run. */
    ContentGrants NONE = new ContentGrants() {
        @Override
        public boolean unmasked(Authentication reader, Scope scope) {
            return false;
        }

        @Override
        public boolean holdsAny(Authentication reader) {
            return false;
        }

        @Override
        public void viewed(Authentication reader, Scope scope, String recordType, String recordId) {
            throw new IllegalStateException("no grant to view under");
        }
    };

    /** Whether the reader has an active grant for this scope now: its content is shown unmasked to them. */
    boolean unmasked(Authentication reader, Scope scope);

    /** Whether the reader has any active grant now. */
    boolean holdsAny(Authentication reader);

    /** The reader saw this record of the scope under their grant: audited with the scope and the record. */
    void viewed(Authentication reader, Scope scope, String recordType, String recordId);
}
