package org.medops.opsdesk.defects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.ConsoleSession.violations;
import static org.medops.testing.Problems.problem;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report form is validated as the API's record is: a blank or too long field is named on the page in Chinese
 * (产品：不能为空) and nothing is saved, while the API still answers 400 {@code validation}.
 */
@MedopsTest
class DefectFormsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String description = "form-" + UUID.randomUUID();
    private final String engineer = "def-form" + UUID.randomUUID().toString().substring(0, 6);

    /** Defects are the engineers' work (opsdesk:work), which the administrator does not hold. */
    @BeforeEach
    void engineer() {
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(engineer, "厂商工程师", DefectsIT.PASSWORD,
                "OPS_ENGINEER");
    }

    private HttpResponse<String> report(String title, String product) throws Exception {
        return new ConsoleSession(port).login(engineer, DefectsIT.PASSWORD).post("/opsdesk/defects",
                "title=" + ConsoleSession.encode(title) + "&description=" + description + "&systemCode=LIS"
                        + "&severity=MAJOR&product=" + ConsoleSession.encode(product) + "&productVersion=1.0",
                "/opsdesk/defects");
    }

    private long saved() {
        return jdbc.sql("select count(*) from opsdesk_defects where description = :description")
                .param("description", description).query(Long.class).single();
    }

    @Test
    void aBlankProductIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        HttpResponse<String> page = report("检验结果回传失败", "  ");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(violations(page)).contains("产品：不能为空");
        assertThat(saved()).isZero();
    }

    @Test
    void aTooLongTitleIsNamedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        assertThat(violations(report("长".repeat(201), "LIS"))).contains("标题：", "200");
        assertThat(saved()).isZero();
    }

    @Test
    void aCompleteFormIsReported() throws Exception {
        HttpResponse<String> page = report("检验结果回传失败", "LIS");
        assertThat(page.body()).doesNotContain("id=\"violations\"").contains("检验结果回传失败");
        assertThat(saved()).isEqualTo(1);
    }

    @Test
    void theApiStillAnswersValidationProblemDetails() {
        Api.Response refused = new Api(port).as(engineer, DefectsIT.PASSWORD).post("/api/v1/opsdesk/defects", """
                {"title":"t","description":"%s","systemCode":"LIS","severity":"MAJOR",
                 "product":" ","productVersion":"1.0","ticketIds":[]}""".formatted(description));
        problem(refused, 400, "validation");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("product");
        assertThat(saved()).isZero();
    }
}
