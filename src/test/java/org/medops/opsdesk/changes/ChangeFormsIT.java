package org.medops.opsdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.ConsoleSession.violations;
import static org.medops.testing.Problems.problem;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request form is validated as the API's record is: a blank or too long field is named on the page in Chinese
 * (标题：不能为空) and nothing is saved; the rule across fields (the end after the start) is still the desk's.
 */
@MedopsTest
class ChangeFormsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String plan = "form-" + UUID.randomUUID();
    private final LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3)
            .truncatedTo(ChronoUnit.MINUTES);

    private HttpResponse<String> request(String title, LocalDateTime end) throws Exception {
        return new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD).post("/opsdesk/changes",
                "title=" + ConsoleSession.encode(title) + "&systemCode=LIS&environment=TEST&risk=LOW&plan=" + plan
                        + "&rollbackPlan=" + ConsoleSession.encode("恢复备份") + "&plannedStart=" + start
                        + "&plannedEnd=" + end, "/opsdesk/changes");
    }

    private long saved() {
        return jdbc.sql("select count(*) from opsdesk_changes where plan = :plan")
                .param("plan", plan).query(Long.class).single();
    }

    @Test
    void aBlankTitleIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        HttpResponse<String> page = request("  ", start.plusHours(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(violations(page)).contains("标题：不能为空");
        assertThat(saved()).isZero();
    }

    @Test
    void aTooLongTitleIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        assertThat(violations(request("长".repeat(201), start.plusHours(1)))).contains("标题：", "200");
        assertThat(saved()).isZero();
    }

    @Test
    void anEndBeforeTheStartIsStillRefusedByTheDesk() throws Exception {
        HttpResponse<String> page = request("测试环境升级", start.minusHours(1));
        assertThat(page.body()).contains("计划结束时间必须晚于计划开始时间").doesNotContain("id=\"violations\"");
        assertThat(saved()).isZero();
    }

    @Test
    void theApiStillAnswersValidationProblemDetails() {
        Api.Response refused = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).post(ChangesIT.BASE, """
                {"title":" ","systemCode":"LIS","environment":"TEST","risk":"LOW","plan":"%s","rollbackPlan":"r",
                 "plannedStart":"2099-01-01T00:00:00Z","plannedEnd":"2099-01-01T01:00:00Z"}""".formatted(plan));
        problem(refused, 400, "validation");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(saved()).isZero();
    }
}
