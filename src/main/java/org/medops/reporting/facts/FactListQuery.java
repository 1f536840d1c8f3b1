package org.medops.reporting.facts;

import java.time.ZoneId;

import org.medops.shared.FormValues;
import org.medops.shared.ListRequest;
import org.medops.shared.SortColumns;

/**
 * A fact list's URL parameters, bound alike by the pages, the API and the exports: {@code from}, {@code to}
 * (days, inclusive), {@code q}, {@code page}, {@code size}, {@code sort=<column>,asc|desc}, {@code export=csv|xlsx}.
 */
record FactListQuery(String from, String to, String q, Integer page, Integer size, String sort, String export) {

    ListRequest request(SortColumns columns) {
        return ListRequest.of(page, size, sort, columns);
    }

    FactFilter filter(ZoneId zone) {
        return new FactFilter(FormValues.day(from, "reporting-day-invalid"), FormValues.day(to, "reporting-day-invalid"), q,
                zone);
    }
}
