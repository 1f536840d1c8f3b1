package org.medops.traffic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the raw access log: newest first, keyset-paged by (time, request id). */
@Repository
class AccessLogs {

    private final JdbcClient jdbc;

    AccessLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<LogRecord> search(LogQuery query, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select * from access_log where 1 = 1");
        List<Object> params = new ArrayList<>();
        query.appendTo(sql, params);
        if (before != null) {
            sql.append(" and (occurred_at, request_id) < (?, ?)");
            params.add(Timestamp.from(before.at()));
            params.add(before.requestId());
        }
        sql.append(" order by occurred_at desc, request_id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(LogRecord.class).list();
    }

    /** One request by id; the newest when a caller reused an id. */
    Optional<LogRecord> find(String requestId) {
        return jdbc.sql("select * from access_log where request_id = ? order by occurred_at desc limit 1")
                .param(requestId).query(LogRecord.class).optional();
    }

    void forEach(LogQuery query, Consumer<LogRecord> consumer) {
        Cursor cursor = null;
        while (true) {
            List<LogRecord> page = search(query, cursor, 2000);
            page.forEach(consumer);
            if (page.size() < 2000) {
                return;
            }
            LogRecord last = page.get(page.size() - 1);
            cursor = new Cursor(last.occurredAt(), last.requestId());
        }
    }

    record LogRecord(Instant occurredAt, String requestId, String nodeId, String channelCode, String serviceCode,
                     String method, String path, int status, String errorCode, Integer upstreamStatus,
                     long totalMicros, Long upstreamMicros, long bytesIn, long bytesOut, String clientIp,
                     String requestBody, String responseBody, String requestHeaders) {

        double totalMillis() {
            return totalMicros / 1000.0;
        }

        public Cursor cursor() {
            return new Cursor(occurredAt, requestId);
        }
    }

    /** Where the next page starts: text form {@code <epoch micros>~<request id>} for links and the API. */
    record Cursor(Instant at, String requestId) {
        static Cursor parse(String text) {
            if (text == null || text.isBlank() || text.indexOf('~') < 0) {
                return null;
            }
            long micros = Long.parseLong(text.substring(0, text.indexOf('~')));
            return new Cursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
                    text.substring(text.indexOf('~') + 1));
        }

        @Override
        public String toString() {
            return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000) + "~" + requestId;
        }
    }
}
