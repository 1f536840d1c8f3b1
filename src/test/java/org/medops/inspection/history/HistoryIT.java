package org.medops.inspection.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A target's trends read back from the values of three rounds, written three different ways. */
@MedopsTest
class HistoryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void partitionUsageAndBackupAgeTrendOverTheRounds() {
        String host = "pacs-" + UUID.randomUUID().toString().substring(0, 6);
        RoundFixture fixture = new RoundFixture(jdbc);
        fixture.target(host, "导管室 PACS 服务器");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[][] values = {
                {"/ 40%, /data 80%", "newest 5h ago, 7 kept"},
                {"/data: 90 %", "PT20H"},
                {"97", "最新备份 2 天前"}};
        for (int i = 0; i < values.length; i++) {
            Instant at = now.minus(30L * (values.length - i), ChronoUnit.DAYS);
            long round = fixture.round("QUARTERLY", "MANUAL", null, at, false);
            fixture.item(round, host, "PARTITION_USAGE", i == 2 ? "FAIL" : "PASS", values[i][0], "< 95%", null, at);
            fixture.item(round, host, "BACKUP_FRESHNESS", i == 2 ? "FAIL" : "PASS", values[i][1], "< 26 h", null, at);
            fixture.item(round, host, "SERVICES_UP", "PASS", "all active", null, null, at);
        }
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        JsonNode history = admin.get("/api/v1/inspection/history/targets/" + host).json();
        assertThat(history.get("name").asString()).isEqualTo("导管室 PACS 服务器");
        assertThat(numbers(series(history, "PARTITION_USAGE"))).containsExactly(80.0, 90.0, 97.0);
        assertThat(series(history, "PARTITION_USAGE").get("unit").asString()).isEqualTo("PERCENT");
        assertThat(numbers(series(history, "BACKUP_FRESHNESS"))).containsExactly(5.0, 20.0, 48.0);
        assertThat(series(history, "BACKUP_FRESHNESS").get("unit").asString()).isEqualTo("HOURS");
        JsonNode unread = series(history, "SERVICES_UP").get("points").get(0).get("number");
        assertThat(unread == null || unread.isNull()).as("no number in 'all active'").isTrue();
        assertThat(admin.get("/api/v1/inspection/history/targets/no-such-target-" + host).status()).isEqualTo(404);
    }

    private static JsonNode series(JsonNode history, String check) {
        for (JsonNode s : history.get("series")) {
            if (s.get("check").asString().equals(check)) {
                return s;
            }
        }
        throw new AssertionError("no series " + check + " in " + history);
    }

    private static List<Double> numbers(JsonNode series) {
        List<Double> numbers = new ArrayList<>();
        series.get("points").forEach(p -> numbers.add(p.get("number") == null || p.get("number").isNull() ? null : p.get("number").asDouble()));
        return numbers;
    }
}
