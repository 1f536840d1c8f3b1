package org.medops.records.versions;

import org.medops.shared.ListRequest;

/** The version register list's parameters: {@code system}, {@code q}, {@code page}, {@code size}, {@code sort}, {@code export}. */
record VersionListQuery(String system, String q, Integer page, Integer size, String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, Versions.SORT);
    }

    Versions.Filter filter() {
        return new Versions.Filter(system, q);
    }
}
