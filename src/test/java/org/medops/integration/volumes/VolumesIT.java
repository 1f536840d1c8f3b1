package org.medops.integration.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.settings.Settings;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Known traffic inserted as the rollup and the store keep it: counts per hour and day, the peak, error share,
 * mean and p95 delivery latency, storage, the summary, the Excel export, and bad input as problems.
 */
@MedopsTest
class VolumesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Settings settings;

    void hour(String channel, String destination, Instant bucket, long received, long sent, long errored) {
        jdbc.sql("""
                        insert into integration_statistics(channel_code, granularity, bucket, destination, received, sent, errored)
                        values (:c, 'h', :b, :d, :r, :s, :e)""")
                .param("c", channel).param("b", Timestamp.from(bucket)).param("d", destination).param("r", received)
                .param("s", sent).param("e", errored).update();
    }

    /** A stored message with one delivery sent {@code millis} after it was received. */
    void delivered(String channel, Instant received, long millis) {
        long id = jdbc.sql("select nextval('integration_message_ids')").query(Long.class).single();
        LocalDate day = received.atOffset(ZoneOffset.UTC).toLocalDate();
        jdbc.sql("""
                        insert into integration_messages(id, received_day, received_at, channel_code, status, raw)
                        values (:id, :day, :at, :c, 'SENT', :raw)""")
                .param("id", id).param("day", day).param("at", Timestamp.from(received)).param("c", channel)
                .param("raw", "x".repeat(100)).update();
        jdbc.sql("""
                        insert into integration_deliveries(message_id, received_day, destination, status, sent, attempts, updated_at)
                        values (:id, :day, 'emr', 'SENT', :sent, 1, :at)""")
                .param("id", id).param("day", day).param("sent", "y".repeat(50))
                .param("at", Timestamp.from(received.plusMillis(millis))).update();
    }

    @Test
    void countsPerHourAndDayWithErrorShareLatencyStorageAndExport() throws Exception {
        String code = "vol-" + UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = settings.current().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate d1 = today.minusDays(2);
        LocalDate d2 = today.minusDays(1);
        hour(code, "", d1.atTime(9, 0).atZone(zone).toInstant(), 40, 0, 2);
        hour(code, "emr", d1.atTime(9, 0).atZone(zone).toInstant(), 0, 38, 0);
        hour(code, "", d2.atTime(10, 0).atZone(zone).toInstant(), 100, 0, 1);
        hour(code, "emr", d2.atTime(10, 0).atZone(zone).toInstant(), 0, 95, 4);
        hour(code, "", d2.atTime(11, 0).atZone(zone).toInstant(), 60, 0, 0);
        hour(code, "emr", d2.atTime(11, 0).atZone(zone).toInstant(), 0, 60, 0);
        Instant at = d2.atTime(10, 30).atZone(zone).toInstant();
        for (int i = 1; i <= 20; i++) {
            delivered(code, at.plusSeconds(i), i * 100L);
        }
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);

        String range = "from=" + d1 + "&to=" + d2 + "&channel=" + code;
        JsonNode hourly = admin.get("/api/v1/integration/volumes?interval=hour&" + range).json();
        JsonNode c = hourly.get("channels").get(0);
        assertThat(c.get("channel").asString()).isEqualTo(code);
        assertThat(c.get("received").asLong()).isEqualTo(200);
        assertThat(c.get("sent").asLong()).isEqualTo(193);
        assertThat(c.get("errored").asLong()).isEqualTo(7);
        assertThat(c.get("errorShare").asDouble()).isEqualTo(3.5);
        assertThat(c.get("peakReceived").asLong()).isEqualTo(100);
        assertThat(c.get("peakAt").asString()).isEqualTo(d2 + " 10:00");
        assertThat(c.get("meanLatencyMillis").asDouble()).isEqualTo(1050.0);
        assertThat(c.get("p95LatencyMillis").asDouble()).isEqualTo(1905.0);
        assertThat(c.get("destinations").get(0).get("name").asString()).isEqualTo("emr");
        assertThat(c.get("destinations").get(0).get("errored").asLong()).isEqualTo(4);
        assertThat(c.get("storedBytes").asLong()).isEqualTo(20 * 150);
        assertThat(c.get("projected90").asLong()).isPositive();
        JsonNode points = hourly.get("points");
        assertThat(points.findValuesAsString("at")).contains(d1 + " 09:00", d2 + " 10:00", d2 + " 11:00");
        assertThat(hourly.get("summary").asString()).contains("共接收消息 200 条", "出错占比 3.50%", "95 分位时延 1905.0 ms");

        JsonNode daily = admin.get("/api/v1/integration/volumes?interval=day&" + range).json();
        long firstDay = 0;
        long secondDay = 0;
        for (JsonNode p : daily.get("points")) {
            if (!p.hasNonNull("destination")) {
                if (p.get("at").asString().equals(d1.toString())) {
                    firstDay = p.get("received").asLong();
                } else if (p.get("at").asString().equals(d2.toString())) {
                    secondDay = p.get("received").asLong();
                }
            }
        }
        assertThat(firstDay).isEqualTo(40);
        assertThat(secondDay).isEqualTo(160);
        assertThat(admin.get("/api/v1/integration/volumes?interval=month&" + range).json().get("channels").get(0)
                .get("received").asLong()).isEqualTo(200);

        Api.Download excel = admin.download("/api/v1/integration/volumes?interval=day&export=xlsx&" + range);
        assertThat(excel.status()).isEqualTo(200);
        assertThat(excel.contentType()).contains("spreadsheetml");
        assertThat(Exports.xlsxText(excel.body())).contains(code, "160", "通道");
        Api.Download csv = admin.download("/api/v1/integration/volumes?interval=day&export=csv&" + range);
        assertThat(Exports.csv(csv.body()).get(0)).contains("时间", "通道", "接收");

        // The per-system roll-up exports too: the channel is the publishing channel of a HIS topic.
        assertThat(admin.put("/api/v1/integration/channels/" + code, """
                {"name":"HIS 发布","source":{"type":"CHANNEL"},"destinations":[{"name":"emr","type":"HTTP","url":"http://127.0.0.1:9/x"}]}""")
                .status()).isEqualTo(201);
        Api.Response service = admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"入院登记","system":"HIS","kind":"TOPIC","channel":"%s"}""".formatted("svc-" + code, code));
        assertThat(service.status()).as(service.body()).isEqualTo(201);
        JsonNode systems = admin.get("/api/v1/integration/volumes?interval=day&" + range).json().get("systems");
        assertThat(systems.toString()).contains("\"system\":\"HIS\",\"published\":200");
        List<List<String>> bySystem = Exports.csv(admin.download(
                "/api/v1/integration/volumes?interval=day&export=csv&part=systems&" + range).body());
        assertThat(bySystem.get(0)).containsExactly("系统编码", "系统", "发布的消息", "订阅收到的消息", "出错", "出错占比");
        assertThat(bySystem).anySatisfy(r -> assertThat(r).startsWith("HIS", "HIS 医院信息系统", "200", "0", "7"));
        Api.Download systemsXlsx = admin.download("/api/v1/integration/volumes?interval=day&export=xlsx&part=systems&" + range);
        assertThat(systemsXlsx.contentType()).contains("spreadsheetml");
        assertThat(Exports.xlsxText(systemsXlsx.body())).contains("系统编码", "HIS 医院信息系统", "200");
        assertThat(admin.get("/api/v1/integration/volumes?export=csv&part=nope").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/volumes?interval=week").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/volumes?from=2026-13-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/volumes?from=" + d2 + "&to=" + d1).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/integration/volumes?export=pdf").status()).isEqualTo(400);
        Api staff = admin.newUser("volstaff" + UUID.randomUUID().toString().substring(0, 4), "护士", "Volume#Staff-2026",
                "HOSPITAL_STAFF");
        assertThat(staff.get("/api/v1/integration/volumes").status()).isEqualTo(403);
    }
}
