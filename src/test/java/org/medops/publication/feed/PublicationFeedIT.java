package org.medops.publication.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.gateway.GatewayPorts;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.medops.testing.SignedClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway port as the built-in service {@code publication}: a draft is invisible, a second person's
 * approval publishes it under a new version, {@code since=N} returns exactly the later changes, only the approved
 * fields reach the channel, an unchanged feed answers 304 to its ETag.
 */
@MedopsTest
class PublicationFeedIT {

    private static final String PASSWORD = "Publish#Keeper-2026";

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftIsInvisibleUntilAnotherPersonApprovesAndTheChannelSeesOnlyItsApprovedFields() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api writer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("pa-" + s, "医务科 甲", PASSWORD, "DATA_PUBLISHER");
        Api second = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("pb-" + s, "门诊部 乙", PASSWORD, "DATA_PUBLISHER");
        Api owner = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("pr-" + s, "信息科 丙", PASSWORD, "HOSPITAL_REVIEWER");

        String channel = "mp-" + s;
        Api.Response issued = admin.post("/api/v1/channels", "{\"code\":\"" + channel + "\",\"name\":\"微信小程序\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        SignedClient client = new SignedClient(GatewayPorts.of(context), issued.json().get("appKey").asString(),
                issued.json().get("appSecret").asString());

        Api.Response applied = writer.post("/api/v1/publication/subscriptions", """
                {"channel":"%s","topic":"departments","purpose":"小程序科室导航","fields":["name","location","category"]}"""
                .formatted(channel));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long subscription = applied.json().get("id").asLong();
        assertThat(writer.post("/api/v1/publication/subscriptions/" + subscription + "/approve", "{}").status())
                .as("a data keeper is not the data owner").isEqualTo(403);
        Api.Response wrongField = writer.post("/api/v1/publication/subscriptions", """
                {"channel":"%s","topic":"doctors","purpose":"x","fields":["name","mobile"]}""".formatted(channel));
        assertThat(wrongField.status()).isEqualTo(400);
        assertThat(wrongField.body()).contains("publication-subscription-field-unpublishable");
        Api.Response approvedSub = owner.post("/api/v1/publication/subscriptions/" + subscription + "/approve",
                "{\"fields\":[\"name\",\"location\"],\"note\":\"类别不需要\"}");
        assertThat(approvedSub.status()).as(approvedSub.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/publication/departments?since=0").status() == 200);

        String code = "D" + s.toUpperCase();
        Api.Response draft = writer.put("/api/v1/publication/departments/" + code, """
                {"name":"心血管内科","category":"0304","status":"OPEN","location":"门诊楼3层","beds":40,"note":"新科室"}""");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("status").asString()).isEqualTo("PENDING");

        JsonNode before = feed(client, 0);
        assertThat(keys(before)).as("a draft is invisible through the gateway").doesNotContain(code);

