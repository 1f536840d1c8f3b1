package org.medops.integration.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.integration.MllpClient;
import org.medops.testing.AdjustableClock;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The closed loop end to end: a real ORU^R01 over MLLP with an HH flag reaches the CRITICAL_VALUE destination, a
 * real webhook receives the ward's notice, then acknowledge → handle → close (409 out of order); an unacknowledged
 * one escalates to the head and then to 医务科, each once, as the clock moves on; a redelivery records nothing new.
 */
@MedopsTest
class CriticalValuesIT {

    static final HttpReceiver hooks = new HttpReceiver();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AdjustableClock clock;

    @Autowired
    CriticalLoop loop;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        hooks.stop();
    }

    @BeforeEach
    void runningClock() {
        clock.set(null);
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    /** A ward doctor: the CLINICIAN role only, no right on the integration engine. */
    Api clinician(Api admin) {
        String name = "doc-" + UUID.randomUUID().toString().substring(0, 6);
        return admin.newUser(name, "临床医生", "Clin#Pass-2026", "CLINICIAN");
    }

    static String oru(String controlId, String ward, String flag) {
        return "MSH|^~\\&|LIS|HOSP|HIS|HOSP|20261202083000||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1\r"
                + "PID|1||P10023456^^^HOSP^MR||张三丰^^^^^^L||19600307|M\r"
                + "PV1|1|I|" + ward + "^12^03||||D001^王^医生|||心内科\r"
                + "ORC|RE|O1|F1||||||||D001^王^医生|||||心内科^心内科\r"
                + "OBR|1|O1|F1|K^电解质|||20261202080000|||||||||D001^王^医生||||||20261202082500|||F|||||||||LIS1^李^检验\r"
                + "OBX|1|NM|K^血钾||6.9|mmol/L|3.5-5.5|" + flag + "|||F|||20261202082000||LIS1^李^检验\r"
                + "OBX|2|NM|NA^血钠||140|mmol/L|135-145|N|||F\r";
    }

    /** Webhook targets for the ward, the head and 医务科, and the department's contacts. */
    void contacts(Api admin, String ward, int minutes) {
        String suffix = ward;
        target(admin, "病区-" + suffix, "/ward-" + suffix);
        target(admin, "主任-" + suffix, "/head-" + suffix);
        target(admin, "医务科-" + suffix, "/office-" + suffix);
        assertThat(admin.put("/api/v1/integration/critical-values/departments/" + enc(ward), """
                {"clinicianTarget":"病区-%s","headTarget":"主任-%s","ackMinutes":%d}""".formatted(suffix, suffix, minutes))
                .status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/integration/critical-values/departments/" + enc("医务科"), """
                {"headTarget":"医务科-%s","ackMinutes":10}""".formatted(suffix)).status()).isEqualTo(200);
    }

    static void target(Api admin, String name, String path) {
        Api.Response created = admin.post("/api/v1/notify/targets", """
                {"name":"%s","kind":"WEBHOOK","address":"%s"}""".formatted(name, hooks.url(path)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    int channel(Api admin) throws Exception {
        String code = "crit-" + UUID.randomUUID().toString().substring(0, 8);
        int mllp = ForkedMedops.freePort();
        Api.Response saved = admin.put("/api/v1/integration/channels/" + code, """
                {"code":"%s","name":"LIS 检验结果 → 危急值闭环","source":{"type":"MLLP","port":%d},
                 "destinations":[{"name":"critical","type":"CRITICAL_VALUE"}]}""".formatted(code, mllp));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return mllp;
    }

    JsonNode only(Api api, String ward) {
        JsonNode rows = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/integration/critical-values?open=true&department=" + enc(ward)).json().get("rows"),
                r -> r.size() == 1);
        return rows.get(0);
    }

    @Test
    void anHhResultGoesThroughEveryStageOnceAndOutOfOrderStepsAre409() throws Exception {
        Api admin = admin();
        Api doctor = clinician(admin);
        String ward = "CCU-" + UUID.randomUUID().toString().substring(0, 4);
        contacts(admin, ward, 10);
        int mllp = channel(admin);
        try (MllpClient client = MllpClient.await(mllp)) {
            assertThat(client.send(oru("C" + ward, ward, "HH"))).contains("MSA|AA");
        }
        JsonNode row = only(admin.contentReader(), ward);
        long id = row.get("id").asLong();
        assertThat(row.get("itemCode").asString()).isEqualTo("K");
        assertThat(row.get("value").asString()).isEqualTo("6.9");
        assertThat(row.get("flag").asString()).isEqualTo("HH");
        assertThat(row.get("referenceRange").asString()).isEqualTo("3.5-5.5");
        assertThat(row.get("reportingDepartment").asString()).isNotBlank();
        assertThat(row.get("reporter").asString()).isEqualTo("李检验");
        assertThat(row.get("clinician").asString()).isEqualTo("王医生");
        assertThat(row.get("orderingDepartment").asString()).isEqualTo("心内科");
        // masked in the list for a reader without integration:data
        assertThat(row.get("patient").get("name").asString()).isEqualTo("张**");
        assertThat(row.get("patient").get("id").asString()).isEqualTo("P*******6");
        assertThat(row.get("patient").get("masked").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> !hooks.bodies("/ward-" + ward).isEmpty());
        String notice = hooks.bodies("/ward-" + ward).get(0);
        assertThat(notice).contains("危急值", "血钾", "6.9").doesNotContain("张三丰", "P10023456");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.contentReader().get("/api/v1/integration/critical-values/" + id).json()
                .get("value").get("status").asString().equals("DELIVERED"));

        // the values are medical content (数据权): the administrator reads neither the board nor a value
        assertThat(admin.get("/api/v1/integration/critical-values/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/integration/critical-values?department=" + enc(ward)).status()).isEqualTo(403);
        // running the engine is not a clinical right: the administrator cannot acknowledge
        assertThat(admin.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "").status()).isEqualTo(403);
        Api.Response early = doctor.post("/api/v1/integration/critical-values/" + id + "/handle",
                "{\"action\":\"补钾停用\",\"note\":\"\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("critical-value-not-acknowledged");
        assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/close", "").status()).isEqualTo(409);

        Api.Response acknowledged = doctor.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedBy").asString()).startsWith("doc-");
        Api.Response twice = doctor.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("critical-value-acknowledged-already");

        assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/handle", "{\"action\":\"\"}").status())
                .isEqualTo(400);
        Api.Response handled = doctor.post("/api/v1/integration/critical-values/" + id + "/handle",
                "{\"action\":\"停用含钾补液，予降钾处理\",\"note\":\"复查血钾\"}");
        assertThat(handled.status()).isEqualTo(200);
        assertThat(handled.json().get("handleAction").asString()).isEqualTo("停用含钾补液，予降钾处理");
        Api.Response closed = doctor.post("/api/v1/integration/critical-values/" + id + "/close", "");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/close", "").json().get("code").asString())
                .isEqualTo("critical-value-closed-already");

        JsonNode detail = admin.contentReader().get("/api/v1/integration/critical-values/" + id).json();
        List<String> kinds = new ArrayList<>();
        detail.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("REPORTED", "DELIVERED", "ACKNOWLEDGED", "HANDLED", "CLOSED");
        assertThat(jdbc.sql("select action from audit_records where target_id = :id and target_type = 'integration-critical-value'")
                .param("id", String.valueOf(id)).query(String.class).list()).contains("integration.critical.report",
                "integration.critical.acknowledged", "integration.critical.handled", "integration.critical.closed");

        // a redelivery of the same stored message records nothing new
        long messageId = detail.get("value").get("messageId").asLong();
        assertThat(loop.take(messageId, detail.get("value").get("channel").asString(), oru("C" + ward, ward, "HH")))
                .isZero();
        assertThat(jdbc.sql("select count(*) from integration_critical_values where message_id = :m").param("m", messageId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(admin.contentReader().get("/api/v1/integration/critical-values/999999999").status()).isEqualTo(404);
        assertThat(admin.contentReader().get("/api/v1/integration/critical-values?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void anUnacknowledgedValueEscalatesToTheHeadThenToMedicalAffairsEachOnce() throws Exception {
        Api admin = admin();
        String ward = "ICU-" + UUID.randomUUID().toString().substring(0, 4);
        contacts(admin, ward, 10);
        int mllp = channel(admin);
        try (MllpClient client = MllpClient.await(mllp)) {
            assertThat(client.send(oru("E" + ward, ward, "LL"))).contains("MSA|AA");
        }
        JsonNode row = only(admin.contentReader(), ward);
        long id = row.get("id").asLong();
        // the engine runs on the real clock until the value is recorded; from then on the test moves time
        Instant start = Instant.parse(row.get("recordedAt").asString());
        clock.set(start.plus(Duration.ofMinutes(9)));
        assertThat(loop.escalate()).noneMatch(v -> v.id() == id);

        clock.set(start.plus(Duration.ofMinutes(11)));
        // two nodes at once: the claim lets one of them escalate
        CompletableFuture<List<CriticalValue>> a = CompletableFuture.supplyAsync(loop::escalate);
        CompletableFuture<List<CriticalValue>> b = CompletableFuture.supplyAsync(loop::escalate);
        long escalations = a.get().stream().filter(v -> v.id() == id).count() + b.get().stream().filter(v -> v.id() == id).count();
        assertThat(escalations).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> hooks.bodies("/head-" + ward).size() == 1);
        assertThat(hooks.bodies("/head-" + ward).get(0)).contains("超时").doesNotContain("张三丰");
        JsonNode overdue = admin.contentReader().get("/api/v1/integration/critical-values?overdue=true&department=" + enc(ward)).json();
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("rows").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("rows").get(0).get("escalationLevel").asInt()).isEqualTo(1);
        loop.escalate();
        assertThat(hooks.bodies("/office-" + ward)).isEmpty();

        clock.set(start.plus(Duration.ofMinutes(22)));
        loop.escalate();
        loop.escalate();
        await().atMost(Duration.ofSeconds(20)).until(() -> hooks.bodies("/office-" + ward).size() == 1);
        clock.set(start.plus(Duration.ofMinutes(60)));
        loop.escalate();
        Thread.sleep(500);
        assertThat(hooks.bodies("/head-" + ward)).hasSize(1);
        assertThat(hooks.bodies("/office-" + ward)).hasSize(1);
        List<String> kinds = new ArrayList<>();
        admin.contentReader().get("/api/v1/integration/critical-values/" + id).json().get("timeline")
                .forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("REPORTED", "DELIVERED", "ESCALATED_HEAD", "ESCALATED_OFFICE");

        clock.set(null);
        // acknowledging late still works and stops the escalation
        assertThat(clinician(admin).post("/api/v1/integration/critical-values/" + id + "/acknowledge", "").status())
                .isEqualTo(200);
        assertThat(admin.contentReader().get("/api/v1/integration/critical-values?overdue=true&department=" + enc(ward)).json()
                .get("total").asLong()).isZero();
    }

    @Test
    void aJsonCriticalValueMessageAndARuleAreRecordedAndTheReportExports() throws Exception {
        Api admin = admin();
        String ward = "NICU-" + UUID.randomUUID().toString().substring(0, 4);
        assertThat(admin.put("/api/v1/integration/critical-values/rules/GLU",
                "{\"name\":\"血糖\",\"low\":2.8,\"high\":25}").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/integration/critical-values/rules/bad%20code", "{}").status()).isEqualTo(400);
        int taken = loop.take(-System.nanoTime(), "json-topic", """
                {"patient":{"id":"P20001","name":"李小龙"},"reportedAt":"2026-12-02T08:30:00+08:00",
                 "reporter":{"department":"检验科","name":"赵检验"},
                 "orderer":{"department":"%s","ward":"%s","clinician":"周医生","clinicianId":"zhou"},
                 "results":[{"item":{"code":"PLT","name":"血小板"},"value":"15","unit":"10^9/L","referenceRange":"125-350","flag":"LL"},
                            {"item":{"code":"WBC","name":"白细胞"},"value":"1.2","unit":"10^9/L"}]}""".formatted(ward, ward));
        assertThat(taken).isEqualTo(2);
        int byRule = loop.take(-System.nanoTime(), "lis", oru("G" + ward, ward, "").replace("K^血钾||6.9", "GLU^血糖||1.9"));
        assertThat(byRule).isEqualTo(1);
        JsonNode rows = admin.contentReader().get("/api/v1/integration/critical-values?department=" + enc(ward) + "&sort=item,asc").json()
                .get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("itemCode").asString()).isEqualTo("GLU");
        assertThat(rows.get(0).get("flag").asString()).isEqualTo("LL");
        assertThat(rows.get(1).get("itemCode").asString()).isEqualTo("PLT");
        assertThat(rows.get(1).get("reportedAt").asString()).isEqualTo("2026-12-02T00:30:00Z");
        assertThat(rows.get(2).get("flag").asString()).isEqualTo("AA");

        JsonNode report = admin.get("/api/v1/integration/critical-values/report").json();
        assertThat(report.isArray()).isTrue();
        Api.Download xlsx = admin.download("/api/v1/integration/critical-values/report/export?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(admin.get("/api/v1/integration/critical-values/report?from=2026-13").status()).isEqualTo(400);
    }

    @Test
    void aReaderWithoutIntegrationRightsIsRefused() {
        Api admin = admin();
        String name = "staff-" + UUID.randomUUID().toString().substring(0, 6);
        Api staff = admin.newUser(name, "院内人员", "Staff#Pass-2026", "HOSPITAL_STAFF");
        assertThat(staff.get("/api/v1/integration/critical-values").status()).isEqualTo(403);
        assertThat(staff.post("/api/v1/integration/critical-values/1/acknowledge", "").status()).isEqualTo(403);
        String reader = "reader-" + UUID.randomUUID().toString().substring(0, 6);
        Api readOnly = admin.newUser(reader, "只读", "Reader#Pass-2026", "READ_ONLY");
        // the values are content: the read-only role (no data right) reads the stage-time report, not the board
        assertThat(readOnly.get("/api/v1/integration/critical-values").status()).isEqualTo(403);
        assertThat(readOnly.get("/api/v1/integration/critical-values/report").status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v1/integration/critical-values/1/acknowledge", "").status()).isEqualTo(403);
        // the clinician: the board, a record, the report and the steps, nothing of the engine
        Api doctor = clinician(admin);
        assertThat(doctor.get("/api/v1/integration/critical-values").status()).isEqualTo(200);
        assertThat(doctor.get("/api/v1/integration/critical-values/report").status()).isEqualTo(200);
        assertThat(doctor.get("/api/v1/integration/critical-values/999999999").status()).isEqualTo(404);
        assertThat(doctor.post("/api/v1/integration/critical-values/999999999/acknowledge", "").status()).isEqualTo(404);
        assertThat(doctor.get("/api/v1/integration/channels").status()).isEqualTo(403);
        assertThat(doctor.get("/api/v1/integration/messages").status()).isEqualTo(403);
        assertThat(doctor.put("/api/v1/integration/critical-values/rules/K", "{\"low\":2.8}").status()).isEqualTo(403);
        assertThat(doctor.put("/api/v1/integration/critical-values/his", "{\"channel\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void anAcknowledgedValueNotHandledInTimeEscalatesToTheHeadThenToMedicalAffairsEachOnce() throws Exception {
        Api admin = admin();
        String ward = "HW-" + UUID.randomUUID().toString().substring(0, 4);
        contacts(admin, ward, 10);
        assertThat(admin.put("/api/v1/integration/critical-values/departments/" + enc(ward), """
                {"clinicianTarget":"病区-%s","headTarget":"主任-%s","ackMinutes":10,"handleMinutes":30}""".formatted(ward, ward))
                .status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/integration/critical-values/departments/" + enc(ward),
                "{\"ackMinutes\":10,\"handleMinutes\":0}").status()).isEqualTo(400);
        int mllp = channel(admin);
        try (MllpClient client = MllpClient.await(mllp)) {
            assertThat(client.send(oru("H" + ward, ward, "HH"))).contains("MSA|AA");
        }
        long id = only(admin.contentReader(), ward).get("id").asLong();
        Api doctor = clinician(admin);
        JsonNode acknowledged = doctor.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "").json();
        Instant at = Instant.parse(acknowledged.get("acknowledgedAt").asString());
        assertThat(acknowledged.get("handlingOverdue").asBoolean()).isFalse();

        clock.set(at.plus(Duration.ofMinutes(29)));
        assertThat(loop.escalate()).noneMatch(v -> v.id() == id);
        clock.set(at.plus(Duration.ofMinutes(31)));
        CompletableFuture<List<CriticalValue>> a = CompletableFuture.supplyAsync(loop::escalate);
        CompletableFuture<List<CriticalValue>> b = CompletableFuture.supplyAsync(loop::escalate);
        assertThat(a.get().stream().filter(v -> v.id() == id).count() + b.get().stream().filter(v -> v.id() == id).count())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> hooks.bodies("/head-" + ward).size() == 1);
        assertThat(hooks.bodies("/head-" + ward).get(0)).contains("未处理").doesNotContain("张三丰");
        JsonNode overdue = admin.contentReader().get("/api/v1/integration/critical-values?overdue=true&department=" + enc(ward)).json();
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("rows").get(0).get("handlingOverdue").asBoolean()).isTrue();
        assertThat(overdue.get("rows").get(0).get("handleEscalationLevel").asInt()).isEqualTo(1);
        assertThat(overdue.get("rows").get(0).get("escalationLevel").asInt()).isZero();

        // 医务科's target is shared: other tests' open values may reach it too; count this value's notices only
        java.util.function.Supplier<Long> office = () -> hooks.bodies("/office-" + ward).stream()
                .filter(body -> java.util.regex.Pattern.compile("危急值编号 " + id + "(?![0-9,])").matcher(body).find()
                        && body.contains("未处理")).count();
        clock.set(at.plus(Duration.ofMinutes(45)));
        loop.escalate();
        assertThat(office.get()).isZero();
        clock.set(at.plus(Duration.ofMinutes(62)));
        loop.escalate();
        await().atMost(Duration.ofSeconds(60)).until(() -> office.get() == 1);
        clock.set(at.plus(Duration.ofMinutes(200)));
        assertThat(loop.escalate()).noneMatch(v -> v.id() == id);
        assertThat(hooks.bodies("/head-" + ward)).hasSize(1);
        assertThat(office.get()).isEqualTo(1);

        clock.set(null);
        assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/handle", "{\"action\":\"降钾治疗\"}")
                .status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        admin.contentReader().get("/api/v1/integration/critical-values/" + id).json().get("timeline")
                .forEach(e -> kinds.add(e.get("kind").asString()));
        // the steps at the test's times, the handling on the real clock: order by kind, not by time
        assertThat(kinds).contains("ACKNOWLEDGED", "UNHANDLED_HEAD", "UNHANDLED_OFFICE", "HANDLED");
        assertThat(admin.contentReader().get("/api/v1/integration/critical-values?overdue=true&department=" + enc(ward)).json()
                .get("total").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_records where target_id = :id and action = 'integration.critical.escalate'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void acknowledgementAndHandlingGoBackToHisThroughTheChannelsQueue() throws Exception {
        Api admin = admin();
        String ward = "HIS-" + UUID.randomUUID().toString().substring(0, 4);
        contacts(admin, ward, 10);
        String his = "his-" + UUID.randomUUID().toString().substring(0, 6);
        String path = "/" + his;
        Api.Response saved = admin.put("/api/v1/integration/channels/" + his, """
                {"code":"%s","name":"危急值 → HIS","source":{"type":"CHANNEL","dataType":"HL7V2"},
                 "destinations":[{"name":"his","type":"HTTP","url":"%s"}]}""".formatted(his, hooks.url(path)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        // a CHANNEL source reads JSON unless told otherwise: such a channel would refuse every message
        String json = his + "-json";
        assertThat(admin.put("/api/v1/integration/channels/" + json, """
                {"code":"%s","name":"JSON","source":{"type":"CHANNEL"},
                 "destinations":[{"name":"his","type":"HTTP","url":"%s"}]}""".formatted(json, hooks.url(path))).status())
                .isEqualTo(201);
        Api.Response refused = admin.put("/api/v1/integration/critical-values/his", "{\"channel\":\"%s\"}".formatted(json));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("critical-his-channel");
        assertThat(admin.put("/api/v1/integration/critical-values/his", "{\"channel\":\"no-such-channel\"}").status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/integration/critical-values/his",
                "{\"channel\":\"%s\",\"messageType\":\"ORR|O02\"}".formatted(his)).status()).isEqualTo(400);
        try {
            Api.Response set = admin.put("/api/v1/integration/critical-values/his", "{\"channel\":\"%s\"}".formatted(his));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("messageType").asString()).isEqualTo("ORR^O02^ORR_O02");
            int mllp = channel(admin);
            try (MllpClient client = MllpClient.await(mllp)) {
                assertThat(client.send(oru("R" + ward, ward, "HH"))).contains("MSA|AA");
            }
            long id = only(admin.contentReader(), ward).get("id").asLong();
            Api doctor = clinician(admin);
            assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/acknowledge", "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> hooks.bodies(path).size() == 1);
            String ack = hooks.bodies(path).get(0);
            assertThat(ack).startsWith("MSH|^~\\&|MEDOPS|CRITICAL|HIS|").contains("|ORR^O02^ORR_O02|CV" + id + "-ACKNOWLEDGED|")
                    .contains("MSA|AA|R" + ward + "|危急值已确认接收", "PID|1||P10023456^^^^MR||张三丰", "ORC|SC|O1|F1||IP",
                            "OBX|1|ST|K^血钾||6.9|mmol/L|3.5-5.5|HH", "ZCV|" + id + "|ACKNOWLEDGED|");
            assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/handle",
                    "{\"action\":\"停用含钾补液|降钾\",\"note\":\"复查\\n血钾\"}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> hooks.bodies(path).size() == 2);
            String handled = hooks.bodies(path).get(1);
            assertThat(handled).contains("CV" + id + "-HANDLED", "ORC|SC|O1|F1||CM",
                    "ZCV|" + id + "|HANDLED|").contains("停用含钾补液\\F\\降钾").doesNotContain("复查\n");

            // each went through the channel's store and queue: stored messages of the HIS channel, delivered
            JsonNode detail = admin.contentReader().get("/api/v1/integration/critical-values/" + id).json();
            assertThat(detail.get("toHis")).hasSize(2);
            long stored = detail.get("toHis").get(0).get("messageId").asLong();
            JsonNode message = admin.contentReader().get("/api/v1/integration/messages/" + stored).json();
            assertThat(message.get("channel").asString()).isEqualTo(his);
            List<String> kinds = new ArrayList<>();
            detail.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
            assertThat(kinds).contains("HIS_ACKNOWLEDGED", "HIS_HANDLED");
            // a hand-over repeated (a crash after the channel stored it) is a duplicate there, not a second message
            jdbc.sql("update integration_critical_outbox set sent_at = null where value_id = :id and stage = 'ACKNOWLEDGED'")
                    .param("id", id).update();
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from integration_critical_outbox where value_id = :id and sent_at is null")
                    .param("id", id).query(Long.class).single() == 0);
            long again = jdbc.sql("select message_id from integration_critical_outbox where value_id = :id and stage = 'ACKNOWLEDGED'")
                    .param("id", id).query(Long.class).single();
            assertThat(jdbc.sql("select duplicate_of from integration_messages where id = :m").param("m", again)
                    .query(Long.class).single()).isEqualTo(stored);
            assertThat(jdbc.sql("select count(*) from integration_queue where message_id = :m").param("m", again)
                    .query(Long.class).single()).isZero();
            assertThat(hooks.bodies(path)).hasSize(2);
            // closing is not sent
            assertThat(doctor.post("/api/v1/integration/critical-values/" + id + "/close", "").status()).isEqualTo(200);
            assertThat(jdbc.sql("select count(*) from integration_critical_outbox where value_id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(2);
        } finally {
            admin.put("/api/v1/integration/critical-values/his", "{\"channel\":\"\"}");
        }
    }
}
