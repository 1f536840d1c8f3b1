package org.medops.opsdesk.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.ConsoleSession.violations;
import static org.medops.testing.Problems.problem;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The submit form binds the record the API binds: a blank or too long field is named on the page in Chinese
 * (标题：不能为空) and nothing is saved, while the API still answers 400 {@code validation}.
 */
@MedopsTest
class RequirementFormsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String submitter = "form-" + UUID.randomUUID().toString().substring(0, 8);

    private HttpResponse<String> submit(String title) throws Exception {
        return new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD).post("/opsdesk/requirements",
                "title=" + ConsoleSession.encode(title) + "&description=" + ConsoleSession.encode("需求描述")
                        + "&systemCode=LIS&submitter=" + submitter, "/opsdesk/requirements");
    }

    private long saved() {
        return jdbc.sql("select count(*) from opsdesk_requirements where submitter = :submitter")
                .param("submitter", submitter).query(Long.class).single();
    }

    @Test
    void aBlankTitleIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        HttpResponse<String> page = submit("   ");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(violations(page)).contains("标题：不能为空");
        assertThat(saved()).isZero();
    }

    @Test
    void aTooLongTitleIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        assertThat(violations(submit("长".repeat(201)))).contains("标题：", "200");
        assertThat(saved()).isZero();
    }

    @Test
    void aCompleteFormIsSubmitted() throws Exception {
        HttpResponse<String> page = submit("门诊叫号屏显示候诊人数");
        assertThat(page.body()).doesNotContain("id=\"violations\"").contains("门诊叫号屏显示候诊人数");
        assertThat(saved()).isEqualTo(1);
    }

    @Test
    void theApiStillAnswersValidationProblemDetails() {
        Api.Response refused = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).post(RequirementsIT.BASE, """
                {"title":" ","description":"d","systemCode":"LIS","submitter":"%s"}""".formatted(submitter));
        problem(refused, 400, "validation");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(saved()).isZero();
    }
}
