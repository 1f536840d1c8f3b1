package org.medops.records.plans;

import java.time.LocalDate;

import org.medops.shared.ListRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The drill list's parameters: {@code plan}, {@code from}, {@code to} (yyyy-MM-dd, to exclusive), {@code q}, paging, {@code export}. */
record DrillListQuery(Long plan, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String q, Integer page, Integer size,
                      String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, Drills.SORT);
    }

    Drills.Filter filter() {
        return new Drills.Filter(plan, from, to, q);
    }
}
