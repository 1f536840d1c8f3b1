package org.medops.publication.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through the pages: a keeper edits a department, another approves it and sees the diff and the new version; a
 * developer applies for a subscription in the portal and the data owner approves it with fewer fields.
 */
@MedopsTest
class PublicationBrowserIT {

    private static final String PASSWORD = "Publish#Browser-2026";

    @LocalServerPort
    int port;

    @Test
    void editApproveAndSubscribeThroughThePages() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String first = "pba-" + s;
        String second = "pbb-" + s;
        String owner = "pbr-" + s;
        Api writer = admin.newUser(first, "医务科 郑军", PASSWORD, "DATA_PUBLISHER");
        Api approver = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(second, "门诊部 冯霞", PASSWORD,
                "DATA_PUBLISHER");
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(owner, "信息科 审核人", PASSWORD,
                "HOSPITAL_REVIEWER");
        String code = "B" + s.toUpperCase();
        assertThat(writer.put("/api/v1/publication/departments/" + code, """
                {"name":"心血管内科","category":"0304","status":"OPEN","location":"门诊楼3层301室",
                 "openingHours":"周一至周五 08:00-17:00","phone":"0571-88061234","mobile":"x"}""").status())
                .as("a department has no mobile field").isEqualTo(400);
        assertThat(writer.put("/api/v1/publication/departments/" + code, """
                {"name":"心血管内科","category":"0304","status":"OPEN","location":"门诊楼3层301室",
                 "openingHours":"周一至周五 08:00-17:00","phone":"0571-88061234"}""").status()).isEqualTo(200);
        long v1 = approver.post("/api/v1/publication/departments/" + code + "/approve", "{}").json().get("version")
                .asLong();

        try (Browser browser = Browser.open(port)) {
            browser.login(first, PASSWORD).waitForPath("/");
            browser.go("/publication?topic=departments&q=" + code);
            assertThat(browser.text("#publication-records")).contains(code).contains("心血管内科");
            browser.go("/publication/departments/" + code);
            browser.find("#field-location").clear();
            browser.type("#field-location", "门诊楼4层402室").type("#publication-note", "搬迁到4层");
            browser.click("#publication-save");
            assertThat(browser.text("#notice")).contains("草稿已保存");
            assertThat(browser.text("#diff-location")).contains("门诊楼3层301室").contains("门诊楼4层402室");
            browser.screenshot("publication-01-draft-written");
            browser.click("#publication-approve");
            assertThat(browser.text("#problem")).contains("不能批准自己编写的草稿");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login(second, PASSWORD).waitForPath("/");
            browser.go("/publication/drafts");
            assertThat(browser.text("#publication-drafts")).contains(code);
            browser.go("/publication/departments/" + code);
            assertThat(browser.text("#diff-location")).contains("门诊楼4层402室");
            browser.screenshot("publication-02-draft-to-review");
            browser.click("#publication-approve");
            assertThat(browser.text("#notice")).contains("已批准并发布");
            assertThat(browser.text("#publication-version")).isEqualTo("v" + (v1 + 1));
            assertThat(browser.text("#publication-history")).contains("门诊楼3层301室").contains("门诊楼4层402室");
            browser.screenshot("publication-03-approved-version");
        }

        String channel = "pbc-" + s;
        assertThat(admin.post("/api/v1/channels", "{\"code\":\"" + channel + "\",\"name\":\"区域健康平台\"}").status())
                .isEqualTo(201);
        String developer = "pbd-" + s;
        Api.Response invited = admin.post("/api/v1/channels/" + channel + "/developers",
                "{\"username\":\"" + developer + "\",\"displayName\":\"平台开发者\",\"email\":\"" + developer
                        + "@partner.test\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String temporary = invited.json().get("temporaryPassword").asString();
        new Api(port).as(developer, temporary).post("/api/v1/account/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        try (Browser browser = Browser.open(port)) {
            browser.login(developer, PASSWORD);
            browser.go("/portal/publication");
            assertThat(browser.pageText()).doesNotContain("手机号码");
            browser.type("#purpose-departments", "区域平台科室目录同步");
            browser.tick("#apply-departments input[value='name']").tick("#apply-departments input[value='location']")
                    .tick("#apply-departments input[value='phone']");
            browser.click("#apply-submit-departments");
            assertThat(browser.text("#notice")).contains("订阅申请已提交");
            assertThat(browser.text("#portal-subscriptions")).contains("待审核");
            browser.screenshot("publication-04-portal-applied");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login(owner, PASSWORD).waitForPath("/");
            browser.go("/publication/subscriptions?status=REQUESTED");
            assertThat(browser.text("#publication-subscriptions")).contains(channel).contains("区域平台科室目录同步");
            browser.script("document.querySelector(\"#publication-subscriptions form[id^='approve-'] input[value='phone']\").click()");
            browser.screenshot("publication-05-owner-reviews");
            browser.click(".subscription-approve");
            assertThat(browser.text("#notice")).contains("订阅已批准");
            browser.screenshot("publication-06-owner-approved");
        }
        Api.Response mine = admin.get("/api/v1/publication/subscriptions?channel=" + channel);
        assertThat(mine.json().get("rows").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(mine.json().get("rows").get(0).get("approvedFields").toString()).contains("name", "location")
                .doesNotContain("phone");
        try (Browser browser = Browser.open(port)) {
            browser.login(developer, PASSWORD);
            browser.go("/portal/publication");
            assertThat(browser.text("#portal-subscriptions")).contains("已批准");
            browser.screenshot("publication-07-portal-approved");
        }
    }
}
