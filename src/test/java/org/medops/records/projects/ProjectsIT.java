package org.medops.records.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import tools.jackson.databind.JsonNode;

/**
 * A project through all six milestones over real HTTP, on the business calendar the platform imported: the plan
 * comes two working days late, the hospital's milestones are the hospital's to sign, each completion dates the next
 * milestone, the documents reach the archive, and an open milestone past due is reminded once and on the workbench.
 */
@MedopsTest
class ProjectsIT {

    static final WorkingDays DAYS = WorkingDaysTest.CN_2026;

    @LocalServerPort
    int port;
    @Autowired
    ProjectReminders reminders;
    @Autowired
    ProjectDesk desk;
    @Autowired
    ProjectWorkbench workbench;

    private static String complete(String on, String file, String text, List<String> covered) {
        String document = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String scenarios = covered.isEmpty() ? "" : ",\"covered\":[\"" + String.join("\",\"", covered) + "\"]";
        return "{\"on\":\"" + on + "\",\"document\":{\"fileName\":\"" + file + "\",\"content\":\"" + document + "\"}"
                + scenarios + "}";
    }

    private static LocalDate due(JsonNode project, String code) {
        for (JsonNode m : project.get("milestones")) {
            if (m.get("code").asString().equals(code)) {
                return m.get("due") == null || m.get("due").isNull() ? null : LocalDate.parse(m.get("due").asString());
            }
        }
        throw new AssertionError(code);
    }

