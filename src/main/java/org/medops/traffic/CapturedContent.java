package org.medops.traffic;

import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.DataRights;
import org.medops.dataaccess.Scope;
import org.medops.shared.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One request's captured bodies and headers for a reader: with the data right as captured (the gateway masked the
 * identifiers before storing them), or under a grant for the request's service, and then the view is audited. A
 * reader with neither is refused before the record is looked up.
 */
@Component
class CapturedContent {

    private final AccessLogs logs;
    private final ContentGrants grants;

    CapturedContent(AccessLogs logs, ContentGrants grants) {
        this.logs = logs;
        this.grants = grants;
    }

    AccessLogs.LogRecord open(String requestId, Authentication reader) {
        boolean standing = DataRights.standing(reader);
        if (!standing && !grants.holdsAny(reader)) {
            throw new AccessDeniedException("data right or grant needed");
        }
        AccessLogs.LogRecord record = logs.find(requestId).orElseThrow(() -> ProblemException.notFound("request", requestId));
        if (record.serviceCode() != null && grants.unmasked(reader, Scope.service(record.serviceCode()))) {
            grants.viewed(reader, Scope.service(record.serviceCode()), "access-log", requestId);
        } else if (!standing) {
            throw new AccessDeniedException("no grant for this service");
        }
        return record;
    }
}
