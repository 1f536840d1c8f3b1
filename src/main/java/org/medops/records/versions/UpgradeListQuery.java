package org.medops.records.versions;

import org.medops.shared.ListRequest;

/** The upgrade list's parameters: {@code system}, {@code status}, {@code q}, {@code page}, {@code size}, {@code sort}, {@code export}. */
record UpgradeListQuery(String system, UpgradeStatus status, String q, Integer page, Integer size, String sort,
                        String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, Upgrades.SORT);
    }

    Upgrades.Filter filter() {
        return new Upgrades.Filter(system, status, q);
    }
}
