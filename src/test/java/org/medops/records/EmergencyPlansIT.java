package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
 * Emergency plans over real HTTP: written with contacts, steps, fallback and recovery targets, due for review a
 * year on, overdue once the day passed, reviewed again; drills with their findings; the report's figures; the
 * archive source lists the plan and the drill record.
 */
@MedopsTest
class EmergencyPlansIT {

    static final String PASSWORD = "Records#Pln-2026";
    static final String PLANS = "/api/v1/records/plans";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ArchiveSource> sources;

    Api engineer;
    Api reviewer;
    String suffix;

    @BeforeEach
    void people() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        engineer = admin.newUser("pln-eng" + suffix, "厂商工程师 刘洋", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser("pln-rev" + suffix, "信息科 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
    }

    @Test
    void aPlanIsDueForReviewAYearOnOverdueAfterwardsAndItsDrillsAreRecorded() {
        Instant begin = Instant.now().minusSeconds(1);
        LocalDate today = LocalDate.now(SHANGHAI);
        problem(engineer.post(PLANS, plan("缺联系人 " + suffix, "HIS_OUTAGE", "HIS").replace("\"contacts\":\"信息科值班 8001\"",
                "\"contacts\":\"\"")), 400, null);
        problem(engineer.post(PLANS, plan("未知系统 " + suffix, "DATABASE", "NOPE")), 400, "unknown-system");
        problem(engineer.post(PLANS, plan("RTO 为零 " + suffix, "DATABASE", "HIS").replace("\"rtoMinutes\":30",
                "\"rtoMinutes\":0")), 400, null);
        assertThat(reviewer.post(PLANS, plan("院方不编制 " + suffix, "NETWORK", null)).status()).isEqualTo(403);

        Api.Response written = engineer.post(PLANS, plan("HIS 停机应急预案 " + suffix, "HIS_OUTAGE", "HIS"));
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        JsonNode plan = written.json();
        long id = plan.get("id").asLong();
        assertThat(plan.get("reviewDue").asString()).isEqualTo(today.plusYears(1).toString());
        assertThat(plan.get("reviewState").asString()).isEqualTo("CURRENT");
        assertThat(plan.get("revision").asInt()).isEqualTo(1);
        assertThat(plan.get("rtoMinutes").asInt()).isEqualTo(30);

        // Revised: a new revision, the review due stays.
        JsonNode revised = ok(engineer.put(PLANS + "/" + id, plan("HIS 停机应急预案 " + suffix, "HIS_OUTAGE", "HIS")
                .replace("\"rtoMinutes\":30", "\"rtoMinutes\":45")));
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("rtoMinutes").asInt()).isEqualTo(45);
        assertThat(revised.get("reviewDue").asString()).isEqualTo(today.plusYears(1).toString());

        // A year and a day later the review is overdue (the due day is moved back as if written then).
        jdbc.sql("update records_emergency_plans set review_due = :due where id = :id")
                .param("due", today.minusDays(1)).param("id", id).update();
        assertThat(engineer.get(PLANS + "/" + id).json().get("reviewState").asString()).isEqualTo("OVERDUE");
        assertThat(engineer.get(PLANS + "?review=OVERDUE&size=200").json().get("rows").findValuesAsString("title"))
                .contains("HIS 停机应急预案 " + suffix);
        assertThat(engineer.get(PLANS + "?review=CURRENT&size=200").json().get("rows").findValuesAsString("title"))
                .doesNotContain("HIS 停机应急预案 " + suffix);
        problem(engineer.post(PLANS + "/" + id + "/review", "{\"reviewedOn\":\"%s\"}".formatted(today.plusDays(1))),
                400, "plan-review-in-future");
        JsonNode reviewed = ok(engineer.post(PLANS + "/" + id + "/review",
                "{\"reviewedOn\":\"%s\",\"notes\":\"联系人电话已核对，新增移动护理降级流程\"}".formatted(today)));
        assertThat(reviewed.get("reviewedOn").asString()).isEqualTo(today.toString());
        assertThat(reviewed.get("reviewDue").asString()).isEqualTo(today.plusYears(1).toString());
        assertThat(reviewed.get("reviewState").asString()).isEqualTo("CURRENT");
        assertThat(reviewed.get("reviews").get(0).get("notes").asString()).contains("移动护理");
        problem(engineer.post(PLANS + "/" + id + "/review", "{\"reviewedOn\":\"%s\"}".formatted(today.minusDays(3))),
                400, "plan-review-before-last");

        // Drills: recorded with findings and follow-up; never in the future.
        problem(engineer.post(PLANS + "/" + id + "/drills", drill(today.plusDays(2), 20)), 400, "drill-in-future");
        problem(engineer.post(PLANS + "/" + id + "/drills", drill(today, 20).replace("\"findings\":\"备用打印机",
                "\"findings\":\"\",\"x\":\"")), 400, null);
        Api.Response drilled = engineer.post(PLANS + "/" + id + "/drills", drill(today.minusDays(1), 40));
        assertThat(drilled.status()).as(drilled.body()).isEqualTo(201);
        long drillId = drilled.json().get("id").asLong();
        assertThat(engineer.post(PLANS + "/" + id + "/drills", drill(today.minusDays(1), 60)).status()).isEqualTo(201);
        JsonNode withDrills = engineer.get(PLANS + "/" + id).json();
        assertThat(withDrills.get("drills")).hasSize(2);
        JsonNode drillRows = engineer.get("/api/v1/records/drills?plan=" + id).json();
        assertThat(drillRows.get("total").asLong()).isEqualTo(2);
        assertThat(drillRows.get("rows").findValuesAsString("findings")).allMatch(f -> f.contains("备用打印机"));
        List<Boolean> within = new java.util.ArrayList<>();
        drillRows.get("rows").forEach(r -> within.add(r.get("withinRto").asBoolean()));
        assertThat(within).as("RTO 45 min: 40 within, 60 not").containsExactlyInAnyOrder(true, false);

        JsonNode figures = engineer.get(PLANS + "/figures?from=%s&to=%s".formatted(today.minusDays(7),
                today.plusDays(1))).json();
        assertThat(figures.get("drills").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(figures.get("drillsMeasured").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(figures.get("plans").asLong()).isGreaterThanOrEqualTo(1);
        problem(engineer.get(PLANS + "/figures?from=%s&to=%s".formatted(today, today)), 400,
                "plan-figures-period-invalid");

        List<String> trail = jdbc.sql("""
                        select action from audit_records where target_type = 'records-plan' and target_id = ?
                        order by seq""").param(Long.toString(id)).query(String.class).list();
        assertThat(trail).containsExactly("records.plan.write", "records.plan.revise", "records.plan.review",
                "records.drill.record", "records.drill.record");

        // The archive: the plan in its second revision and the drill record, dated by the day it was held.
        List<ArchiveSource.Document> documents = sources.stream()
                .flatMap(s -> s.documents(begin.minusSeconds(3 * 86_400), Instant.now().plusSeconds(60)).stream())
                .toList();
        ArchiveSource.Document planDoc = VersionsUpgradesIT.one(documents, "plan:" + id);
        assertThat(planDoc.type()).isEqualTo("EMERGENCY_PLAN");
        assertThat(planDoc.version()).isEqualTo("r2");
        assertThat(planDoc.system()).isEqualTo("HIS");
        assertThat(planDoc.fileName()).endsWith(".pdf");
        assertThat(planDoc.contentType()).isEqualTo("application/pdf");
        assertThat(PdfText.of(planDoc.content())).contains("RTO 45 分钟", "信息科值班 8001");
        assertThat(VersionsUpgradesIT.one(sources.stream().flatMap(s -> s.documents(begin.minusSeconds(3 * 86_400),
                Instant.now().plusSeconds(60)).stream()).toList(), "plan:" + id).content())
                .as("the same plan prints to the same bytes, so the archive files no new version").isEqualTo(planDoc.content());
        ArchiveSource.Document drillDoc = VersionsUpgradesIT.one(documents, "drill:" + drillId);
        assertThat(drillDoc.type()).isEqualTo("DRILL_RECORD");
        assertThat(drillDoc.at()).isEqualTo(today.minusDays(1).atStartOfDay(SHANGHAI).toInstant());
        assertThat(drillDoc.fileName()).endsWith(".pdf");
        assertThat(PdfText.of(drillDoc.content())).contains("备用打印机", "40 分钟");
        assertThat(sources.stream().flatMap(s -> s.documents(today.atStartOfDay(SHANGHAI).toInstant(),
                        Instant.now().plusSeconds(60)).stream()).map(ArchiveSource.Document::sourceKey))
                .as("yesterday's drill is not in today's documents").doesNotContain("drill:" + drillId);
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static String plan(String title, String scenario, String system) {
        return """
                {"title":"%s","scenario":"%s","systemCode":%s,"contacts":"信息科值班 8001",
                 "steps":"1. 确认故障范围\\n2. 启动应急流程\\n3. 通知临床科室","fallback":"门诊手工挂号、纸质处方",
                 "rtoMinutes":30,"rpoMinutes":5}""".formatted(title, scenario, system == null ? "null" : "\"" + system + "\"");
    }

    static String drill(LocalDate on, int minutes) {
        return """
                {"heldOn":"%s","scenario":"HIS 数据库主库宕机，切换备库","participants":"信息科 陈刚、厂商 刘洋、门诊部",
                 "findings":"备用打印机驱动缺失，手工单据打印延迟","followUp":"补装驱动；每季度检查备用打印机",
                 "recoveryMinutes":%d}""".formatted(on, minutes);
    }
}
