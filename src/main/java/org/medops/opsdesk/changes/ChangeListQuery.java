package org.medops.opsdesk.changes;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.medops.shared.ListRequest;

/**
 * The change list's URL parameters, bound alike by the page, the API and the export: {@code status} (repeatable),
 * {@code system} (a system code), {@code risk}, {@code environment}, {@code requester} (a username), {@code q},
 * {@code page}, {@code size}, {@code sort=<column>,asc|desc}, {@code export=csv|xlsx}.
 */
record ChangeListQuery(List<ChangeStatus> status, String system, ChangeRisk risk, ChangeEnvironment environment,
                       String requester, String q, Integer page, Integer size, String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, ChangeQueries.SORT);
    }

    ChangeQueries.Filter filter() {
        Set<ChangeStatus> statuses = EnumSet.noneOf(ChangeStatus.class);
        if (status != null) {
            status.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return new ChangeQueries.Filter(statuses, system, risk, environment, requester, q);
    }

    /** The single status the pick-list shows as chosen, or null. */
    public ChangeStatus chosenStatus() {
        return status == null ? null : status.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