        Api.Response self = writer.post("/api/v1/publication/departments/" + code + "/approve", "{}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("type").asString()).endsWith("publication-self-approval");

        Api.Response approved = second.post("/api/v1/publication/departments/" + code + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long v1 = approved.json().get("version").asLong();
        assertThat(v1).isGreaterThan(before.get("version").asLong());

        JsonNode after = feed(client, 0);
        JsonNode entry = entry(after, code);
        assertThat(entry.get("version").asLong()).isEqualTo(v1);
        assertThat(entry.get("fields").get("name").asString()).isEqualTo("心血管内科");
        assertThat(entry.get("fields").get("location").asString()).isEqualTo("门诊楼3层");
        assertThat(entry.get("fields").has("category")).as("requested but not approved").isFalse();
        assertThat(entry.get("fields").has("beds")).as("never asked for").isFalse();

        // since=N: exactly the changes after N, removals included.
        String other = "E" + s.toUpperCase();
        assertThat(writer.put("/api/v1/publication/departments/" + other,
                "{\"name\":\"呼吸内科\",\"category\":\"0301\",\"status\":\"OPEN\"}").status()).isEqualTo(200);
        long v2 = second.post("/api/v1/publication/departments/" + other + "/approve", "{}").json().get("version").asLong();
        assertThat(second.put("/api/v1/publication/departments/" + code,
                "{\"name\":\"心血管内科\",\"category\":\"0304\",\"status\":\"OPEN\",\"location\":\"门诊楼4层\"}").status())
                .isEqualTo(200);
        long v3 = writer.post("/api/v1/publication/departments/" + code + "/approve", "{}").json().get("version").asLong();
        assertThat(v3).isGreaterThan(v2).isGreaterThan(v1);

        JsonNode sinceV1 = feed(client, v1);
        assertThat(keys(sinceV1)).containsExactly(other, code);
        assertThat(entry(sinceV1, code).get("fields").get("location").asString()).isEqualTo("门诊楼4层");
        assertThat(sinceV1.get("version").asLong()).isEqualTo(v3);
        JsonNode sinceV2 = feed(client, v2);
        assertThat(keys(sinceV2)).containsExactly(code);
        JsonNode sinceV3 = feed(client, v3);
        assertThat(keys(sinceV3)).isEmpty();
        assertThat(sinceV3.get("version").asLong()).isEqualTo(v3);

        assertThat(writer.delete("/api/v1/publication/departments/" + other).status()).isEqualTo(200);
        long v4 = second.post("/api/v1/publication/departments/" + other + "/approve", "{}").json().get("version").asLong();
        JsonNode sinceV3Again = feed(client, v3);
        assertThat(keys(sinceV3Again)).isEmpty();
        assertThat(sinceV3Again.get("removed").toString()).contains(other);
        assertThat(sinceV3Again.get("version").asLong()).isEqualTo(v4);
        assertThat(keys(feed(client, 0))).as("a snapshot holds live records only").contains(code).doesNotContain(other);

        // ETag: the same answer again is a 304.
        HttpResponse<String> first = client.raw("GET", "/publication/departments?since=" + v1, List.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(client.raw("GET", "/publication/departments?since=" + v1, List.of("If-None-Match", etag)).statusCode())
                .isEqualTo(304);

        // History keeps the field-level diff and who wrote and approved each version.
        JsonNode history = writer.get("/api/v1/publication/departments/" + code + "/history").json();
        assertThat(history.get("versions").get(0).get("version").asLong()).isEqualTo(v3);
        assertThat(history.get("versions").get(0).get("changes").toString()).contains("门诊楼3层").contains("门诊楼4层");
        assertThat(history.get("versions").get(0).get("approvedBy").asString()).isEqualTo("pa-" + s);

        // Rollback is a reviewed change.
        assertThat(writer.post("/api/v1/publication/departments/" + code + "/rollback", "{\"version\":" + v1 + "}")
                .status()).isEqualTo(200);
        assertThat(keys(feed(client, v4))).as("not before it is approved").isEmpty();
        long v5 = second.post("/api/v1/publication/departments/" + code + "/approve", "{}").json().get("version").asLong();
        assertThat(entry(feed(client, v4), code).get("fields").get("location").asString()).isEqualTo("门诊楼3层");
        assertThat(v5).isGreaterThan(v4);

        assertThat(jdbc.sql("select count(*) from publication_usage where subscription_id = :id and kind = 'READ'")
                .param("id", subscription).query(Long.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit_records where target_type = 'publication-record' and target_id = :t")
                .param("t", "departments/" + code).query(Long.class).single()).as("drafts and approvals").isEqualTo(6);
    }

    @Test
    void badDraftsAreRefusedFieldByFieldAndAChannelWithoutSubscriptionReadsNothing() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        Api writer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("pc-" + s, "医务科 丁", PASSWORD, "DATA_PUBLISHER");
        Api.Response bad = writer.put("/api/v1/publication/departments/X" + s,
                "{\"name\":\"\",\"category\":\"9999\",\"status\":\"GONE\",\"phone\":\"abc\",\"colour\":\"red\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("publication-fields-invalid").contains("name:required")
                .contains("category:code-unknown").contains("status:choice-invalid").contains("phone:phone-invalid")
                .contains("colour:unknown");
        assertThat(writer.get("/api/v1/publication/departments/X" + s).status()).isEqualTo(404);

        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api.Response issued = admin.post("/api/v1/channels", "{\"code\":\"kiosk-" + s + "\",\"name\":\"自助机\"}");
        assertThat(admin.post("/api/v1/channels/kiosk-" + s + "/grants", "{\"serviceCode\":\"publication\"}").status())
                .isEqualTo(201);
        SignedClient client = new SignedClient(GatewayPorts.of(context), issued.json().get("appKey").asString(),
                issued.json().get("appSecret").asString());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/publication/departments").body().contains("publication-subscription-missing"));
        SignedClient.Reply refused = client.get("/publication/departments");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("publication-subscription-missing");
    }

    private JsonNode feed(SignedClient client, long since) {
        SignedClient.Reply reply = client.get("/publication/departments?since=" + since + "&limit=1000");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("changed").forEach(e -> keys.add(e.get("key").asString()));
        return keys;
    }

    private static JsonNode entry(JsonNode page, String key) {
        for (JsonNode e : page.get("changed")) {
            if (e.get("key").asString().equals(key)) {
                return e;
            }
        }
        throw new AssertionError(key + " not in " + page);
    }
}
