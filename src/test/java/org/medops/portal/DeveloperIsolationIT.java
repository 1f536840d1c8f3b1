package org.medops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A developer invited to channel A sees channel A and nothing of channel B, over the API and in pages. */
@MedopsTest
class DeveloperIsolationIT {

    @LocalServerPort
    int port;

    @Test
    void aDeveloperSeesOnlyTheirOwnChannel() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.post("/api/v1/services", "{\"code\":\"emr-" + suffix + "\",\"name\":\"EMR\",\"upstreamUrl\":\"http://127.0.0.1:9\"}");
        admin.post("/api/v1/channels", "{\"code\":\"a-" + suffix + "\",\"name\":\"渠道A\"}");
        admin.post("/api/v1/channels", "{\"code\":\"b-" + suffix + "\",\"name\":\"渠道B\"}");
        admin.put("/api/v1/services/emr-" + suffix + "/docs", "{\"published\":true,\"summary\":\"病历摘要\"}");
        admin.post("/api/v1/access-applications", """
                {"channelCode":"b-%s","serviceCode":"emr-%s","purpose":"B 的申请"}""".formatted(suffix, suffix));

        Api.Response invited = admin.post("/api/v1/channels/a-" + suffix + "/developers",
                "{\"username\":\"dev" + suffix + "\",\"displayName\":\"A 的开发者\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        Api first = new Api(port).as("dev" + suffix, temporary);
        assertThat(first.get("/api/v1/portal/channel").json().get("code").asString())
                .as("a temporary password allows nothing but its change").isEqualTo("password-change-required");
        first.post("/api/v1/account/password", """
                {"currentPassword":"%s","newPassword":"Dev#Portal-2026"}""".formatted(temporary));
        Api developer = new Api(port).as("dev" + suffix, "Dev#Portal-2026");

        JsonNode mine = developer.get("/api/v1/portal/channel").json();
        assertThat(mine.get("code").asString()).isEqualTo("a-" + suffix);
        assertThat(developer.get("/api/v1/channels/b-" + suffix).status()).isEqualTo(403);
        assertThat(developer.get("/api/v1/channels").status()).isEqualTo(403);
        assertThat(developer.get("/api/v1/access-applications").status()).isEqualTo(403);
        assertThat(developer.get("/api/v1/traffic/logs").status()).isEqualTo(403);
        assertThat(developer.get("/api/v1/portal/applications").body()).doesNotContain("b-" + suffix);

        Api.Response applied = developer.post("/api/v1/portal/applications", """
                {"serviceCode":"emr-%s","purpose":"在 App 展示病历摘要","channelCode":"b-%s"}""".formatted(suffix, suffix));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("channelCode").asString()).as("a developer applies for their own channel only")
                .isEqualTo("a-" + suffix);
        assertThat(developer.get("/api/v1/portal/applications").body()).contains("a-" + suffix).doesNotContain("b-" + suffix);
        assertThat(admin.get("/api/v1/portal/channel").status()).as("staff have no developer view").isEqualTo(403);

        try (org.medops.testing.Browser browser = org.medops.testing.Browser.open(port)) {
            browser.login("dev" + suffix, "Dev#Portal-2026").waitForPath("/portal");
            assertThat(browser.text("#portal-app-key")).isEqualTo(mine.get("appKey").asString());
            browser.go("/portal/applications");
            assertThat(browser.text("#portal-applications")).contains("emr-" + suffix).doesNotContain("B 的申请");
            browser.go("/portal");
            browser.click("#portal-rotate");
            assertThat(browser.text("#portal-secret")).hasSizeGreaterThan(30);
            browser.screenshot("53-developer-portal");
            browser.go("/catalog/channels/b-" + suffix);
            assertThat(browser.pageText()).contains("无权访问");
            browser.go("/access/applications");
            assertThat(browser.pageText()).contains("无权访问");
        }
    }
}
