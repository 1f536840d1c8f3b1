package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration engineer registers the LIS database on 数据库目标, tests its connection, after the page refused a URL it does not take. */
@MedopsTest
class JdbcTargetsBrowserIT {

    @LocalServerPort
    int port;

    static boolean mariadb() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            System.err.println("!!! JdbcTargetsBrowserIT: MariaDB is not reachable on 127.0.0.1:3306: SKIPPED");
            return false;
        }
    }

    @Test
    void registersATargetAfterARefusedUrlAndTestsItsConnection() {
        Assumptions.assumeTrue(mariadb(), "MariaDB is not running on 127.0.0.1:3306");
        String code = "lis-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open(port)) {
            browser.login("admin", MedopsTest.ADMIN_PASSWORD).waitForPath("/");
            browser.go("/integration/channels").click("#nav-integration-targets").waitForPath("/integration/targets");
            browser.type("#target-code", code).type("#target-name", "检验 LIS 库")
                    .type("#target-url", "jdbc:oracle:thin:@10.1.2.5:1521:lis").click("#target-save");
            assertThat(browser.text("#problem")).contains("jdbc:mariadb://");
            browser.screenshot("65-integration-target-invalid");

            browser.set("#target-url", "jdbc:mariadb://127.0.0.1:3306/mysql").set("#target-user", "root")
                    .set("#target-password", "").click("#target-save");
            assertThat(browser.text("#notice")).contains("数据库目标已保存");
            assertThat(browser.text("#target-" + code)).contains("检验 LIS 库", "jdbc:mariadb://127.0.0.1:3306/mysql");

            browser.click("#test-" + code);
            assertThat(browser.text("#target-tested")).contains("连接成功", "MariaDB");
            browser.screenshot("66-integration-target-tested");
        }
    }
}
