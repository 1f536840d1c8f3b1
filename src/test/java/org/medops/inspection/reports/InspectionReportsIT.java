package org.medops.inspection.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.medops.inspection.RoundFixture;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The report of a round as the hospital signs it: pre-filled findings from the failing and warning items, edited by
 * the engineer, the PDF's text and the Word copy read back, signed by the information department, then frozen —
 * a later edit or a second signature is a 409, and the recorded SHA-256 is that of exactly the text signed.
 */
@MedopsTest
class InspectionReportsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportDocuments documents;

    record Round(long id, String host) {
    }

    Round round(String suffix) {
        RoundFixture fixture = new RoundFixture(jdbc);
        String host = "his-db-" + suffix;
        fixture.target(host, "HIS 数据库服务器 " + suffix);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = fixture.round("QUARTERLY", "MANUAL", null, at, false);
        fixture.item(id, host, "PARTITION_USAGE", "FAIL", "/ 41%, /data 97%", "< 95%", "$ df -h\n/dev/sdb1 ... 97% /data", at);
        fixture.item(id, host, "SERVICES_UP", "PASS", "postgresql, his-app: active", "active", "$ systemctl is-active", at);
        fixture.item(id, host, "BACKUP_FRESHNESS", "WARN", "newest 25h ago, 7 kept", "< 26 h, ≥ 7", "$ ls -lt /backup", at);
        fixture.item(id, host, "LOG_SIZE", "ERROR", "ssh: connection timed out", "< 10 GB", null, at);
        return new Round(id, host);
    }

    @Test
    void aReportIsPrefilledEditedPrintedSignedAndThenFrozen() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reviewer = admin.newUser("info" + suffix, "信息科 李敏", "Info#Sign-2026", "HOSPITAL_REVIEWER");
        Round round = round(suffix);
        String path = "/api/v1/inspection/rounds/" + round.id() + "/report";

        JsonNode draft = admin.get(path).json();
        assertThat(draft.get("draft").asBoolean()).isTrue();
        assertThat(draft.get("summary").get("total").asInt()).isEqualTo(4);
        assertThat(draft.get("summary").get("fail").asInt()).isEqualTo(1);
        assertThat(draft.get("findings")).hasSize(3);
        JsonNode partition = draft.get("findings").get(0);
        assertThat(partition.get("check").asString()).isEqualTo("PARTITION_USAGE");
        assertThat(partition.get("finding").asString()).contains("97%").contains("< 95%");
        assertThat(partition.get("cause").asString()).contains("分区");
        assertThat(draft.get("findings").get(1).get("result").asString()).isEqualTo("ERROR");
        assertThat(draft.get("findings").get(2).get("cause").asString()).contains("备份");

        Api.Response edited = admin.put(path, """
                {"findings": [{"target": "HIS 数据库服务器", "check": "PARTITION_USAGE", "result": "FAIL",
                  "finding": "/data 使用率 97%", "cause": "归档日志未清理", "action": "清理 2026 年 6 月前的归档日志，并申请扩容 200 GB"}],
                 "remarks": "本季度整体运行平稳，/data 分区需在节前扩容。"}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("draft").asBoolean()).isFalse();
        assertThat(edited.json().get("findings")).hasSize(1);

        // The engineer may not sign; an information department reviewer may not edit.
        assertThat(admin.post(path + "/sign", "{\"name\":\"管理员\"}").status()).isEqualTo(403);
        assertThat(reviewer.put(path, "{\"remarks\":\"x\"}").status()).isEqualTo(403);
        assertThat(reviewer.post(path + "/sign", "{\"name\":\"  \"}").status()).isEqualTo(400);

        assumeTrue(documents.font().isPresent(), "SKIPPING PDF CHECK: no CJK TrueType font; apt-get install fonts-droid-fallback");
        String unsignedPdf = pdfText(admin, round.id(), "unsigned");
        assertThat(unsignedPdf).contains("巡检报告").contains("尚未签署").contains("归档日志未清理")
                .contains("本季度整体运行平稳").contains("分区使用率").contains("异常");

        Api.Response signed = reviewer.post(path + "/sign", """
                {"name": "李敏", "statement": "已核对，同意扩容建议。"}""");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        String hash = signed.json().get("hash").asString();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(signed.json().get("hashValid").asBoolean()).isTrue();
        assertThat(signed.json().get("signOff").get("name").asString()).isEqualTo("李敏");

        Api.Response refused = admin.put(path, "{\"remarks\": \"签署后再改\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("inspection-report-signed");
        assertThat(reviewer.post(path + "/sign", "{\"name\":\"李敏\"}").status()).isEqualTo(409);

        String frozen = admin.get(path + "/signed.json").body();
        assertThat(ReportContent.sha256(frozen)).isEqualTo(hash);
        assertThat(frozen).contains("归档日志未清理").contains("李敏").contains("PARTITION_USAGE");
        assertThat(jdbc.sql("select content_hash from inspection_reports where round_id = :id").param("id", round.id())
                .query(String.class).single()).isEqualTo(hash);
        JsonNode after = admin.get(path).json();
        assertThat(after.get("remarks").asString()).isEqualTo("本季度整体运行平稳，/data 分区需在节前扩容。");
        assertThat(after.get("hashValid").asBoolean()).isTrue();

        String signedPdf = pdfText(admin, round.id(), "signed");
        assertThat(signedPdf).contains("已由 李敏").contains("签署").contains(hash.substring(0, 16));

        Api.Download docx = admin.download(path + ".docx");
        assertThat(docx.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/inspection-report.docx"), docx.body());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("巡检报告").contains("李敏").contains(hash).contains("已核对，同意扩容建议。")
                    .contains("清理 2026 年 6 月前的归档日志").contains("分区使用率");
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(2);
        }

        assertThat(jdbc.sql("""
                        select action from audit_records where target_type = 'inspection-report' and target_id = :id
                        order by seq""").param("id", String.valueOf(round.id())).query(String.class).list())
                .as("the sign-off also embeds the signer's electronic signature in the report's PDF")
                .containsExactly("inspection.report.edit", "inspection.report.sign", "signature.document.sign");
    }

    @Test
    void aRunningRoundCannotBeSignedAndUnknownRoundsAre404() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reviewer = admin.newUser("infr" + suffix, "信息科 王芳", "Info#Sign-2026", "HOSPITAL_REVIEWER");
        long running = new RoundFixture(jdbc).round("DAILY", "MANUAL", null, Instant.now(), true);
        Api.Response refused = reviewer.post("/api/v1/inspection/rounds/" + running + "/report/sign", "{\"name\":\"王芳\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("inspection-report-round-running");
        assertThat(admin.get("/api/v1/inspection/rounds/999999999/report").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/inspection/reports?state=signed&size=20").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/inspection/reports?state=bogus").status()).isEqualTo(400);
    }

    private String pdfText(Api api, long round, String name) throws IOException {
        Api.Download pdf = api.download("/api/v1/inspection/rounds/" + round + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            Files.createDirectories(Path.of("target/screenshots"));
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
                    Path.of("target/screenshots/inspection-report-" + name + ".png").toFile());
            return new PDFTextStripper().getText(doc);
        }
    }
}
