package org.medops.integration.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.medops.testing.Problems;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry end to end over real HTTP: a topic, subscriptions approved into its channel, published messages
 * reaching every active subscriber and the channel's own destination, suspend and resume, who may do what, bad
 * input, and the service list export.
 */
@MedopsTest
class ServiceRegistryIT {

    @LocalServerPort
    int port;

    final HttpReceiver receiver = new HttpReceiver();

    @AfterEach
    void stop() {
        receiver.stop();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String adt(String controlId) {
        return "MSH|^~\\&|HIS|HOSP|ESB|HOSP|20261202100000||ADT^A01|" + controlId + "|P|2.5.1\r"
                + "PID|1||P" + controlId + "^^^HOSP^MR||张三||19800101|M\r";
    }

    String subscribe(Api who, String topic, String system, String path) {
        var answer = who.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"%s","delivery":{"type":"HTTP","url":"%s"}}"""
                .formatted(topic, system, receiver.url(path)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("PENDING");
        return answer.json().get("id").asString();
    }

    void publish(Api who, String topic, String controlId) {
        var published = who.post("/api/v1/integration/topics/" + topic + "/messages", "application/hl7-v2",
                adt(controlId).getBytes(StandardCharsets.UTF_8));
        assertThat(published.status()).as(published.body()).isEqualTo(202);
        assertThat(published.json().get("id").asLong()).isPositive();
    }

    List<String> got(String path) {
        return receiver.bodies(path);
    }

    @Test
    void anApprovedSubscriberGetsWhatIsPublishedASuspendedOneNothingUntilResumed() {
        Api admin = admin();
        String channel = code("pub");
        var saved = admin.put("/api/v1/integration/channels/" + channel, """
                {"name":"HIS 入院登记发布","source":{"type":"CHANNEL","dataType":"HL7V2"},
                 "destinations":[{"name":"esb","type":"HTTP","url":"%s"}]}""".formatted(receiver.url("/existing")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String topic = code("adt");
        var registered = admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"入院登记","system":"HIS","kind":"TOPIC","messageType":"ADT^A01",
                 "messageVersion":"2.5.1","owner":"admin","channel":"%s"}""".formatted(topic, channel));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Api operator = admin.newUser(code("op"), "接口运维", "Operator#Reg-2026", "OPS_ENGINEER");
        String emr = subscribe(operator, topic, "EMR", "/emr");
        String lis = subscribe(operator, topic, "LIS", "/lis");
        Problems.problem(operator.post("/api/v1/integration/subscriptions/" + emr + "/approve", "{}"), 403,
                "integration-subscription-not-owner");
        assertThat(admin.post("/api/v1/integration/subscriptions/" + emr + "/approve", "{}").json()
                .get("status").asString()).isEqualTo("ACTIVE");
        assertThat(admin.post("/api/v1/integration/subscriptions/" + lis + "/approve", "{}").status()).isEqualTo(200);
        Problems.problem(admin.post("/api/v1/integration/subscriptions/" + lis + "/approve", "{}"), 409,
                "integration-subscription-state");
        assertThat(admin.get("/api/v1/integration/channels/" + channel + "/versions").json())
                .as("each approval is a channel version").hasSize(3);
        assertThat(admin.get("/api/v1/integration/channels/" + channel).body()).contains("sub-" + emr, "sub-" + lis);

