package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first day of an administrator and an auditor, in a real Chromium. */
@MedopsTest
class ConsoleBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void administratorProposesAnAuditorTheSecurityAdministratorApprovesWhoFindsTheTrail() {
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).securityAdmin();
        String auditor = "zhang" + UUID.randomUUID().toString().substring(0, 4);
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").screenshot("01-login");
            assertThat(browser.pageText()).contains("登录", "用户名");

            browser.login("admin", "wrong-password").find("#login-error");
            assertThat(browser.text("#login-error")).contains("用户名或密码错误");

            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/").screenshot("02-home");
            assertThat(browser.pageText()).contains("系统首页", "用户管理", "系统配置").doesNotContain("审计日志");

            browser.go("/users").click("#new-user")
                    .type("#username", auditor).type("#displayName", "张审计")
                    .tick("input[name=roles][value=AUDIT_ADMIN]")
                    .screenshot("03-new-user")
                    .click("#save-user").waitForPath("/account-requests/");
            // An audit administrator is only proposed; the system administrator holds half of the password.
            String first = browser.text("#proposer-part");
            assertThat(first).hasSize(10);
            assertThat(browser.text("#request-status")).contains("待审批");
            browser.screenshot("04-user-proposed");
            browser.go("/users");
            assertThat(browser.text("#pending-requests")).contains(auditor, "创建账号", "安全管理");
            browser.click("#logout").waitForPath("/login");

            browser.login(Api.SECURITY_FIXTURE, Api.FIXTURE_PASSWORD).waitForPath("/");
            browser.click("#nav-requests").waitForPath("/account-requests");
            assertThat(browser.text("#account-requests")).contains(auditor);
            browser.go("/users");
            browser.click("#pending-requests a[href^='/account-requests/']");
            browser.screenshot("04b-approver-sees-request").click("#approve-request");
            String second = browser.text("#approver-part");
            assertThat(second).hasSize(10);
            assertThat(browser.text("#request-status")).contains("已批准");
            browser.screenshot("04c-approved");
            browser.click("#logout").waitForPath("/login");
            String temporary = first + second;

            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/users").click("#lang-en");
            // Other tests add users too: find this one rather than hoping it is on the first page.
            browser.go("/users?q=" + auditor);
            assertThat(browser.find("h2.page-title").getText()).isEqualTo("Users");
            assertThat(browser.pageText()).contains("Audit administrator", "Sign out");
            browser.screenshot("05-users-english");
            browser.click("#lang-zh");
            assertThat(browser.find("h2.page-title").getText()).isEqualTo("用户管理");

            browser.go("/settings").type("#sessionTimeoutMinutes", "20").screenshot("05b-settings")
                    .click("#save-settings");
            assertThat(browser.text("#notice")).contains("系统配置已保存");
            browser.type("#passwordMinLength", "6").click("#save-settings");
            assertThat(browser.pageText()).contains("最小长度");
            assertThat(browser.find("#passwordMinLength").getAttribute("class")).contains("is-invalid");
            browser.go("/settings").type("#sessionTimeoutMinutes", "30").click("#save-settings");

            browser.go("/audit");
            assertThat(browser.pageText()).contains("无权访问");
            browser.screenshot("06-admin-denied-audit");
            browser.click("#logout").waitForPath("/login");

            browser.login(auditor, temporary).waitForPath("/account/password");
            assertThat(browser.find("#forced-change").getText()).contains("临时密码");
            browser.screenshot("07-forced-password-change");
            browser.go("/audit").waitForPath("/account/password");
            browser.type("#currentPassword", temporary).type("#newPassword", "weak")
                    .type("#confirmPassword", "weak").click("#change-password");
            assertThat(browser.text("#problem")).contains("长度不足");
            browser.type("#currentPassword", temporary).type("#newPassword", "Audit#Desk-2026")
                    .type("#confirmPassword", "Audit#Desk-2026").click("#change-password").waitForPath("/");
            assertThat(browser.text("#notice")).contains("密码已修改");

            browser.go("/audit").type("#target", auditor).click("#audit-search");
            String trail = browser.text("#audit-records");
            assertThat(trail).contains("创建用户", "修改密码", "登录", auditor);
            browser.go("/audit?action=settings.update");
            assertThat(browser.text("#audit-records")).contains("修改系统配置", "会话超时（分钟）：", " → 20");
            browser.screenshot("08-audit-trail");

            browser.go("/audit?action=access.denied");
            assertThat(browser.text("#audit-records")).contains("越权访问被拒绝", "GET /audit");

            browser.click("#audit-verify");
            assertThat(browser.text("#chain-intact")).contains("审计链完整");
            browser.screenshot("09-audit-verified");
        }
    }
}
