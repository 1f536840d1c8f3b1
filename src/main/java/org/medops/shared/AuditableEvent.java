package org.medops.shared;

import java.util.List;

/**
 * An event that leaves a trace in the audit trail. Modules publish these; the audit module
 * listens inside the publishing transaction, so a change and its trace commit together.
 */
public interface AuditableEvent {

    /** A stable dotted code such as {@code user.create}; the audit page translates it. */
    String action();

    String targetType();

    String targetId();

    default Outcome outcome() {
        return Outcome.SUCCESS;
    }

    /** Before/after summary; fields marked secret are masked before they are stored. */
    default List<FieldChange> changes() {
        return List.of();
    }

    /** Who acted when the security context does not know yet (a login attempt), else null. */
    default String actor() {
        return null;
    }

    enum Outcome { SUCCESS, FAILURE, DENIED }
}
