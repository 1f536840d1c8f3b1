package org.medops.portal.servicetest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every test sent from the service-test console, kept in its author's history. */
@Repository
class ServiceTests {

    /** The history shows the latest tests only: it is for re-running recent ones, not an archive to browse. */
    static final int HISTORY = 50;
    /** Responses are kept up to this many characters; the history shows a test, not a download. */
    static final int RESPONSE_KEPT = 65536;

    private final JdbcClient jdbc;

    ServiceTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(ServiceTest test, String username, int status, double latencyMillis, String response, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_tests(username, channel_code, method, path, query, headers, body, status,
                    latency_millis, response, tested_at)
                values (:username, :channel, :method, :path, :query, :headers, :body, :status, :latency, :response,
                    :at)""")
                .param("username", username)
                .param("channel", test.channelCode())
                .param("method", test.method())
                .param("path", test.path())
                .param("query", test.query())
                .param("headers", test.headers())
                .param("body", test.body())
                .param("status", status)
                .param("latency", latencyMillis)
                .param("response", response == null ? null
                        : response.substring(0, Math.min(response.length(), RESPONSE_KEPT)))
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ServiceTester.ServiceTestRecord> latestOf(String username) {
        return jdbc.sql("select id, channel_code, method, path, query, headers, body, status, latency_millis, tested_at "
                        + "from service_tests where username = :username order by id desc limit :limit")
                .param("username", username)
                .param("limit", HISTORY)
                .query(ServiceTester.ServiceTestRecord.class).list();
    }

    /** A test of {@code username}'s own; another person's id finds nothing. */
    Optional<ServiceTest> find(long id, String username) {
        return jdbc.sql("select channel_code, method, path, query, headers, body from service_tests "
                        + "where id = :id and username = :username")
                .param("id", id)
                .param("username", username)
                .query(ServiceTest.class).optional();
    }
}
