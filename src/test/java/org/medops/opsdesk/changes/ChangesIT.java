package org.medops.opsdesk.changes;

import org.medops.opsdesk.requirements.RequirementsIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Changes over real HTTP: the maintenance window and overlap rules, the hospital's written authorization
 * (never by an engineer, never by the requester), execution and result.
 */
@MedopsTest
public class ChangesIT {

    static final String PASSWORD = "Opsdesk#Chg-2026";
    static final String BASE = "/api/v1/opsdesk/changes";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api engineer;
    Api reviewer;
    Api otherReviewer;
    String reviewerName;
    String otherReviewerName;
    String engineerName;
    String suffix;

    @BeforeEach
    void people() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        reviewerName = "chg-rev" + suffix;
        otherReviewerName = "chg-rev2" + suffix;
        engineerName = "chg-eng" + suffix;
        engineer = admin.newUser(engineerName, "厂商工程师 张伟", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser(reviewerName, "信息科 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
        otherReviewer = admin.newUser(otherReviewerName, "信息科主任 林芳", PASSWORD, "HOSPITAL_REVIEWER");
    }

    @Test
    void productionChangesOnlyInsideTheWindowAndNeverOverlappingOnTheSameSystem() {
        JsonNode window = engineer.get(BASE + "/window").json();
        assertThat(window.get("start").asString()).isEqualTo("22:00");
        assertThat(window.get("end").asString()).isEqualTo("06:00");
        assertThat(window.get("zone").asString()).isEqualTo("Asia/Shanghai");

        Api.Response upgrade = engineer.post(BASE, change("HIS 补丁升级", "HIS", "PRODUCTION", "2027-03-10T23:00",
                "2027-03-11T01:00"));
        assertThat(upgrade.status()).as(upgrade.body()).isEqualTo(201);
        long upgradeId = upgrade.json().get("id").asLong();
        assertThat(upgrade.json().get("status").asString()).isEqualTo("REQUESTED");

        Api.Response daytime = engineer.post(BASE, change("白天上线", "HIS", "PRODUCTION", "2027-03-12T10:00",
                "2027-03-12T11:00"));
        problem(daytime, 400, "change-outside-window");
        assertThat(daytime.json().get("detail").asString()).contains("22:00–06:00", "2027-03-12 10:00");
        problem(engineer.post(BASE, change("跨过早六点", "HIS", "PRODUCTION", "2027-03-12T05:00", "2027-03-12T06:30")),
                400, "change-outside-window");
        assertThat(engineer.post(BASE, change("正好整个窗口", "EMR", "PRODUCTION", "2027-03-12T22:00",
                "2027-03-13T06:00")).status()).isEqualTo(201);
        assertThat(engineer.post(BASE, change("测试环境白天部署", "HIS", "TEST", "2027-03-12T10:00",
                "2027-03-12T12:00")).status()).as("the window binds production only").isEqualTo(201);
        problem(engineer.post(BASE, change("倒着的时间", "HIS", "TEST", "2027-03-12T12:00", "2027-03-12T10:00")), 400,
                "change-period-invalid");

        Api.Response overlapping = engineer.post(BASE, change("HIS 数据库索引重建", "HIS", "PRODUCTION",
                "2027-03-11T00:30", "2027-03-11T02:00"));
        problem(overlapping, 409, "change-overlaps");
        assertThat(overlapping.json().get("detail").asString()).contains("#" + upgradeId, "HIS 补丁升级",
                "2027-03-10 23:00", "2027-03-11 01:00");
        assertThat(engineer.post(BASE, change("LIS 同一时间", "LIS", "PRODUCTION", "2027-03-11T00:30",
                "2027-03-11T02:00")).status()).as("another system").isEqualTo(201);
        Api.Response adjacent = engineer.post(BASE, change("紧接着的变更", "HIS", "PRODUCTION", "2027-03-11T01:00",
                "2027-03-11T02:00"));
        assertThat(adjacent.status()).as("touching is not overlapping").isEqualTo(201);

        // A cancelled change gives its slot back.
        long adjacentId = adjacent.json().get("id").asLong();
        problem(engineer.post(BASE + "/" + adjacentId + "/cancel", "{\"reason\":\"\"}"), 400, "reason-required");
        assertThat(engineer.post(BASE + "/" + adjacentId + "/cancel", "{\"reason\":\"合并到补丁升级\"}").json()
                .get("status").asString()).isEqualTo("CANCELLED");
        assertThat(engineer.post(BASE, change("取消后重新安排", "HIS", "PRODUCTION", "2027-03-11T01:30",
                "2027-03-11T02:30")).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'change.request'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theHospitalAuthorizesInWritingButNeverAnEngineerNorTheRequester() throws Exception {
        long id = engineer.post(BASE, change("PACS 存储扩容", "PACS", "PRODUCTION", "2027-04-01T22:00",
                "2027-04-02T02:00")).json().get("id").asLong();
        String authorize = BASE + "/" + id + "/authorize";

        assertThat(engineer.post(authorize, "{\"signerName\":\"张伟\",\"statement\":\"同意\"}").status())
                .as("an engineer lacks opsdesk:confirm").isEqualTo(403);
        problem(engineer.post(BASE + "/" + id + "/start", "{}"), 409, "change-transition-illegal");
        problem(reviewer.post(authorize, "{\"signerName\":\"陈刚\",\"statement\":\" \"}"), 400,
                "change-authorization-incomplete");
        JsonNode authorized = reviewer.post(authorize,
                "{\"signerName\":\"陈刚\",\"statement\":\"已审阅实施与回退方案，同意在维护窗口实施。\"}").json();
        assertThat(authorized.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(authorized.get("authorizerName").asString()).isEqualTo("陈刚");
        assertThat(authorized.get("authorizedBy").asString()).isEqualTo(reviewerName);
        assertThat(authorized.get("authorizationStatement").asString()).startsWith("已审阅");
        // The written authorization carries the authorizer's electronic signature (where a CJK font prints it).
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))) {
            JsonNode esign = reviewer.upload("/api/v1/signatures/verify", "authorization.pdf",
                    reviewer.download("/api/v1/opsdesk/changes/" + id + "/authorization.pdf").body()).json();
            assertThat(esign.get("status").asString()).as(esign.toString()).isEqualTo("valid");
            assertThat(esign.get("signatures").get(0).get("name").asString()).isEqualTo("陈刚");
            // The change's page links the signed PDF and its verification.
            String page = new org.medops.testing.ConsoleSession(port).login(reviewerName, PASSWORD)
                    .get("/opsdesk/changes/" + id).body();
            assertThat(page).contains("id=\"change-e-signature-pdf\"", "/api/v1/opsdesk/changes/" + id + "/authorization.pdf",
                    "id=\"change-e-signature-verify\"", "/signatures/verify?document=");
        }
        assertThat(authorized.get("authorizedAt").asString()).isNotBlank();
        problem(otherReviewer.post(authorize, "{\"signerName\":\"林芳\",\"statement\":\"同意\"}"), 409,
                "change-transition-illegal");

        // The requester may hold opsdesk:confirm too; four eyes still apply.
        long own = reviewer.post(BASE, change("信息科自行申请的网络割接", "NETWORK", "PRODUCTION", "2027-04-03T23:00",
                "2027-04-04T01:00")).json().get("id").asLong();
        Api.Response self = reviewer.post(BASE + "/" + own + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}");
        problem(self, 403, "change-own-authorization");
        assertThat(reviewer.get(BASE + "/" + own).json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(otherReviewer.post(BASE + "/" + own + "/authorize",
                "{\"signerName\":\"林芳\",\"statement\":\"同意\"}").json().get("status").asString()).isEqualTo("AUTHORIZED");

        long declined = engineer.post(BASE, change("LIS 版本升级", "LIS", "PRODUCTION", "2027-04-05T23:00",
                "2027-04-06T01:00")).json().get("id").asLong();
        problem(reviewer.post(BASE + "/" + declined + "/refuse", "{\"signerName\":\"陈刚\"}"), 400, "reason-required");
        JsonNode refused = reviewer.post(BASE + "/" + declined + "/refuse",
                "{\"signerName\":\"陈刚\",\"reason\":\"月底结账期间不做升级\"}").json();
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("authorizationStatement").asString()).isEqualTo("月底结账期间不做升级");

        // Execution: started, then a rollback must say what happened.
        assertThat(reviewer.post(BASE + "/" + id + "/start", "{}").status()).isEqualTo(403);
        problem(engineer.post(BASE + "/" + id + "/start", "{\"startedAt\":\"2020-01-01T00:00:00Z\"}"), 400,
                "change-time-invalid");
        problem(engineer.post(BASE + "/" + id + "/start", "{\"startedAt\":\"2099-01-01T00:00:00Z\"}"), 400,
                "change-time-invalid");
        // Authorised for April 2027, started now: only as an emergency the hospital approved.
        problem(engineer.post(BASE + "/" + id + "/start", "{}"), 409, "change-start-outside-authorization");
        problem(engineer.post(BASE + "/" + id + "/start", "{\"emergencyReason\":\"存储已满，影像无法归档\"}"), 409,
                "change-start-outside-authorization");
        ok(engineer.post(BASE + "/" + id + "/emergency", "{\"reason\":\"存储已满，影像无法归档\"}"));
        ok(otherReviewer.post(BASE + "/" + id + "/emergency/approve", "{\"signerName\":\"林芳\"}"));
        JsonNode started = engineer.post(BASE + "/" + id + "/start", "{}").json();
        assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("startedAt").asString()).isNotBlank();
        assertThat(started.get("emergencyReason").asString()).isEqualTo("存储已满，影像无法归档");
        assertThat(started.get("emergencyDecision").asString()).isEqualTo("APPROVED");
        problem(engineer.post(BASE + "/" + id + "/finish", "{\"result\":\"ROLLED_BACK\"}"), 400,
                "change-notes-required");
        problem(engineer.post(BASE + "/" + id + "/finish", "{}"), 400, "change-result-required");
        JsonNode finished = engineer.post(BASE + "/" + id + "/finish",
                "{\"result\":\"ROLLED_BACK\",\"notes\":\"扩容后阵列告警，按回退方案恢复\"}").json();
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("result").asString()).isEqualTo("ROLLED_BACK");
        assertThat(finished.get("executionNotes").asString()).contains("回退");
        assertThat(finished.get("finishedAt").asString()).isNotBlank();
        assertThat(finished.propertyNames()).as("the names the aggregate's JSON had").contains("authorizedBy",
                "authorizerName", "authorizationStatement", "authorizedAt", "startedAt", "finishedAt", "result",
                "executionNotes", "emergencyReason", "requestedBy", "requestedAt", "plannedStart", "plannedEnd");
        problem(engineer.post(BASE + "/" + id + "/cancel", "{\"reason\":\"晚了\"}"), 409, "change-transition-illegal");

        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'change' and target_id = ? order by seq""")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(audited).containsExactly("change.request", "change.authorize", "change.emergency-request",
                "change.emergency-approve", "change.emergency-start", "change.finish");
        assertThat(jdbc.sql("select actor from audit_records where action = 'change.authorize' and target_id = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo(reviewerName);
        assertThat(engineer.get(BASE + "?status=COMPLETED&size=200").json().get("rows").findValuesAsString("title")).contains("PACS 存储扩容");
    }

    @Test
    void planningInThePastIsRefusedAndAChangeStartsOutsideItsAuthorisedPeriodOnlyAsAnEmergency() {
        Api.Response past = engineer.post(BASE, change("补登的旧变更", "HIS", "PRODUCTION", "2025-01-01T23:00",
                "2025-01-02T01:00"));
        problem(past, 400, "change-planned-in-past");
        assertThat(past.json().get("detail").asString()).contains("2025-01-01 23:00");

        // A test-environment change planned to begin in half a minute: started early, then inside its period.
        Instant soon = Instant.now().plusSeconds(30);
        long id = engineer.post(BASE, changeAt("EMR 测试环境补丁", "EMR", "TEST", soon, soon.plusSeconds(3_600)))
                .json().get("id").asLong();
        reviewer.post(BASE + "/" + id + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}");
        Api.Response early = engineer.post(BASE + "/" + id + "/start", "{}");
        problem(early, 409, "change-start-outside-authorization");
        assertThat(early.json().get("detail").asString()).contains("#" + id, "紧急变更原因");
        assertThat(engineer.get(BASE + "/" + id).json().get("status").asString()).isEqualTo("AUTHORIZED");
        JsonNode started = engineer.post(BASE + "/" + id + "/start",
                "{\"startedAt\":\"%s\"}".formatted(soon.plusSeconds(5))).json();
        assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.has("emergencyReason") && !started.get("emergencyReason").isNull()).isFalse();

        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'change' and target_id = ? order by seq""")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(audited).containsExactly("change.request", "change.authorize", "change.start");
    }

    @Test
    void anEmergencyStartsOutsideItsPeriodOnlyOnceAnotherHospitalReviewerApprovedIt() {
        long id = engineer.post(BASE, change("网络核心交换机更换", "NETWORK", "PRODUCTION", "2027-05-10T23:00",
                "2027-05-11T01:00")).json().get("id").asLong();
        String emergency = BASE + "/" + id + "/emergency";
        problem(engineer.post(emergency, "{\"reason\":\"核心交换机宕机\"}"), 409, "change-transition-illegal");
        reviewer.post(BASE + "/" + id + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}");

        assertThat(reviewer.post(emergency, "{\"reason\":\"核心交换机宕机\"}").status())
                .as("asking is the engineer's (opsdesk:work)").isEqualTo(403);
        problem(engineer.post(emergency, "{\"reason\":\" \"}"), 400, "reason-required");
        problem(engineer.post(emergency + "/approve", "{}"), 403, null);
        problem(reviewer.post(emergency + "/approve", "{\"signerName\":\"陈刚\"}"), 409, "change-emergency-not-pending");
        JsonNode asked = engineer.post(emergency, "{\"reason\":\"核心交换机宕机，全院断网\"}").json();
        assertThat(asked.get("emergencyDecision").asString()).isEqualTo("PENDING");
        assertThat(asked.get("emergencyRequestedBy").asString()).isEqualTo(engineerName);
        problem(engineer.post(emergency, "{\"reason\":\"再催一次\"}"), 409, "change-emergency-pending");
        Api.Response early = engineer.post(BASE + "/" + id + "/start", "{}");
        problem(early, 409, "change-emergency-pending");
        assertThat(early.json().get("detail").asString()).contains("#" + id, "院方审批");

        // Rejected with a reason: still no start; asked again, approved by a reviewer, then it starts.
        problem(reviewer.post(emergency + "/reject", "{\"signerName\":\"陈刚\"}"), 400, "reason-required");
        JsonNode rejected = reviewer.post(emergency + "/reject",
                "{\"signerName\":\"陈刚\",\"reason\":\"备用链路可用，等维护窗口\"}").json();
        assertThat(rejected.get("emergencyDecision").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("emergencyDecisionReason").asString()).isEqualTo("备用链路可用，等维护窗口");
        problem(engineer.post(BASE + "/" + id + "/start", "{}"), 409, "change-emergency-rejected");
        ok(engineer.post(emergency, "{\"reason\":\"备用链路也已中断\"}"));
        JsonNode approved = otherReviewer.post(emergency + "/approve", "{\"signerName\":\"林芳\"}").json();
        assertThat(approved.get("emergencyDecision").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("emergencyDeciderName").asString()).isEqualTo("林芳");
        assertThat(approved.get("emergencyDecidedBy").asString()).isEqualTo(otherReviewerName);
        assertThat(engineer.post(BASE + "/" + id + "/start", "{}").json().get("status").asString())
                .isEqualTo("IN_PROGRESS");

        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'change' and target_id = ? order by seq""")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(audited).containsExactly("change.request", "change.authorize", "change.emergency-request",
                "change.emergency-reject", "change.emergency-request", "change.emergency-approve",
                "change.emergency-start");
        String details = jdbc.sql("""
                        select details from audit_records where action = 'change.emergency-approve' and target_id = ?""")
                .param(Long.toString(id)).query(String.class).single();
        assertThat(details).contains("APPROVED", "林芳");
        assertThat(jdbc.sql("select actor from audit_records where action = 'change.emergency-approve' and target_id = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo(otherReviewerName);
    }

    @Test
    void theRequesterOfAChangeOrOfItsEmergencyNeverApprovesIt() {
        // A reviewer who holds opsdesk:work as well asks for the emergency; they cannot approve it themselves.
        Api both = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser("chg-both" + suffix, "兼任 周敏",
                PASSWORD, "OPS_ENGINEER", "HOSPITAL_REVIEWER");
        long id = engineer.post(BASE, change("EMR 数据库补丁", "EMR", "PRODUCTION", "2027-06-10T23:00",
                "2027-06-11T01:00")).json().get("id").asLong();
        reviewer.post(BASE + "/" + id + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}");
        ok(both.post(BASE + "/" + id + "/emergency", "{\"reason\":\"病历无法保存\"}"));
        problem(both.post(BASE + "/" + id + "/emergency/approve", "{\"signerName\":\"周敏\"}"), 403,
                "change-own-emergency-approval");
        problem(both.post(BASE + "/" + id + "/emergency/reject", "{\"signerName\":\"周敏\",\"reason\":\"x\"}"), 403,
                "change-own-emergency-approval");

        long own = both.post(BASE, change("EMR 索引重建", "EMR", "PRODUCTION", "2027-06-12T23:00",
                "2027-06-13T01:00")).json().get("id").asLong();
        reviewer.post(BASE + "/" + own + "/authorize", "{\"signerName\":\"陈刚\",\"statement\":\"同意\"}");
        ok(engineer.post(BASE + "/" + own + "/emergency", "{\"reason\":\"查询超时\"}"));
        problem(both.post(BASE + "/" + own + "/emergency/approve", "{}"), 403, "change-own-emergency-approval");
        assertThat(reviewer.get(BASE + "/" + own).json().get("emergencyDecision").asString()).isEqualTo("PENDING");
    }

    @Test
    void theApiAnswersWithTheFieldNamesItAlwaysHad() {
        long id = engineer.post(BASE, change("字段名核对", "LIS", "TEST", "2027-07-01T10:00", "2027-07-01T11:00")).json()
                .get("id").asLong();
        JsonNode one = engineer.post(BASE + "/" + id + "/cancel", "{\"reason\":\"只为核对字段\"}").json();
        // The names of the aggregate's components as the API serialised them before the view record (nulls are
        // left out, as before): every name it answers is one of these or one of the emergency approval's.
        List<String> before = List.of("id", "title", "systemCode", "environment", "risk", "plan", "rollbackPlan",
                "plannedStart", "plannedEnd", "status", "requestedBy", "requestedAt", "authorizedBy", "authorizerName",
                "authorizationStatement", "authorizedAt", "startedAt", "finishedAt", "result", "executionNotes",
                "cancelledBy", "cancelledAt", "cancelReason", "emergencyReason");
        List<String> added = List.of("emergencyDecision", "emergencyRequestedBy", "emergencyRequestedAt",
                "emergencyDecidedBy", "emergencyDeciderName", "emergencyDecidedAt", "emergencyDecisionReason",
                "emergencyStart");
        List<String> names = new java.util.ArrayList<>(one.propertyNames());
        assertThat(names).containsExactlyInAnyOrder("id", "title", "systemCode", "environment", "risk", "plan",
                "rollbackPlan", "plannedStart", "plannedEnd", "status", "requestedBy", "requestedAt", "cancelledBy",
                "cancelledAt", "cancelReason", "emergencyStart");
        assertThat(java.util.stream.Stream.concat(before.stream(), added.stream()).toList()).containsAll(names);
        assertThat(one.get("cancelReason").asString()).isEqualTo("只为核对字段");
        assertThat(one.get("cancelledBy").asString()).isEqualTo(engineerName);
        assertThat(one.get("plan").asString()).contains("执行升级脚本");
        assertThat(one.get("title").asString()).isEqualTo("字段名核对");
        assertThat(one.get("environment").asString()).isEqualTo("TEST");
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static String changeAt(String title, String system, String environment, Instant start, Instant end) {
        return change(title, system, environment, LocalDateTime.ofInstant(start, SHANGHAI).toString(),
                LocalDateTime.ofInstant(end, SHANGHAI).toString());
    }

    public static String change(String title, String system, String environment, String start, String end) {
        return """
                {"title":"%s","systemCode":"%s","environment":"%s","risk":"HIGH",
                 "plan":"1. 备份\\n2. 执行升级脚本\\n3. 业务验证","rollbackPlan":"恢复备份并重启服务",
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(title, system, environment, utc(start), utc(end));
    }

    static String utc(String shanghai) {
        return LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant().toString();
    }
}
