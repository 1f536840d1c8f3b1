package org.medops.reporting.facts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
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
        return new FactFilter(day(from), day(to), q, zone);
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("reporting-day-invalid", text);
        }
    }
}
