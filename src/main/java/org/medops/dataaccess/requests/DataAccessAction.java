package org.medops.dataaccess.requests;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;

/**
 * A step of a sensitive-data access request, or a view under its grant: requested, approved, refused, activated,
 * revoked, expired, viewed. {@code actor} is set where no one signed in acts (expiry).
 */
record DataAccessAction(String action, String targetId, List<FieldChange> changes, String actor)
        implements AuditableEvent {

    static final String TARGET = "data-access-request";

    static DataAccessAction of(String step, long requestId, List<FieldChange> changes) {
        return new DataAccessAction("data-access." + step, Long.toString(requestId), changes, null);
    }

    @Override
    public String targetType() {
        return TARGET;
    }
}
