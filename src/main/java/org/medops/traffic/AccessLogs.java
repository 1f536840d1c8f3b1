package org.medops.traffic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The raw access log: a time-bounded filter, keyset-paged by (time, request id) in either direction, so a page
 * deep in a busy day costs what the first one does. Bodies are read only for one request, never for a list.
 */
@Repository
class AccessLogs {

    /** The log sorts by time only: its tie-breaker makes the (time, request id) key unique. */
    static final SortColumns SORT = SortColumns.of("time", false, "request_id", "time", "occurred_at");

    private static final String LIST_COLUMNS = """
            occurred_at, request_id, node_id, channel_code, service_code, method, path, status, error_code,
            upstream_status, total_micros, upstream_micros, bytes_in, bytes_out, client_ip""";

    private final JdbcClient jdbc;

    AccessLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows in the sort's order, after {@code after} (null: from the start). */
    List<LogRow> rows(LogFilter filter, ListRequest.Sort sort, Cursor after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select ").append(LIST_COLUMNS).append(" from access_log where ")
                .append(filter.where(params));
        if (after != null) {
            sql.append(sort.ascending() ? " and (occurred_at, request_id) > (:afterAt, :afterId)"
                    : " and (occurred_at, request_id) < (:afterAt, :afterId)");
            params.addValue("afterAt", Timestamp.from(after.at())).addValue("afterId", after.requestId());
        }
        sql.append(" order by ").append(SORT.orderBy(sort)).append(" limit :limit");
        params.addValue("limit", limit);
        return jdbc.sql(sql.toString()).paramSource(params).query(LogRow.class).list();
    }

    /** How many rows the filter selects (its time range bounds the partitions read). */
    long count(LogFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.sql("select count(*) from access_log where " + filter.where(params)).paramSource(params)
                .query(Long.class).single();
    }

    /** One request by id, with its masked bodies; the newest when a caller reused an id. */
    Optional<LogRecord> find(String requestId) {
        return jdbc.sql("select * from access_log where request_id = :id order by occurred_at desc limit 1")
                .param("id", requestId).query(LogRecord.class).optional();
    }

    /**
     * What the log query selects, resolved to instants and codes; only {@code from} and {@code to} are required.
     * Each criterion adds its own clause, so the planner sees only the columns asked for.
     */
    record LogFilter(Instant from, Instant to, String service, String channel, Integer status, Integer statusClass,
                     String errorCode, String requestId, String clientIp, Integer minLatencyMs) {

        LogFilter {
            service = FilterText.orNull(service);
            channel = FilterText.orNull(channel);
            errorCode = FilterText.orNull(errorCode);
            requestId = FilterText.orNull(requestId);
            clientIp = FilterText.orNull(clientIp);
        }

        private String where(MapSqlParameterSource params) {
            StringBuilder where = new StringBuilder("occurred_at >= :from and occurred_at < :to");
            params.addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
            condition(where, params, "service_code = :service", "service", service);
            condition(where, params, "channel_code = :channel", "channel", channel);
            condition(where, params, "status = :status", "status", status);
            if (statusClass != null) {
                condition(where, params, "status >= :classFrom", "classFrom", statusClass * 100);
                condition(where, params, "status < :classTo", "classTo", statusClass * 100 + 100);
            }
            condition(where, params, "error_code = :errorCode", "errorCode", errorCode);
            condition(where, params, "request_id = :requestId", "requestId", requestId);
            condition(where, params, "client_ip = :clientIp", "clientIp", clientIp);
            condition(where, params, "total_micros >= :minMicros", "minMicros",
                    minLatencyMs == null ? null : minLatencyMs * 1000L);
            return where.toString();
        }

        private static void condition(StringBuilder where, MapSqlParameterSource params, String clause, String name,
                                      Object value) {
            if (value != null) {
                where.append(" and ").append(clause);
                params.addValue(name, value);
            }
        }
    }

    /** A row of the list and the export: everything but the captured bodies and headers. */
    record LogRow(Instant occurredAt, String requestId, String nodeId, String channelCode, String serviceCode,
                  String method, String path, int status, String errorCode, Integer upstreamStatus,
                  long totalMicros, Long upstreamMicros, long bytesIn, long bytesOut, String clientIp) {

        public double totalMillis() {
            return totalMicros / 1000.0;
        }

        public Double upstreamMillis() {
            return upstreamMicros == null ? null : upstreamMicros / 1000.0;
        }

        /** The status class as the pick-list names it: 2 for 2xx … 5 for 5xx. */
        public int statusClass() {
            return status / 100;
        }

        Cursor cursor() {
            return new Cursor(occurredAt, requestId);
        }
    }

    /** One request as its page shows it, with the masked bodies and headers the gateway captured. */
    record LogRecord(Instant occurredAt, String requestId, String nodeId, String channelCode, String serviceCode,
                     String method, String path, int status, String errorCode, Integer upstreamStatus,
                     long totalMicros, Long upstreamMicros, long bytesIn, long bytesOut, String clientIp,
                     String requestBody, String responseBody, String requestHeaders) {

        double totalMillis() {
            return totalMicros / 1000.0;
        }
    }

    /** Where the next page starts: text form {@code <epoch micros>~<request id>} for links and the API. */
    record Cursor(Instant at, String requestId) {

        /** Null for none; anything unreadable is a 400 {@code cursor-invalid}, never a 500. */
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int tilde = text.indexOf('~');
            try {
                if (tilde < 1 || tilde == text.length() - 1) {
                    throw new NumberFormatException(text);
                }
                long micros = Long.parseLong(text.substring(0, tilde));
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1000L), text.substring(tilde + 1));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw org.medops.shared.ProblemException.invalid("cursor-invalid", text);
            }
        }

        @Override
        public String toString() {
            return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000) + "~" + requestId;
        }
    }
}
