package org.medops.alerting;

import java.time.LocalDate;
import java.time.ZoneId;

import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alert list's URL parameters (the shared list contract), bound alike by the page, the API and the export:
 * {@code rule} (a rule's id, picked by name), {@code severity}, {@code status}, {@code from} and {@code to}
 * (hospital dates of raising, both included), {@code page}, {@code size}, {@code sort=<column>,asc|desc},
 * {@code export=csv|xlsx}.
 */
record AlertListQuery(Long rule, AlertSeverity severity, AlertStatus status, LocalDate from, LocalDate to,
                      Integer page, Integer size, String sort, String export) {

    /** The query a link stands for, e.g. the dashboard's {@code /alerts?status=OPEN}. */
    static AlertListQuery of(String link) {
        MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        return new AlertListQuery(p.containsKey("rule") ? Long.valueOf(p.getFirst("rule")) : null,
                p.containsKey("severity") ? AlertSeverity.valueOf(p.getFirst("severity")) : null,
                p.containsKey("status") ? AlertStatus.valueOf(p.getFirst("status")) : null, null, null, null, null,
                p.getFirst("sort"), null);
    }

    ListRequest request() {
        return ListRequest.of(page, size, sort, Alerts.SORT);
    }

    Alerts.AlertFilter filter(ZoneId zone) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("range-invalid");
        }
        return new Alerts.AlertFilter(rule, severity, status, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