    private static JsonNode milestone(JsonNode project, String code) {
        for (JsonNode m : project.get("milestones")) {
            if (m.get("code").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void aProjectThroughAllMilestonesWithOneLate() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("proj" + suffix, "运维工程师 刘洋", "Proj#Engineer-2026", "OPS_ENGINEER");
        Api reviewer = admin.newUser("prev" + suffix, "信息科 吴静", "Proj#Reviewer-2026", "HOSPITAL_REVIEWER");

        Api.Response created = engineer.post("/api/v1/projects", """
                {"name":"HIS 与 LIS 结果同步优化 %s","systems":["HIS","LIS"],"fee":200000,"startedOn":"2026-06-01",
                 "scenarios":["检验申请下达","结果回传"]}""".formatted(suffix));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(due(created.json(), "RESEARCH_REPORT")).isEqualTo(LocalDate.parse("2026-06-04"));
        assertThat(due(created.json(), "PLAN")).isNull();
        String base = "/api/v1/projects/" + id + "/milestones/";

        JsonNode p = engineer.post(base + "RESEARCH_REPORT/complete", complete("2026-06-04", "调研报告.txt", "调研",
                List.of())).json();
        assertThat(due(p, "PLAN")).isEqualTo(LocalDate.parse("2026-06-11"));
        // Two working days late: Friday 12 and Monday 15 June.
        Api.Response plan = engineer.post(base + "PLAN/complete", complete("2026-06-15", "优化方案.txt", "方案", List.of()));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        p = plan.json();
        assertThat(milestone(p, "PLAN").get("late").asInt()).isEqualTo(2);
        // 16, 17 and 18 June; the Dragon Boat Festival (19 June) is not counted.
        assertThat(due(p, "CONFIRMATION")).isEqualTo(LocalDate.parse("2026-06-18"));

        Api.Response notTheVendors = engineer.post(base + "CONFIRMATION/complete", complete("2026-06-18", "确认.txt", "确认",
                List.of()));
        assertThat(notTheVendors.status()).isEqualTo(403);
        assertThat(notTheVendors.json().get("code").asString()).isEqualTo("project-milestone-hospital");
        p = reviewer.post(base + "CONFIRMATION/complete", complete("2026-06-18", "书面确认.txt", "同意实施", List.of())).json();
        LocalDate deliveryDue = DAYS.after(LocalDate.parse("2026-06-18"), 30);
        assertThat(due(p, "DELIVERY")).isEqualTo(deliveryDue);

        p = engineer.post(base + "DELIVERY/complete", complete(deliveryDue.toString(), "交付说明.txt", "已上线", List.of()))
                .json();
        assertThat(milestone(p, "DELIVERY").get("late").asInt()).isZero();
        LocalDate testDue = DAYS.after(deliveryDue, 5);
        assertThat(due(p, "TEST_REPORT")).isEqualTo(testDue);
        Api.Response uncovered = reviewer.post(base + "TEST_REPORT/complete", complete(testDue.toString(), "测试报告.txt",
                "测试", List.of("结果回传")));
        assertThat(uncovered.status()).isEqualTo(400);
        assertThat(uncovered.json().get("code").asString()).isEqualTo("project-scenarios-uncovered");
        p = reviewer.post(base + "TEST_REPORT/complete", complete(testDue.toString(), "测试报告.txt", "核心场景 2/2 通过",
                List.of("检验申请下达", "结果回传"))).json();
        LocalDate acceptanceDue = DAYS.after(testDue, 7);
        assertThat(due(p, "ACCEPTANCE")).isEqualTo(acceptanceDue);
        Api.Response accepted = reviewer.post(base + "ACCEPTANCE/complete", complete(acceptanceDue.toString(),
                "验收确认单.txt", "验收合格", List.of()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        JsonNode done = engineer.get("/api/v1/projects/" + id).json();
        assertThat(done.has("current")).as("accepted: nothing left").isFalse();
        assertThat(done.get("lateness").get("vendor").asInt()).isEqualTo(2);
        assertThat(done.get("lateness").get("hospital").asInt()).isZero();
        assertThat(done.get("penalty").get("delayWorkingDays").asInt()).as("only delivery counts for the penalty").isZero();
        assertThat(engineer.download("/api/v1/projects/" + id + "/milestones/ACCEPTANCE/document").body())
                .isEqualTo("验收合格".getBytes(StandardCharsets.UTF_8));

        // The milestone documents reach the archive, the hospital's as signed.
        engineer.post("/api/v1/archive/collect", "{}");
        JsonNode archived = engineer.get("/api/v1/archive/documents?size=50&q=" + java.net.URLEncoder.encode(suffix,
                StandardCharsets.UTF_8)).json();
        assertThat(archived.get("total").asInt()).isEqualTo(6);
        assertThat(archived.get("rows").findValuesAsString("type")).contains("RESEARCH_REPORT", "ACCEPTANCE_FORM");
        for (JsonNode row : archived.get("rows")) {
            if (row.get("type").asString().equals("ACCEPTANCE_FORM")) {
                assertThat(row.get("signedBy").asString()).isEqualTo("信息科 吴静");
            }
        }
    }

    @Test
    void eitherPartyProposesAnExtensionAndOnlyTheOtherAgrees() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("pxe" + suffix, "运维工程师 郑凯", "Proj#Engineer-2026", "OPS_ENGINEER");
        Api reviewer = admin.newUser("pxr" + suffix, "信息科 黄敏", "Proj#Reviewer-2026", "HOSPITAL_REVIEWER");
        Api colleague = admin.newUser("pxc" + suffix, "信息科 林涛", "Proj#Reviewer-2026", "HOSPITAL_REVIEWER");
        Api staff = admin.newUser("pxs" + suffix, "门诊部 孙丽", "Proj#Staff-2026", "HOSPITAL_STAFF");
        long id = engineer.post("/api/v1/projects", """
                {"name":"自助机缴费优化 %s","systems":["HIS"],"fee":100000,"startedOn":"2026-06-01",
                 "scenarios":["缴费"]}""".formatted(suffix)).json().get("id").asLong();
        String base = "/api/v1/projects/" + id + "/milestones/";
        engineer.post(base + "RESEARCH_REPORT/complete", complete("2026-06-04", "调研.txt", "调研", List.of()));
        engineer.post(base + "PLAN/complete", complete("2026-06-11", "方案.txt", "方案", List.of()));
        JsonNode confirmed = reviewer.post(base + "CONFIRMATION/complete", complete("2026-06-16", "确认.txt", "同意",
                List.of())).json();
        LocalDate due = due(confirmed, "DELIVERY");
        String extensions = "/api/v1/projects/" + id + "/extensions";

        assertThat(staff.post(extensions, "{\"workingDays\":3,\"reason\":\"x\"}").status()).isEqualTo(403);
        Api.Response byHospital = reviewer.post(extensions, "{\"workingDays\":3,\"reason\":\"院方机房改造，环境不具备\"}");
        assertThat(byHospital.status()).as(byHospital.body()).isEqualTo(201);
        JsonNode proposed = byHospital.json().get("extensions").get(0);
        assertThat(proposed.get("party").asString()).isEqualTo("HOSPITAL");
        long first = proposed.get("id").asLong();
        Api.Response sameSide = colleague.post(extensions + "/" + first + "/agree", "{}");
        assertThat(sameSide.status()).isEqualTo(409);
        assertThat(sameSide.json().get("code").asString()).isEqualTo("project-extension-same-party");
        JsonNode agreed = engineer.post(extensions + "/" + first + "/agree", "{}").json();
        assertThat(due(agreed, "DELIVERY")).isEqualTo(DAYS.after(due, 3));

        long second = engineer.post(extensions, "{\"workingDays\":2,\"reason\":\"接口厂商排期\"}").json()
                .get("extensions").get(1).get("id").asLong();
        assertThat(engineer.post(extensions + "/" + second + "/agree", "{}").status()).isEqualTo(409);
        assertThat(due(reviewer.post(extensions + "/" + second + "/agree", "{}").json(), "DELIVERY"))
                .isEqualTo(DAYS.after(due, 5));
    }

    @Test
    void anOverdueMilestoneIsRemindedOnceAndCountedOnTheWorkbench() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("prem" + suffix, "运维工程师 何平", "Proj#Engineer-2026", "OPS_ENGINEER");
        Api.Response created = engineer.post("/api/v1/projects", """
                {"name":"逾期项目 %s","systems":["EMR"],"fee":50000,"startedOn":"2026-09-01","notifyTargets":[999999]}"""
                .formatted(suffix));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode p = created.json();
        assertThat(milestone(p, "RESEARCH_REPORT").get("overdue").asBoolean()).isTrue();
        assertThat(milestone(p, "RESEARCH_REPORT").get("late").asInt())
                .isEqualTo(DAYS.late(LocalDate.parse("2026-09-04"), desk.today()));
        assertThat(p.get("lateness").get("vendor").asInt()).isPositive();

        assertThat(reminders.remind(id, desk.today(), desk.days())).isEqualTo(1);
        assertThat(reminders.remind(id, desk.today(), desk.days())).as("once per due date").isZero();
        assertThat(engineer.get("/api/v1/projects?overdue=true&size=200").json().get("rows").findValuesAsString("name"))
                .contains("逾期项目 " + suffix);
        var cards = workbench.cardsFor(new TestingAuthenticationToken("x", null, "records:write"));
        assertThat(cards).singleElement().satisfies(c -> {
            assertThat(c.count()).isPositive();
            assertThat(c.link()).isEqualTo("/records/projects?overdue=true");
        });
        assertThat(workbench.cardsFor(new TestingAuthenticationToken("x", null, "records:read")))
                .as("a reader, e.g. the system administrator, keeps the dashboard").isEmpty();
    }
}
