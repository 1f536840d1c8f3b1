package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statistics on the console in real Chromium: the channel list's sparkline and last-hour totals, the channel
 * page's chart by minute and by hour; and a channel alert rule written on the alert rule form.
 */
@MedopsTest
class IntegrationChartsBrowserIT {

    static final Receiver emr = new Receiver();

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        emr.down();
    }

    @Test
    void showsAChannelsCountsAsChartsAndTakesAChannelRuleOnTheForm() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String code = IntegrationEngineIT.code();
        int mllp = ForkedMedops.freePort();
        admin.put("/api/v1/integration/channels/" + code, IntegrationObservabilityIT.channel(code, mllp, emr.url("/c")));
        IntegrationObservabilityIT.sendMix(mllp);
        await().atMost(Duration.ofSeconds(20)).until(() -> IntegrationObservabilityIT.sum(admin.get(
                "/api/v1/integration/channels/" + code + "/statistics?interval=minute").json().get("series").get("points"),
                "sent") == 3);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/channels");
            String row = (String) browser.script("""
                    return [...document.querySelectorAll('#integration-channels tbody tr')]
                        .find(r => r.textContent.includes(arguments[0])).querySelector('.integration-last-hour').innerText""",
                    code);
            assertThat(row).contains("接收 5", "出错 1");
            await().atMost(Duration.ofSeconds(5)).until(() -> !browser.findAll(".integration-sparkline canvas").isEmpty());
            browser.screenshot("70-integration-channels-sparklines");

            browser.go("/integration/channels/" + code);
            browser.find("#integration-chart canvas");
            assertThat(browser.text("#integration-chart-totals")).contains("接收 5 条", "出错 1 条");
            browser.scrollTo("#integration-statistics").screenshot("71-integration-channel-chart-minutes");
            browser.click("#integration-chart-hour");
            browser.find("#integration-chart canvas");
            assertThat(browser.text("#integration-chart-totals")).contains("接收 5 条");
            assertThat(browser.path()).contains("interval=hour");

            browser.go("/alerts");
            browser.set("#rule-name", "夜班无 ADT " + code);
            browser.set("#rule-kind", "CHANNEL_SILENT");
            browser.set("#rule-subject", code);
            browser.set("#rule-window", "30");
            browser.set("#rule-active-from", "07:00").set("#rule-active-to", "22:00");
            for (int day = 1; day <= 5; day++) {
                browser.tick("#rule-day-" + day);
            }
            browser.scrollTo("#rule-form").screenshot("72-alert-rule-form-channel-silent");
            browser.click("#save-rule").waitForPath("/alerts");
            assertThat(browser.pageText()).contains("夜班无 ADT " + code, "通道无消息",
                    "30 分钟没有收到消息（监测时段 07:00–22:00 (1,2,3,4,5)）");

            browser.go("/alerts");
            browser.set("#rule-name", "半个时段 " + code);
            browser.set("#rule-kind", "CHANNEL_SILENT");
            browser.set("#rule-window", "30");
            browser.set("#rule-active-from", "07:00");
            browser.click("#save-rule");
            assertThat(browser.pageText()).contains("监测时段须同时填写开始与结束");
        }
    }
}
