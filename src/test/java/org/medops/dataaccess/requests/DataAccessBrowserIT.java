package org.medops.dataaccess.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 敏感数据访问 through the pages: an engineer asks for a channel's messages, two committee members approve one after
 * the other (the first approval leaves it waiting), the grant shows as running on both sides, and a member revokes it;
 * people appear by name, statuses as words, in Chinese and English.
 */
@MedopsTest
class DataAccessBrowserIT {

    private static final String PASSWORD = "Data#Pages-2026";

    @LocalServerPort
    int port;

    @Test
    void anEngineerAsksTwoMembersApproveAndAMemberRevokes() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("bre" + suffix, "运维工程师 马骏", PASSWORD, "OPS_ENGINEER");
        admin.newUser("brc1" + suffix, "信息安全委员 郑洁", PASSWORD, "SECURITY_COMMITTEE");
        admin.newUser("brc2" + suffix, "信息安全委员 冯涛", PASSWORD, "SECURITY_COMMITTEE");
        String channel = "his-adt-" + suffix;
        try {
            assertThat(admin.put("/api/v1/integration/channels/" + channel, """
                    {"name": "住院登记 → EMR", "source": {"type": "MLLP", "port": %d},
                     "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:9/emr"}]}"""
                    .formatted(org.medops.testing.ForkedMedops.freePort())).status()).isEqualTo(201);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("bre" + suffix, PASSWORD).waitForPath("/");
            browser.go("/data-access");
            browser.set("#kind", "CHANNEL").type("#ref", channel).set("#durationHours", "2")
                    .type("#reason", "工单排查：核对住院登记消息的 PID 段").screenshot("90-data-access-request-form")
                    .click("#request-submit");
            assertThat(browser.text("#notice")).contains("申请已提交");
            assertThat(browser.text("#mine")).contains(channel, "待审批", "已批准 0/2", "2 小时");
            browser.scrollTo("#mine").screenshot("91-data-access-my-requests");
        }
        long id = engineer.get("/api/v1/data-access/requests").json().get(0).get("id").asLong();

        try (Browser browser = Browser.open(port)) {
            browser.login("brc1" + suffix, PASSWORD).waitForPath("/");
            browser.go("/data-access");
            assertThat(browser.text("#queue-" + id)).contains("运维工程师 马骏", "集成通道的消息", channel)
                    .doesNotContain("bre" + suffix);
            assertThat(browser.findAll("#request-form")).as("the committee asks for nothing itself").isEmpty();
            browser.screenshot("92-data-access-committee-queue");
            browser.click("#queue-" + id + " .approve");
            assertThat(browser.text("#notice")).contains("已批准");
            assertThat(browser.text("#queue-" + id)).contains("已批准 1/2", "信息安全委员 郑洁");
            assertThat(browser.findAll("#queue-" + id + " .approve")).as("the same member approves once").isEmpty();
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("brc2" + suffix, PASSWORD).waitForPath("/");
            browser.go("/data-access");
            browser.click("#queue-" + id + " .approve");
            assertThat(browser.findAll("#queue-" + id)).as("no longer waiting").isEmpty();
            assertThat(browser.text("#grant-" + id)).contains("运维工程师 马骏", channel, "已批准 2/2");
            browser.scrollTo("#active-grants").screenshot("93-data-access-active-grants");

            browser.go("/data-access?lang=en");
            assertThat(browser.text("#grant-" + id)).contains("An integration channel's messages", "Approved 2/2");
            browser.screenshot("94-data-access-committee-en");
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("bre" + suffix, PASSWORD).waitForPath("/");
            browser.go("/data-access");
            assertThat(browser.text("#mine-" + id)).contains("生效中", "至");
            browser.scrollTo("#mine").screenshot("95-data-access-granted");
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("brc1" + suffix, PASSWORD).waitForPath("/");
            browser.go("/data-access");
            browser.type("#grant-" + id + " .revoke-reason", "排查已完成").click("#grant-" + id + " .revoke");
            assertThat(browser.text("#notice")).contains("授权已撤销");
            assertThat(browser.findAll("#grant-" + id)).isEmpty();
            browser.screenshot("96-data-access-revoked");
        }
        assertThat(engineer.get("/api/v1/data-access/requests/" + id).json().get("status").asString()).isEqualTo("REVOKED");
    }
}
