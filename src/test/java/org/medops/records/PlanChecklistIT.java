package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The emergency plans in the inspection checklist: a quarterly round's report lists each plan's yearly review and
 * its drills as they stood at the round's start (review overdue → FAIL, no drill in a year → WARN, a drill beyond
 * the RTO → WARN, within → PASS), a daily round lists none, the PDF prints them, and signing freezes them: a drill
 * recorded afterwards changes the next draft, not the signed report, whose hash still verifies.
 */
@MedopsTest
class PlanChecklistIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void plansAndDrillsAreCheckedInTheQuarterlyReportAndFrozenWhenSigned() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("chk-eng" + suffix, "厂商工程师 刘洋", EmergencyPlansIT.PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser("chk-rev" + suffix, "信息科 陈刚", EmergencyPlansIT.PASSWORD, "HOSPITAL_REVIEWER");
        LocalDate today = LocalDate.now(SHANGHAI);

        long his = created(engineer.post(EmergencyPlansIT.PLANS,
                EmergencyPlansIT.plan("HIS 停机 " + suffix, "HIS_OUTAGE", "HIS")));
        long db = created(engineer.post(EmergencyPlansIT.PLANS,
                EmergencyPlansIT.plan("数据库故障 " + suffix, "DATABASE", "HIS")));
        long net = created(engineer.post(EmergencyPlansIT.PLANS,
                EmergencyPlansIT.plan("网络中断 " + suffix, "NETWORK", null)));
        // The network plan was written two years ago and never reviewed: its yearly review is long overdue.
        jdbc.sql("update records_emergency_plans set created_at = now() - interval '2 years' where id = :id")
                .param("id", net).update();
        // HIS: drilled within its 30-minute RTO; database: drilled but recovered in 50 minutes; network: no drill.
        assertThat(engineer.post(EmergencyPlansIT.PLANS + "/" + his + "/drills",
                EmergencyPlansIT.drill(today.minusDays(10), 20)).status()).isEqualTo(201);
        assertThat(engineer.post(EmergencyPlansIT.PLANS + "/" + db + "/drills",
                EmergencyPlansIT.drill(today.minusDays(5), 50)).status()).isEqualTo(201);

        RoundFixture fixture = new RoundFixture(jdbc);
        fixture.target("chk-" + suffix, "HIS 应用服务器 " + suffix);
        // Whole seconds, and after the plans were written (they count only if they existed when the round started).
        Instant at = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        long quarterly = fixture.round("QUARTERLY", "MANUAL", null, at, false);
        fixture.item(quarterly, "chk-" + suffix, "SERVICES_UP", "PASS", "his-app: active", "active", "$ systemctl", at);
        long daily = fixture.round("DAILY", "MANUAL", null, at, false);
        fixture.item(daily, "chk-" + suffix, "SERVICES_UP", "PASS", "his-app: active", "active", "$ systemctl", at);

        String path = "/api/v1/inspection/rounds/" + quarterly + "/report";
        List<JsonNode> lines = mine(admin.get(path).json(), suffix);
        assertThat(lines).hasSize(6);
        assertThat(line(lines, "HIS 停机 " + suffix, "年度评审").get("result").asString()).isEqualTo("PASS");
        JsonNode hisDrill = line(lines, "HIS 停机 " + suffix, "应急演练");
        assertThat(hisDrill.get("result").asString()).isEqualTo("PASS");
        assertThat(hisDrill.get("value").asString()).contains(today.minusDays(10).toString(), "20 分钟");
        assertThat(hisDrill.get("evidence").asString()).contains("备用打印机");
        JsonNode dbDrill = line(lines, "数据库故障 " + suffix, "应急演练");
        assertThat(dbDrill.get("result").asString()).isEqualTo("WARN");
        assertThat(dbDrill.get("value").asString()).contains("50 分钟", "超过恢复目标");
        JsonNode netReview = line(lines, "网络中断 " + suffix, "年度评审");
        assertThat(netReview.get("result").asString()).isEqualTo("FAIL");
        assertThat(netReview.get("value").asString()).contains("尚未评审");
        assertThat(line(lines, "网络中断 " + suffix, "应急演练").get("result").asString()).isEqualTo("WARN");
        assertThat(admin.get("/api/v1/inspection/rounds/" + daily + "/report").json().get("checklist"))
                .as("a daily round checks machines only").isEmpty();

        try (PDDocument pdf = Loader.loadPDF(admin.download(path.replace("/report", "/report.pdf")).body())) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 80), "png",
                    java.nio.file.Path.of("target/screenshots/inspection-report-checklist.png").toFile());
            // Table cells wrap: compare without the line breaks and spaces the text extraction puts in.
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", ""))
                    .contains("管理类检查项", "网络中断" + suffix, "超过恢复目标");
        }

        Api.Response signed = reviewer.post(path + "/sign", "{\"name\":\"陈刚\"}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(admin.get(path + "/signed.json").body()).contains("网络中断 " + suffix, "超过恢复目标");

        // The network plan is reviewed and drilled after the signature: the signed report keeps what it said.
        assertThat(engineer.post(EmergencyPlansIT.PLANS + "/" + net + "/review",
                "{\"reviewedOn\":\"%s\"}".formatted(today)).status()).isEqualTo(200);
        assertThat(engineer.post(EmergencyPlansIT.PLANS + "/" + net + "/drills",
                EmergencyPlansIT.drill(today, 10)).status()).isEqualTo(201);
        JsonNode after = admin.get(path).json();
        assertThat(after.get("hashValid").asBoolean()).isTrue();
        assertThat(line(mine(after, suffix), "网络中断 " + suffix, "年度评审").get("result").asString())
                .isEqualTo("FAIL");
        long later = fixture.round("QUARTERLY", "MANUAL", null, Instant.now().plusSeconds(1), false);
        List<JsonNode> next = mine(admin.get("/api/v1/inspection/rounds/" + later + "/report").json(), suffix);
        assertThat(line(next, "网络中断 " + suffix, "年度评审").get("result").asString()).isEqualTo("PASS");
        assertThat(line(next, "网络中断 " + suffix, "应急演练").get("result").asString()).isEqualTo("PASS");
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** This test's lines (other tests' plans share the database). */
    private static List<JsonNode> mine(JsonNode report, String suffix) {
        List<JsonNode> lines = new ArrayList<>();
        report.get("checklist").forEach(l -> {
            if (l.get("subject").asString().contains(suffix)) {
                lines.add(l);
            }
        });
        lines.forEach(l -> assertThat(l.get("section").asString()).isEqualTo("应急预案"));
        return lines;
    }

    private static JsonNode line(List<JsonNode> lines, String plan, String check) {
        return lines.stream().filter(l -> l.get("subject").asString().startsWith(plan) && l.get("check").asString()
                .equals(check)).findFirst().orElseThrow(() -> new AssertionError(plan + " / " + check + " in " + lines));
    }
}
