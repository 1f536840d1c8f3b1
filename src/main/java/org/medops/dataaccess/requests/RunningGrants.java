package org.medops.dataaccess.requests;

import java.time.Clock;
import java.util.List;

import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.Scope;
import org.medops.shared.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The running grants, read from the requests on the injected clock: a grant past its end opens nothing. */
@Component
class RunningGrants implements ContentGrants {

    private final AccessRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunningGrants(AccessRequests requests, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean unmasked(Authentication reader, Scope scope) {
        return reader != null && requests.activeGrant(reader.getName(), scope, clock.instant()).isPresent();
    }

    @Override
    public boolean holdsAny(Authentication reader) {
        return reader != null && requests.anyActive(reader.getName(), clock.instant());
    }

    @Override
    @Transactional
    public void viewed(Authentication reader, Scope scope, String recordType, String recordId) {
        long grant = requests.activeGrant(reader.getName(), scope, clock.instant())
                .orElseThrow(() -> new IllegalStateException("no running grant of " + reader.getName() + " for " + scope));
        events.publishEvent(DataAccessAction.of("view", grant, List.of(FieldChange.set("scope", scope),
                FieldChange.set("record", recordType + ":" + recordId))));
    }
}
