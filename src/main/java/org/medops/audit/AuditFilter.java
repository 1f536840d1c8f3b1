package org.medops.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

/** The audit page's filters: times as the hospital reads its wall clock, in the configured zone. */
record AuditFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                   String actor, String action, String target) {

    AuditQuery toQuery(ZoneId zone) {
        return new AuditQuery(from == null ? null : from.atZone(zone).toInstant(),
                to == null ? null : to.atZone(zone).toInstant(), actor, action, target);
    }
}
