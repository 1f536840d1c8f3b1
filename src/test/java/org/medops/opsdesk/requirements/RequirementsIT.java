package org.medops.opsdesk.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import static org.medops.testing.Problems.problem;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Requirements over real HTTP against PostgreSQL: the lifecycle, who may do what, and the free allowance. */
@MedopsTest
public class RequirementsIT {

    static final String PASSWORD = "Opsdesk#Req-2026";
    static final String BASE = "/api/v1/opsdesk/requirements";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api engineer;
    Api reviewer;
    Api viewer;
    String engineerName;
    String reviewerName;

    @BeforeEach
    void people() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        engineerName = "req-eng" + suffix;
        reviewerName = "req-rev" + suffix;
        engineer = admin.newUser(engineerName, "厂商工程师", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser(reviewerName, "信息科 陈刚", PASSWORD, "HOSPITAL_REVIEWER");
        viewer = admin.newUser("req-view" + suffix, "只读", PASSWORD, "READ_ONLY");
    }

    @Test
    void walksFromSubmissionToVerificationAndOnlyTheRightPeopleMayTakeEachStep() {
        Api.Response denied = viewer.post(BASE, submission("只读用户的需求"));
        assertThat(denied.status()).isEqualTo(403);

        Api.Response created = reviewer.post(BASE, submission("检验危急值短信通知"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode requirement = created.json();
        long id = requirement.get("id").asLong();
        assertThat(requirement.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(requirement.get("submittedBy").asString()).isEqualTo(reviewerName);
        assertThat(created.contentType()).contains("json");

        // Vendor work: the hospital reviewer may not answer, and nobody may answer before the analysis.
        assertThat(reviewer.post(path(id, "analysis"), "{}").status()).isEqualTo(403);
        problem(engineer.post(path(id, "accept"), "{\"reason\":\"可以做\",\"personDays\":1}"), 409,
                "requirement-transition-illegal");
        assertThat(engineer.post(path(id, "analysis"), "{}").json().get("status").asString())
                .isEqualTo("UNDER_ANALYSIS");

        problem(engineer.post(path(id, "reject"), "{\"reason\":\"  \"}"), 400, "reason-required");
        problem(engineer.post(path(id, "accept"), "{\"personDays\":1}"), 400, "reason-required");
        JsonNode accepted = engineer.post(path(id, "accept"), "{\"reason\":\"通过平台短信接口实现\",\"personDays\":0.5}")
                .json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("answer").asString()).isEqualTo("通过平台短信接口实现");
        assertThat(accepted.get("answeredBy").asString()).isEqualTo(engineerName);
        assertThat(LocalDate.parse(accepted.get("dueDate").asString()))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5));
        assertThat(new BigDecimal(accepted.get("personDays").asString())).isEqualByComparingTo("0.5");

        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9);
        assertThat(engineer.put(path(id, "due-date"), "{\"dueDate\":\"" + due + "\"}").json().get("dueDate")
                .asString()).isEqualTo(due.toString());
        String planned = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        problem(engineer.post(path(id, "schedule"), "{}"), 400, "requirement-planned-date-required");
        assertThat(engineer.post(path(id, "schedule"), "{\"plannedDate\":\"" + planned + "\"}").json().get("status")
                .asString()).isEqualTo("SCHEDULED");
        problem(engineer.post(path(id, "verify"), "{}"), 403, null);
        assertThat(engineer.post(path(id, "deliver"), "{\"delivered\":\"危急值超时短信提醒已上线\"}").json()
                .get("status").asString()).isEqualTo("DELIVERED");

        // Staff without opsdesk:confirm cannot verify; the hospital may refuse, with a reason, and it goes back.
        assertThat(engineer.post(path(id, "verify"), "{\"note\":\"自己验证\"}").status()).isEqualTo(403);
        assertThat(viewer.post(path(id, "verify"), "{}").status()).isEqualTo(403);
        problem(reviewer.post(path(id, "refuse-verification"), "{\"reason\":\"\"}"), 400, "reason-required");
        JsonNode refused = reviewer.post(path(id, "refuse-verification"), "{\"reason\":\"短信缺少患者床号\"}").json();
        assertThat(refused.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(refused.get("verificationNote").asString()).isEqualTo("短信缺少患者床号");
        engineer.post(path(id, "deliver"), "{\"delivered\":\"短信增加床号\"}");
        JsonNode verified = reviewer.post(path(id, "verify"), "{\"note\":\"验证通过\"}").json();
        assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("verifiedBy").asString()).isEqualTo(reviewerName);
        // The view record answers with the names the aggregate's components had (nulls left out, as before).
        assertThat(verified.propertyNames()).containsExactlyInAnyOrder("id", "title", "description", "systemCode",
                "submitter", "contact", "status", "submittedBy", "submittedAt", "answer", "answeredBy", "answeredAt",
                "dueDate", "personDays", "contractYear", "plannedDate", "deliveredNote", "deliveredBy", "deliveredAt",
                "verifiedBy", "verifiedAt", "verificationNote");
        problem(engineer.post(path(id, "deliver"), "{\"delivered\":\"again\"}"), 409, "requirement-transition-illegal");

