package org.medops.opsdesk.defects;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.medops.shared.ListRequest;

/**
 * The defect list's URL parameters, bound alike by the page, the API and the export: {@code status} (repeatable),
 * {@code system} (a system code), {@code severity}, {@code reporter} (a username), {@code q}, {@code page},
 * {@code size}, {@code sort=<column>,asc|desc}, {@code export=csv|xlsx}.
 */
record DefectListQuery(List<DefectStatus> status, String system, DefectSeverity severity, String reporter, String q,
                       Integer page, Integer size, String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, DefectQueries.SORT);
    }

    DefectQueries.Filter filter() {
        Set<DefectStatus> statuses = EnumSet.noneOf(DefectStatus.class);
        if (status != null) {
            status.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return new DefectQueries.Filter(statuses, system, severity, reporter, q);
    }

    /** The single status the pick-list shows as chosen, or null. */
    public DefectStatus chosenStatus() {
        return status == null ? null : status.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
