package org.medops.dataops.requests;

import org.medops.shared.ListRequest;

/** The list's URL parameters, for the page and the API alike: {@code status}, {@code target}, {@code page}, {@code size}, {@code sort}. */
record DataOpListQuery(Status status, String target, Integer page, Integer size, String sort) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, DataOpQueries.SORT);
    }

    DataOpQueries.Filter filter() {
        return new DataOpQueries.Filter(status, target);
    }
}
