package org.medops.traffic;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The log query's URL parameters, bound alike by the page, the API and the export: {@code from} and {@code to}
 * (the hospital's wall time {@code 2026-12-01T08:00:00}, or an instant with its offset), {@code service},
 * {@code channel} (codes, picked by name), {@code status}, {@code statusClass} (2…5), {@code errorCode},
 * {@code requestId}, {@code clientIp}, {@code minLatencyMs}, {@code size}, {@code sort=time,asc|desc},
 * {@code after} (the cursor of the last row shown) and {@code export=csv|xlsx}. The range defaults to the last
 * hour and spans at most {@link #MAX_RANGE}, so every query — and every export — reads a bounded part of the log.
 */
record LogQuery(String from, String to, String service, String channel, Integer status, Integer statusClass,
                String errorCode, String requestId, String clientIp, Integer minLatencyMs, Integer size, String sort,
                String after, String export) {

    /** The longest range one query reads: a month of day partitions. */
    static final Duration MAX_RANGE = Duration.ofDays(31);
    static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    /** The query a link stands for, e.g. the dashboard's {@code /traffic/logs?statusClass=5&from=…&to=…}. */
    static LogQuery of(String link) {
        MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString(link).build(true).getQueryParams();
        return new LogQuery(decoded(p, "from"), decoded(p, "to"), decoded(p, "service"), decoded(p, "channel"),
                number(p, "status"), number(p, "statusClass"), decoded(p, "errorCode"), decoded(p, "requestId"),
                decoded(p, "clientIp"), number(p, "minLatencyMs"), null, decoded(p, "sort"), null, null);
    }

    ListRequest request() {
        return ListRequest.of(0, size, sort, AccessLogs.SORT);
    }

    AccessLogs.Cursor cursor() {
        return AccessLogs.Cursor.parse(after);
    }

    /** The filter in instants: wall times read in {@code zone}; a reversed or too long range is refused. */
    AccessLogs.LogFilter filter(ZoneId zone, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to, zone);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant("from", from, zone);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("range-empty");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("log-range-too-long", MAX_RANGE.toDays());
        }
        if (statusClass != null && (statusClass < 1 || statusClass > 5)) {
            throw ProblemException.invalid("status-class-invalid", statusClass);
        }
        return new AccessLogs.LogFilter(start, end, service, channel, status, statusClass, errorCode, requestId,
                clientIp, minLatencyMs);
    }

    /** The range as the form shows it: the hospital's wall time, to the second. */
    LocalDateTime wallTime(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).withNano(0);
    }

    private static Instant instant(String name, String text, ZoneId zone) {
        String value = text.strip();
        try {
            boolean offset = value.endsWith("Z") || value.endsWith("z") || value.matches(".*T.*[+-]\\d{2}:?\\d{2}$");
            return offset ? OffsetDateTime.parse(value).toInstant() : LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.invalid("time-invalid", name, text);
        }
    }

    private static String decoded(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Integer number(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }
}
