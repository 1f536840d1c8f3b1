package org.medops.records.plans;

import java.time.LocalDate;

import org.medops.shared.ListRequest;

/**
 * The plan list's parameters: {@code scenario}, {@code system}, {@code review} (OVERDUE, DUE_SOON, CURRENT), {@code q},
 * {@code page}, {@code size}, {@code sort}, {@code export}.
 */
record PlanListQuery(Scenario scenario, String system, ReviewState review, String q, Integer page, Integer size,
                     String sort, String export) {

    ListRequest request() {
        return ListRequest.of(page, size, sort, EmergencyPlans.SORT);
    }

    EmergencyPlans.Filter filter(LocalDate today) {
        return new EmergencyPlans.Filter(scenario, system, review, q, today);
    }
}