        publish(operator, topic, "R1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(got("/existing")).hasSize(1);
            assertThat(got("/emr")).hasSize(1);
            assertThat(got("/lis")).hasSize(1);
        });
        assertThat(got("/emr").get(0)).contains("R1");

        assertThat(admin.post("/api/v1/integration/subscriptions/" + emr + "/suspend", "{}").json()
                .get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(admin.get("/api/v1/integration/channels/" + channel).body()).doesNotContain("sub-" + emr);
        publish(operator, topic, "R2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(got("/lis")).hasSize(2);
            assertThat(got("/existing")).hasSize(2);
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> got("/emr").size() == 1);

        assertThat(admin.post("/api/v1/integration/subscriptions/" + emr + "/resume", "{}").json()
                .get("status").asString()).isEqualTo("ACTIVE");
        publish(operator, topic, "R3");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(got("/emr")).hasSize(2));
        assertThat(got("/emr").get(1)).contains("R3");

        var view = admin.get("/api/v1/integration/services/" + topic).json();
        assertThat(view.get("subscriptions")).hasSize(2);
        assertThat(admin.auditAdmin().get("/api/v1/audit?action=integration.subscription.suspend").json().get("entries"))
                .anySatisfy(e -> assertThat(e.get("targetId").asString()).isEqualTo(emr));

        var list = admin.download("/api/v1/integration/service-list/export?format=csv&system=EMR");
        assertThat(list.status()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(list.body());
        assertThat(rows.get(0)).contains("系统", "方向", "服务编码", "近30天消息量");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(topic, "订阅", "入院登记", "在用"));
        assertThat(rows.stream().skip(1)).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("EMR 电子病历"));
        var whole = Exports.csv(admin.download("/api/v1/integration/service-list/export?format=csv").body());
        assertThat(whole).anySatisfy(r -> assertThat(r).contains(topic, "发布", "HIS 医院信息系统"));

        // Message volumes roll the topic's channel up per system: HIS published 3, EMR received 2, LIS 3.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var systems = admin.get("/api/v1/integration/volumes?channel=" + channel).json().get("systems");
            assertThat(systems.toString()).contains("\"system\":\"HIS\",\"published\":3,\"received\":0",
                    "\"system\":\"EMR\",\"published\":0,\"received\":2", "\"system\":\"LIS\",\"published\":0,\"received\":3");
        });
    }

    @Test
    void aTopicWithoutAChannelGetsOneAndBadInputIsAProblem() {
        Api admin = admin();
        String topic = code("crit");
        var registered = admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"危急值","system":"LIS","kind":"TOPIC","messageType":"ORU^R01"}""".formatted(topic));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("channel").asString()).isEqualTo("topic-" + topic);
        assertThat(admin.get("/api/v1/integration/channels/topic-" + topic).body()).contains("\"CHANNEL\"");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"again","system":"LIS","kind":"TOPIC"}""".formatted(topic)), 409,
                "integration-service-exists");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"NOPE","kind":"TOPIC"}""".formatted(code("x"))), 400, "unknown-system");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"HIS","kind":"QUEUE"}""".formatted(code("x"))), 400,
                "integration-service-kind");
        Problems.problem(admin.post("/api/v1/integration/services", """
                {"code":"Bad Code","name":"x","system":"HIS","kind":"SERVICE"}"""), 400, "integration-service-code");

        Problems.problem(admin.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR","delivery":{"type":"NOTIFY","target":"x"}}""".formatted(topic)), 422,
                "integration-subscription-delivery-type");
        Problems.problem(admin.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR","delivery":{"type":"HTTP"}}""".formatted(topic)), 400,
                "integration-channel-invalid");
        Problems.problem(admin.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR","delivery":{"type":"HTTP","url":"http://127.0.0.1:9/x"}}"""
                .formatted(code("none"))), 404, "not-found");
        Problems.problem(admin.post("/api/v1/integration/subscriptions/999999999/approve", "{}"), 404, "not-found");
        Problems.problem(admin.post("/api/v1/integration/topics/" + code("none") + "/messages", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)), 404, "not-found");

        var answer = admin.get("/api/v1/integration/services?system=LIS&kind=TOPIC&status=ACTIVE&size=100&sort=updatedAt,desc");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rows")).anySatisfy(r -> assertThat(r.get("code").asString()).isEqualTo(topic));
        Problems.problem(admin.get("/api/v1/integration/services?kind=QUEUE"), 400, "integration-service-kind");

        var changed = admin.put("/api/v1/integration/services/" + topic, """
                {"name":"危急值报告","messageVersion":"2.5.1"}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("危急值报告");
        assertThat(admin.post("/api/v1/integration/services/" + topic + "/retire", "{}").json().get("status").asString())
                .isEqualTo("RETIRED");
        Problems.problem(admin.post("/api/v1/integration/topics/" + topic + "/messages", "application/hl7-v2",
                adt("X1").getBytes(StandardCharsets.UTF_8)), 409, "integration-service-retired");
        Problems.problem(admin.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR","delivery":{"type":"HTTP","url":"http://127.0.0.1:9/x"}}"""
                .formatted(topic)), 409, "integration-service-retired");
    }

    @Test
    void withoutTheRightsAUserGets403() {
        Api admin = admin();
        String topic = code("rights");
        assertThat(admin.post("/api/v1/integration/services", """
                {"code":"%s","name":"检验报告发布","system":"LIS","kind":"TOPIC"}""".formatted(topic)).status())
                .isEqualTo(201);
        Api staff = admin.newUser(code("staff"), "临床用户", "Staff#Reg-2026", "HOSPITAL_STAFF");
        assertThat(staff.get("/api/v1/integration/services").status()).isEqualTo(403);
        assertThat(staff.post("/api/v1/integration/subscriptions", """
                {"service":"%s","system":"EMR","delivery":{"type":"HTTP","url":"http://127.0.0.1:9/x"}}"""
                .formatted(topic)).status()).isEqualTo(403);
        assertThat(staff.post("/api/v1/integration/topics/" + topic + "/messages", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        Api operator = admin.newUser(code("op"), "接口运维", "Operator#Reg-2026", "OPS_ENGINEER");
        assertThat(operator.post("/api/v1/integration/services", """
                {"code":"%s","name":"x","system":"LIS","kind":"SERVICE"}""".formatted(code("op"))).status())
                .as("registering changes channels: a system administrator's duty").isEqualTo(403);
        String id = subscribe(operator, topic, "EMR", "/emr");
        assertThat(operator.post("/api/v1/integration/subscriptions/" + id + "/cancel", "{}").json()
                .get("status").asString()).as("the requester may withdraw it").isEqualTo("CANCELLED");
    }
}
