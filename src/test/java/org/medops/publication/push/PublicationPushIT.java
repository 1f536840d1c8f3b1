package org.medops.publication.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook that fails twice and then answers gets each publication once, in version order, signed with the
 * channel's secret and cut to the approved fields; a channel that stays down is alerted once and recovers.
 */
@MedopsTest
class PublicationPushIT {

    private static final String PASSWORD = "Publish#Keeper-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aReceiverFailingTwiceGetsEveryPublicationOnceInOrder() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api writer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("qa-" + s, "医务科 甲", PASSWORD, "DATA_PUBLISHER");
        Api second = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("qb-" + s, "门诊部 乙", PASSWORD, "DATA_PUBLISHER");
        Api owner = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("qr-" + s, "信息科 丙", PASSWORD, "HOSPITAL_REVIEWER");
        HttpReceiver receiver = new HttpReceiver();
        try {
            String channel = "app-" + s;
            Api.Response issued = admin.post("/api/v1/channels", "{\"code\":\"" + channel + "\",\"name\":\"医院App\"}");
            String secret = issued.json().get("appSecret").asString();
            long subscription = writer.post("/api/v1/publication/subscriptions", """
                    {"channel":"%s","topic":"departments","purpose":"App 科室信息","fields":["name","category"],
                     "webhookUrl":"%s"}""".formatted(channel, receiver.url("/hook"))).json().get("id").asLong();
            assertThat(owner.post("/api/v1/publication/subscriptions/" + subscription + "/approve",
                    "{\"fields\":[\"name\"]}").status()).isEqualTo(200);

            receiver.failNext("/hook", 2);
            String a = "PA" + s.toUpperCase();
            String b = "PB" + s.toUpperCase();
            long v1 = publish(writer, second, a, "消化内科");
            long v2 = publish(writer, second, b, "神经内科");

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.bodies("/hook").size() >= 2);
            assertThat(receiver.refused()).hasSize(2);
            List<String> bodies = receiver.bodies("/hook");
            JsonNode first = json.readTree(bodies.get(0));
            JsonNode then = json.readTree(bodies.get(1));
            assertThat(first.get("version").asLong()).isEqualTo(v1);
            assertThat(first.get("key").asString()).isEqualTo(a);
            assertThat(then.get("version").asLong()).isEqualTo(v2);
            assertThat(first.get("fields").get("name").asString()).isEqualTo("消化内科");
            assertThat(first.get("fields").has("category")).as("asked for, not approved").isFalse();
            assertThat(first.get("fields").has("location")).isFalse();

            String timestamp = receiver.header("/hook", "X-MedOps-Timestamp").get(0);
            assertThat(receiver.header("/hook", "X-MedOps-Signature").get(0))
                    .isEqualTo("hmac-sha256=" + hmac(secret, timestamp + "\n" + bodies.get(0)));

            JsonNode log = owner.get("/api/v1/publication/deliveries?subscription=" + subscription).json().get("rows");
            assertThat(log).hasSize(2);
            long firstDelivery = log.get(1).get("id").asLong();
            assertThat(log.get(1).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(owner.get("/api/v1/publication/deliveries/" + firstDelivery + "/attempts").json())
                    .as("two refusals, one success").hasSize(3);

            // Down for longer: alerted once, and the queue goes on when it answers again.
            receiver.failNext("/hook", 4);
            long v3 = publish(writer, second, a, "消化内科（内镜中心）");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies("/hook").size() >= 3);
            assertThat(json.readTree(receiver.bodies("/hook").get(2)).get("version").asLong()).isEqualTo(v3);
            Thread.sleep(500); // further rounds must not send anything again
            assertThat(receiver.bodies("/hook")).as("each publication once").hasSize(3);
            assertThat(jdbc.sql("""
                            select action from audit_records where target_type = 'publication-subscription'
                              and target_id = :id and action like 'publication.push.%' order by seq""")
                    .param("id", String.valueOf(subscription)).query(String.class).list())
                    .containsExactly("publication.push.down", "publication.push.recovered");
            assertThat(jdbc.sql("select count(*) from publication_usage where subscription_id = :id and kind = 'PUSH'")
                    .param("id", subscription).query(Long.class).single()).isEqualTo(3);
        } finally {
            receiver.stop();
        }
    }

    private static long publish(Api writer, Api second, String code, String name) {
        Api.Response draft = writer.put("/api/v1/publication/departments/" + code,
                "{\"name\":\"" + name + "\",\"category\":\"0302\",\"status\":\"OPEN\",\"location\":\"内科楼2层\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        Api.Response approved = second.post("/api/v1/publication/departments/" + code + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("version").asLong();
    }

    private static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
