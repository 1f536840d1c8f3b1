package org.medops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** What a newcomer sees after {@code --demo}: demo accounts, services, channels and live traffic. */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=40ms"})
class DemoModeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAccountsServicesChannelsAndSendsSignedTrafficThroughTheGateway() {
        Api auditor = new Api(port).as("auditor", "MedOps#Demo2026");
        assertThat(auditor.get("/api/v1/audit").status()).isEqualTo(200);

        Api viewer = new Api(port).as("viewer", "MedOps#Demo2026");
        assertThat(viewer.get("/api/v1/services").json().findValuesAsString("code")).contains("his", "lis", "yb");
        assertThat(viewer.get("/api/v1/channels").json().findValuesAsString("code"))
                .contains("wechat-mp", "alipay", "hospital-app");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(distinct service_code) from access_log where status = 200 and channel_code is not null""")
                .query(Long.class).single() == 3);
        List<String> channels = jdbc.sql("select distinct channel_code from access_log where status = 200")
                .query(String.class).list();
        assertThat(channels).containsAnyOf("wechat-mp", "alipay", "hospital-app");
        assertThat(jdbc.sql("select count(*) from access_log where error_code = 'MEDOPS-ACCESS-DENIED'")
                .query(Long.class).single()).as("demo channels call only what they are granted").isZero();
    }

    @Test
    void watchesTheDemoIntegrationChannelsWithAlertRules() {
        Api viewer = new Api(port).as("viewer", "MedOps#Demo2026");
        tools.jackson.databind.JsonNode rules = viewer.get("/api/v1/alert-rules").json();
        assertThat(rules.findValuesAsString("kind")).contains("CHANNEL_BREAKER_OPEN", "CHANNEL_QUEUE",
                "CHANNEL_ERROR_RATE", "CHANNEL_SILENT");
        List<String> channels = jdbc.sql("select code from integration_channels").query(String.class).list();
        for (tools.jackson.databind.JsonNode rule : rules) {
            if (rule.get("kind").asString().startsWith("CHANNEL_") && rule.hasNonNull("subject")) {
                assertThat(channels).as("rule %s watches a demo channel", rule.get("name").asString())
                        .contains(rule.get("subject").asString());
            }
        }
    }

    @Test
    void signsTheQuartersInspectionReportAndLeavesTheNewestDatabaseRoundsReportToSign() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from inspection_reports where signed_at is not null").query(Long.class).single() > 0);
        Api viewer = new Api(port).as("viewer", "MedOps#Demo2026");
        long quarterly = jdbc.sql("select id from inspection_rounds where template = 'QUARTERLY' order by id limit 1")
                .query(Long.class).single();
        tools.jackson.databind.JsonNode report = viewer.get("/api/v1/inspection/rounds/" + quarterly + "/report").json();
        assertThat(report.path("signOff").path("name").asString()).isEqualTo("陈刚");
        assertThat(report.path("hashValid").asBoolean()).as("the signed text still hashes to the stored SHA-256").isTrue();
        long newestDatabase = jdbc.sql("""
                select id from inspection_rounds where template = 'DATABASE' and status = 'DONE'
                order by started_at desc limit 1""").query(Long.class).single();
        assertThat(viewer.get("/api/v1/inspection/rounds/" + newestDatabase + "/report").json().path("signOff").isNull()
                || viewer.get("/api/v1/inspection/rounds/" + newestDatabase + "/report").json().path("signOff").isMissingNode())
                .as("the newest database round's report waits for its signature").isTrue();
    }
}
