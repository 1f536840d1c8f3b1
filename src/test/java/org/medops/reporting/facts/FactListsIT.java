package org.medops.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The fact lists over HTTP: filtered by days, paged, sorted, exported with readable labels, and audited. */
@MedopsTest
class FactListsIT {

    static final String PASSWORD = "Facts#List-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void listsPageSortAndExportWithReadableLabels() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", "Test#Admin-2026");
        Api engineer = admin.newUser("fl-eng" + suffix, "厂商工程师", PASSWORD, "OPS_ENGINEER");
        for (int day = 1; day <= 5; day++) {
            assertThat(engineer.post("/api/v1/reporting/calls", """
                    {"calledAt":"2017-03-0%dT02:00:00Z","caller":"来电人%d","channel":"WECHAT","answered":%s}"""
                    .formatted(day, day, day % 2 == 0)).status()).isEqualTo(201);
        }
        assertThat(engineer.post("/api/v1/reporting/trainings", """
                {"heldOn":"2017-03-02","topic":"新版医生站","audience":"门诊医生","hours":1.5,"attendees":30}""")
                .status()).isEqualTo(201);
        problem(engineer.post("/api/v1/reporting/visits", """
                {"visitedOn":"2017-03-02","visitor":"项目经理","department":"检验科","findings":"良好","satisfaction":6}"""),
                400, null);
        problem(engineer.post("/api/v1/reporting/trainings", """
                {"heldOn":"2099-03-02","topic":"未来","audience":"x","hours":1,"attendees":1}"""), 400,
                "reporting-fact-future");

        String period = "from=2017-03-01&to=2017-03-31";
        JsonNode page = engineer.get("/api/v1/reporting/calls?" + period + "&size=2&sort=calledAt,asc").json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("rows").findValuesAsString("caller")).containsExactly("来电人1", "来电人2");
        JsonNode next = engineer.get(page.get("links").get("next").asString().replaceFirst("^https?://[^/]+", "")).json();
        assertThat(next.get("rows").findValuesAsString("caller")).containsExactly("来电人3", "来电人4");
        problem(engineer.get("/api/v1/reporting/calls?sort=summary,asc"), 400, null);
        problem(engineer.get("/api/v1/reporting/calls?from=March"), 400, "reporting-day-invalid");

        for (String kind : List.of("calls", "visits", "trainings", "incidents", "extractions")) {
            Api.Response list = engineer.get("/api/v1/reporting/" + kind + "?" + period + "&q=医生&sort=id,desc");
            assertThat(list.status()).as(kind + ": " + list.body()).isIn(200, 400);
            assertThat(engineer.get("/api/v1/reporting/" + kind + "?" + period + "&q=医生").status()).as(kind)
                    .isEqualTo(200);
        }
        assertThat(engineer.get("/api/v1/reporting/trainings?q=医生站").json().get("total").asLong()).isOne();

        Api.Download csv = engineer.download("/api/v1/reporting/calls?" + period + "&sort=calledAt,asc&export=csv");
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(csv.body());
        assertThat(rows.get(0)).contains("来电时间", "来电人", "渠道", "是否接听");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).contains("来电人1", "微信", "未接听", "否");
        assertThat(rows.get(2)).contains("已接听");
        assertThat(Exports.xlsxText(engineer.download("/api/v1/reporting/trainings?" + period + "&export=xlsx").body()))
                .contains("新版医生站").contains("培训主题");
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'reporting.calls.export'")
                .query(Long.class).single()).isPositive();
        assertThat(new String(engineer.download("/api/v1/reporting/calls?" + period + "&export=csv&lang=en").body(),
                StandardCharsets.UTF_8)).contains("WeChat").contains("Not answered");
    }
}
