package org.medops.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit page and API; every field is optional. */
record AuditQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                  String actor, String action, String target) {

    void appendTo(StringBuilder sql, List<Object> params) {
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(to));
        }
        if (hasText(actor)) {
            sql.append(" and actor = ?");
            params.add(actor.trim().toLowerCase());
        }
        if (hasText(action)) {
            sql.append(" and action like ?");
            params.add(escapeLike(action.trim()) + "%");
        }
        if (hasText(target)) {
            sql.append(" and (target_id = ? or target_type = ?)");
            params.add(target.trim());
            params.add(target.trim());
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
