package org.medops.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The SLA page's forms and the API hold a policy and a system to the same records: a blank name is refused on the
 * form in Chinese words (名称：不能为空), as the API's problem details name the field, and nothing is saved.
 */
@MedopsTest
class SlaFormsIT {

    @LocalServerPort
    int port;

    private final String code = "QA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');

    private Api admin() {
    return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private ConsoleSession console() throws Exception {
    return new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private static String violations(HttpResponse<String> page) {
    int start = page.body().indexOf("id=\"violations\"");
    assertThat(start).as("the form's violations are shown").isPositive();
    return page.body().substring(start, page.body().indexOf("</ul>", start));
    }

    @Test
    void aBlankNameIsRefusedOnTheFormInChineseAndNothingIsSaved() throws Exception {
        HttpResponse<String> page = console().post("/opsdesk/sla/systems",
                "code=" + code + "&name=" + ConsoleSession.encode("   ") + "&active=true", "/opsdesk/sla");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(violations(page)).contains("名称：不能为空");
        assertThat(admin().get("/api/v1/opsdesk/systems").body()).doesNotContain(code);
    }

    @Test
    void theApiNamesTheSameFieldInItsProblemDetails() {
        Api.Response refused = admin().put("/api/v1/opsdesk/systems/" + code, "{\"name\":\" \",\"active\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).contains("名称", "不能为空");
    }

    @Test
    void aValidFormSavesTheSystemWithItsNameStripped() throws Exception {
        HttpResponse<String> page = console().post("/opsdesk/sla/systems",
                "code=" + code + "&name=" + ConsoleSession.encode("  质控系统 ") + "&active=true", "/opsdesk/sla");
        assertThat(page.body()).doesNotContain("id=\"violations\"").contains("质控系统");
        assertThat(admin().get("/api/v1/opsdesk/systems").body()).contains("{\"code\":\"" + code
                + "\",\"name\":\"质控系统\",\"active\":true}");
    }

    @Test
    void aBlankPolicyNameIsRefusedOnTheFormInChineseAndNoVersionIsPublished() throws Exception {
        Api admin = admin();
        int versionBefore = admin.get("/api/v1/opsdesk/sla/policies").json().get(3).get("version").asInt();
        HttpResponse<String> page = console().post("/opsdesk/sla/policies/LOW",
                "name=" + ConsoleSession.encode("  ") + "&RESPONSE.minutes=60&RESPONSE.basis=BUSINESS"
                        + "&RESOLUTION.minutes=600&RESOLUTION.basis=BUSINESS", "/opsdesk/sla");
        assertThat(violations(page)).contains("名称：不能为空");
        assertThat(admin.get("/api/v1/opsdesk/sla/policies").json().get(3).get("version").asInt())
                .isEqualTo(versionBefore);
    }

    @Test
    void theApiRefusesTheSameNameWithTheFieldInWords() {
        Api.Response refused = admin().put("/api/v1/opsdesk/sla/policies/LOW", """
                {"name":"","targets":[{"kind":"RESPONSE","basis":"BUSINESS","minutes":60},
                {"kind":"RESOLUTION","basis":"BUSINESS","minutes":600}]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("名称", "不能为空");
    }
}
