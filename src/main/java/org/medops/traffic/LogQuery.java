package org.medops.traffic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the log query; every field optional except the time range, which defaults to the last
 * hour so that the query touches only the day partitions it needs.
 */
record LogQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                String service, String channel, Integer status, Integer statusClass, String errorCode,
                String requestId, String clientIp, Integer minLatencyMs) {

    LogQuery withDefaults(Instant now) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minusSeconds(3600) : from;
        return new LogQuery(start, end, service, channel, status, statusClass, errorCode, requestId, clientIp,
                minLatencyMs);
    }

    void appendTo(StringBuilder sql, List<Object> params) {
        sql.append(" and occurred_at >= ? and occurred_at < ?");
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        condition(sql, params, "service_code = ?", blankToNull(service));
        condition(sql, params, "channel_code = ?", blankToNull(channel));
        condition(sql, params, "status = ?", status);
        if (statusClass != null) {
            sql.append(" and status >= ? and status < ?");
            params.add(statusClass * 100);
            params.add(statusClass * 100 + 100);
        }
        condition(sql, params, "error_code = ?", blankToNull(errorCode));
        condition(sql, params, "request_id = ?", blankToNull(requestId));
        condition(sql, params, "client_ip = ?", blankToNull(clientIp));
        condition(sql, params, "total_micros >= ?", minLatencyMs == null ? null : minLatencyMs * 1000L);
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.add(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
