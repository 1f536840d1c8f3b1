package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Each role's home page in a real browser on the demo data: the workbench shows its numbers, and a number opens the
 * filtered list with exactly that many rows; administrators keep the gateway dashboard.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=1s"})
class WorkbenchBrowserIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} follows {1}")
    @CsvSource({"engineer, workbench.tickets.mine", "manager, workbench.tickets.breached",
            "reviewer, workbench.tickets.confirmations"})
    void aNumberOpensTheListWithThatManyTickets(String username, String card) {
        try (Browser browser = Browser.open(port)) {
            browser.login(username, "MedOps#Demo2026");
            browser.go("/").find("[data-card='" + card + "']");
            browser.screenshot("workbench-" + username);
            long count = Long.parseLong(browser.text("[data-card='" + card + "'] [data-count]").strip());
            assertThat(count).as(card).isPositive();
            browser.click("[data-card='" + card + "']").waitForPath("/opsdesk/tickets?");
            int rows = browser.find("#tickets tbody").findElements(By.cssSelector("tr")).size();
            browser.screenshot("workbench-" + username + "-list");
            assertThat(rows).as(browser.path()).isEqualTo((int) count);
        }
    }

    @Test
    void theAdministratorKeepsTheGatewayDashboard() {
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD);
            browser.go("/").find("#dashboard");
            browser.find("#kpi-services");
            browser.screenshot("workbench-admin");
            assertThat(browser.pageText()).doesNotContain("未分配工单");
        }
    }
}
