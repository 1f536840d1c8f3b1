package org.medops.opsdesk.requirements;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.medops.shared.ListRequest;

/**
 * The requirement list's URL parameters, bound alike by the page, the API and the export: {@code status}
 * (repeatable), {@code system} (a system code), {@code engineer} (the answering engineer's username), {@code q},
 * {@code page}, {@code size}, {@code sort=<column>,asc|desc}, {@code export=csv|xlsx}.
 */
record RequirementListQuery(List<RequirementStatus> status, String system, String engineer, String q, Integer page,
                            Integer size, String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, RequirementQueries.SORT);
    }

    RequirementQueries.Filter filter() {
        Set<RequirementStatus> statuses = EnumSet.noneOf(RequirementStatus.class);
        if (status != null) {
            status.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return new RequirementQueries.Filter(statuses, system, engineer, q);
    }

    /** The single status the pick-list shows as chosen, or null. */
    public RequirementStatus chosenStatus() {
        return status == null ? null : status.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