        List<String> steps = engineer.get(path(id, "steps")).json().findValuesAsString("toStatus");
        assertThat(steps).containsExactly("SUBMITTED", "UNDER_ANALYSIS", "ACCEPTED", "ACCEPTED", "SCHEDULED",
                "DELIVERED", "SCHEDULED", "DELIVERED", "VERIFIED");
        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'requirement' and target_id = ?
                        order by seq""").param(Long.toString(id)).query(String.class).list();
        assertThat(audited).containsExactly("requirement.submit", "requirement.analyse", "requirement.accept",
                "requirement.due", "requirement.schedule", "requirement.deliver", "requirement.verify.refuse",
                "requirement.deliver", "requirement.verify");
        assertThat(jdbc.sql("select actor from audit_records where action = 'requirement.verify' and target_id = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo(reviewerName);
    }

    @Test
    void aRejectionCarriesItsAnswerAndEndsTheRequirement() {
        long id = reviewer.post(BASE, submission("挂号界面整体改版")).json().get("id").asLong();
        engineer.post(path(id, "analysis"), "{}");
        JsonNode rejected = engineer.post(path(id, "reject"), "{\"reason\":\"属于新功能开发，超出运维合同范围\"}").json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("answer").asString()).isEqualTo("属于新功能开发，超出运维合同范围");
        Api.Response again = engineer.post(path(id, "accept"), "{\"reason\":\"改主意了\",\"personDays\":1}");
        problem(again, 409, "requirement-transition-illegal");
        assertThat(again.json().get("detail").asString()).contains("#" + id);
        problem(reviewer.post(BASE, """
                {"title":"无系统","description":"d","systemCode":"NOPE","submitter":"张三"}"""), 400,
                "unknown-system");
        assertThat(reviewer.post(BASE, "{\"title\":\"\"}").status()).isEqualTo(400);
        assertThat(engineer.get(BASE + "/999999").status()).isEqualTo(404);
    }

    @Test
    void keepsPersonDaysWithinTheContractsFreeAllowance() {
        JsonNode before = engineer.get(BASE + "/allowance").json();
        assertThat(new BigDecimal(before.get("perRequest").asString())).isEqualByComparingTo("3");
        assertThat(new BigDecimal(before.get("perYear").asString())).isEqualByComparingTo("8");
        BigDecimal remaining = new BigDecimal(before.get("remaining").asString());
        assertThat(remaining).as("other tests leave most of the year's allowance free").isGreaterThanOrEqualTo(
                new BigDecimal("6"));

        long a = analysed("需求 A");
        long b = analysed("需求 B");
        long c = analysed("需求 C");
        Api.Response tooMuch = engineer.post(path(a, "accept"), "{\"reason\":\"大\",\"personDays\":3.5}");
        problem(tooMuch, 400, "allowance-per-request-exceeded");
        assertThat(tooMuch.json().get("detail").asString()).contains("3.5", "3");
        assertThat(engineer.post(path(a, "accept"), "{\"reason\":\"可以\",\"personDays\":3}").status()).isEqualTo(200);
        assertThat(engineer.post(path(b, "accept"), "{\"reason\":\"可以\",\"personDays\":3}").status()).isEqualTo(200);

        BigDecimal left = remaining.subtract(new BigDecimal("6"));
        BigDecimal over = left.add(new BigDecimal("0.5"));
        Api.Response exceeded = engineer.post(path(c, "accept"),
                "{\"reason\":\"可以\",\"personDays\":" + over.toPlainString() + "}");
        problem(exceeded, 409, "allowance-total-exceeded");
        assertThat(exceeded.json().get("detail").asString()).contains("还剩 " + left.toPlainString() + " 人天");
        assertThat(engineer.get(path(c, "")).json().get("status").asString()).as("nothing changed")
                .isEqualTo("UNDER_ANALYSIS");
        assertThat(engineer.post(path(c, "accept"), "{\"reason\":\"正好用完\",\"personDays\":" + left.toPlainString()
                + "}").status()).isEqualTo(200);
        JsonNode full = engineer.get(BASE + "/allowance").json();
        assertThat(new BigDecimal(full.get("remaining").asString())).isEqualByComparingTo("0");
        assertThat(new BigDecimal(full.get("used").asString())).isEqualByComparingTo("8");

        // Re-recording replaces a requirement's own days: A may grow no further, but may shrink, which frees days.
        problem(engineer.put(path(a, "person-days"), "{\"personDays\":4}"), 400, "allowance-per-request-exceeded");
        problem(engineer.put(path(c, "person-days"), "{\"personDays\":" + over.toPlainString() + "}"), 409,
                "allowance-total-exceeded");
        problem(engineer.put(path(a, "person-days"), "{\"personDays\":-1}"), 400, "person-days-negative");
        for (long id : new long[] {a, b, c}) {
            assertThat(engineer.put(path(id, "person-days"), "{\"personDays\":0.5}").status()).isEqualTo(200);
        }
        JsonNode after = engineer.get(BASE + "/allowance").json();
        assertThat(new BigDecimal(after.get("remaining").asString()))
                .isEqualByComparingTo(remaining.subtract(new BigDecimal("1.5")));
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'requirement.person-days'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    private long analysed(String title) {
        long id = reviewer.post(BASE, submission(title)).json().get("id").asLong();
        engineer.post(path(id, "analysis"), "{}");
        return id;
    }

    private static String submission(String title) {
        return """
                {"title":"%s","description":"危急值出现 5 分钟未处理时短信通知主管医生","systemCode":"LIS",
                 "submitter":"检验科 周护士长","contact":"13800000021"}""".formatted(title);
    }

    private static String path(long id, String step) {
        return BASE + "/" + id + (step.isEmpty() ? "" : "/" + step);
    }
}
