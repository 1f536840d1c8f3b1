package org.medops.integration.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention over real past-day partitions: an old day is dropped, a day past one channel's content days is
 * rewritten (a new table: same rows, that channel's content nulled, the other channel's kept), and a day a queue
 * entry points at is kept whole, old or not.
 */
@MedopsTest
class MessageRetentionIT {

    @LocalServerPort
    int port;

    @Autowired
    MessageRetention retention;

    @Autowired
    JdbcClient jdbc;

    /** A channel keeping content 2 days and metadata 10; its destination points nowhere (its entries stay queued). */
    String channel(Api admin) throws Exception {
        String code = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response saved = admin.put("/api/v1/integration/channels/" + code, """
                {"code": "%s", "name": "保留测试", "source": {"type": "MLLP", "port": %d},
                 "retention": {"content": "P2D", "metadata": "P10D"},
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:9/never"}]}"""
                .formatted(code, ForkedMedops.freePort()));
        assertThat(saved.status()).isEqualTo(201);
        admin.post("/api/v1/integration/channels/" + code + "/disable", "");
        return code;
    }

    long message(LocalDate day, String channel) {
        long id = jdbc.sql("select nextval('integration_message_ids')").query(Long.class).single();
        jdbc.sql("""
                        insert into integration_messages(id, received_day, received_at, channel_code, control_id,
                            message_type, status, raw, transformed)
                        values (:id, :day, :at, :channel, :control, 'ADT^A01', 'SENT', :raw, '{"patient":"王小红"}')""")
                .param("id", id).param("day", day).param("at", Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600)))
                .param("channel", channel).param("control", "C-" + id)
                .param("raw", "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20260101||ADT^A01|C-" + id + "|P|2.5.1\rPID|1||P1^^^HOSP^MR||王小红\r")
                .update();
        jdbc.sql("""
                        insert into integration_deliveries(message_id, received_day, destination, status, sent, response,
                            attempts, updated_at)
                        values (:id, :day, 'emr', 'SENT', 'sent body', 'response body', 1, now())""")
                .param("id", id).param("day", day).update();
        return id;
    }

    void queue(LocalDate day, String channel, long id) {
        // A destination the channel does not have: no worker takes the entry while the test runs.
        jdbc.sql("""
                        insert into integration_queue(channel_code, destination, message_id, received_day, next_attempt_at)
                        values (:channel, 'gone', :id, :day, now())""")
                .param("channel", channel).param("id", id).param("day", day).update();
    }

    boolean exists(String relation) {
        return jdbc.sql("select to_regclass(:name) is not null").param("name", relation).query(Boolean.class).single();
    }

    long oid(String relation) {
        return jdbc.sql("select cast(to_regclass(:name) as oid)").param("name", relation).query(Long.class).single();
    }

    @Test
    void dropsOldDaysRewritesExpiredContentAndKeepsDaysStillQueued() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String code = channel(admin);
        String other = "gone-" + UUID.randomUUID().toString().substring(0, 6); // no longer stored: default retention
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate ancient = today.minusDays(4000);
        LocalDate ancientQueued = today.minusDays(4001);
        LocalDate expired = today.minusDays(5);
        LocalDate expiredQueued = today.minusDays(6);
        for (LocalDate day : new LocalDate[] {ancient, ancientQueued, expired, expiredQueued}) {
            retention.createDay(day);
        }
        message(ancient, code);
        queue(ancientQueued, code, message(ancientQueued, code));
        long mine = message(expired, code);
        long mine2 = message(expired, code);
        long theirs = message(expired, other);
        long waiting = message(expiredQueued, code);
        queue(expiredQueued, code, waiting);
        long before = oid("integration_messages_p" + expired.toString().replace("-", ""));

        Api.Response ran = admin.post("/api/v1/integration/retention/run", "");
        assertThat(ran.status()).isEqualTo(200);
        JsonNode report = ran.json();
        assertThat(report.get("dropped").toString()).contains(ancient.toString());
        assertThat(report.get("rewritten").toString()).contains(expired.toString());
        assertThat(report.get("keptQueued").toString()).contains(ancientQueued.toString(), expiredQueued.toString());

        String suffix = "_p" + ancient.toString().replace("-", "");
        assertThat(exists("integration_messages" + suffix)).as("an old day is dropped").isFalse();
        assertThat(exists("integration_deliveries" + suffix)).isFalse();
        assertThat(exists("integration_messages_p" + ancientQueued.toString().replace("-", "")))
                .as("a day still queued keeps its partition").isTrue();
        assertThat(jdbc.sql("select count(*) from integration_messages where received_day = :day")
                .param("day", ancientQueued).query(Long.class).single()).isEqualTo(1);

        String expiredPartition = "integration_messages_p" + expired.toString().replace("-", "");
        assertThat(oid(expiredPartition)).as("rewritten into a new table, not updated in place").isNotEqualTo(before);
        assertThat(jdbc.sql("select count(*) from integration_messages where received_day = :day")
                .param("day", expired).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from integration_deliveries where received_day = :day")
                .param("day", expired).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select count(*) from integration_messages where received_day = :day and channel_code = :channel
                          and raw is null and transformed is null and control_id is not null and status = 'SENT'""")
                .param("day", expired).param("channel", code).query(Long.class).single())
                .as("content gone, metadata kept").isEqualTo(2);
        assertThat(jdbc.sql("select raw from integration_messages where id = :id and received_day = :day")
                .param("id", theirs).param("day", expired).query(String.class).single())
                .as("another channel within its content days keeps it").contains("王小红");
        assertThat(jdbc.sql("""
                        select count(*) from integration_deliveries where received_day = :day and sent is null
                          and response is null and attempts = 1""")
                .param("day", expired).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select raw from integration_messages where id = :id and received_day = :day")
                .param("id", waiting).param("day", expiredQueued).query(String.class).single())
                .as("a queued message keeps its content").isNotNull();

        JsonNode shown = admin.contentReader().get("/api/v1/integration/messages/" + mine).json();
        assertThat(shown.get("contentExpired").asBoolean()).isTrue();
        assertThat(shown.has("raw")).isFalse();
        assertThat(shown.get("controlId").asString()).isEqualTo("C-" + mine);
        assertThat(admin.contentReader().get("/api/v1/integration/messages/" + theirs).json().get("contentExpired").asBoolean()).isFalse();
        Api.Response reprocess = admin.post("/api/v1/integration/messages/" + mine2 + "/reprocess", "");
        assertThat(reprocess.status()).isEqualTo(409);
        assertThat(reprocess.json().get("code").asString()).isEqualTo("integration-message-content-expired");

        assertThat(jdbc.sql("select count(*) from audit_records where action = 'integration.retention.run'")
                .query(Long.class).single()).isPositive();
        long afterFirst = oid(expiredPartition);
        JsonNode again = admin.post("/api/v1/integration/retention/run", "").json();
        assertThat(again.get("rewritten").toString()).doesNotContain(expired.toString());
        assertThat(oid(expiredPartition)).as("nothing left to remove: not rewritten again").isEqualTo(afterFirst);

        jdbc.sql("delete from integration_queue where channel_code = :channel").param("channel", code).update();
        assertThat(retention.run().dropped()).contains(ancientQueued);
    }

    @Test
    void aRetentionThatIsNotWholeDaysOrShorterThanItsContentIsRefused() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String code = "ret-" + UUID.randomUUID().toString().substring(0, 8);
        String document = """
                {"code": "%s", "name": "保留测试", "source": {"type": "MLLP", "port": %d}, "retention": %s,
                 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:9/never"}]}""";
        Api.Response partial = admin.put("/api/v1/integration/channels/" + code,
                document.formatted(code, ForkedMedops.freePort(), "{\"content\": \"PT5H\", \"metadata\": \"P0D\"}"));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("reasons").toString()).contains("integration-retention-content",
                "integration-retention-metadata");
        Api.Response order = admin.put("/api/v1/integration/channels/" + code,
                document.formatted(code, ForkedMedops.freePort(), "{\"content\": \"P40D\", \"metadata\": \"P20D\"}"));
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().get("reasons").toString()).contains("integration-retention-order");
        Api.Response readOnly = new Api(port).post("/api/v1/integration/retention/run", "");
        assertThat(readOnly.status()).isEqualTo(401);
    }
}
