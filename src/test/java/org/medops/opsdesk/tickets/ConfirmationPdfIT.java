package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 故障修复确认单 as the hospital signs it: rendered to PNG for a look, and its text read back — two
 * signature blocks each with a name and a date line, a breached clock reads as breached, no raw codes.
 */
@MedopsTest
class ConfirmationPdfIT {

    @LocalServerPort
    int port;

    @Autowired
    SlaWatch watch;

    @Autowired
    ConfirmationPdf pdf;

    @Test
    void theSignedSheetShowsNamesOutcomesAndTwoSignatureBlocks() throws IOException {
        assumeTrue(pdf.font().isPresent(), "SKIPPING PDF CHECK: no CJK TrueType font; apt-get install fonts-droid-fallback");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api reporter = admin.newUser("nurse" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        Api engineer = admin.newUser("eng" + suffix, "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");
        Api owner = admin.newUser("owner" + suffix, "门诊部主任 王强", "Owner#Desk-2026", "HOSPITAL_REVIEWER");
        String lowBefore = admin.get("/api/v1/opsdesk/sla/policies").json().get(3).toString();
        // Targets of zero minutes: both clocks breach at once, so the sheet must say so.
        Api.Response published = admin.put("/api/v1/opsdesk/sla/policies/LOW", """
                {"name":"测试：立即到期","targets":[{"kind":"RESPONSE","basis":"CALENDAR","minutes":0},
                 {"kind":"RESOLUTION","basis":"CALENDAR","minutes":0}]}""");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        long id;
        String number;
        try {
            Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                    {"title":"外联平台转发超时 %s","phenomenon":"检验结果回传超时","occurredAt":"%s",
                     "impactScope":"全院检验结果回传","systems":["GATEWAY"],"category":"NETWORK","reporter":"刘芳",
                     "contact":"分机 8123","source":"PHONE","priority":"LOW"}"""
                    .formatted(suffix, Instant.now().minusSeconds(600)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asLong();
            number = created.json().get("number").asString();
            watch.run();
        } finally {
            JsonNode low = JsonMapper.builder().build().readTree(lowBefore);
            admin.put("/api/v1/opsdesk/sla/policies/LOW", "{\"name\":" + low.get("name") + ",\"targets\":"
                    + low.get("targets") + "}");
        }
        ok(engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}"));
        ok(engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}"));
        ok(engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"重启转发节点并清理积压队列\"}"));
        ok(owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"王强\",\"statement\":\"回传已恢复\"}"));

        Api.Download sheet = owner.download("/api/v1/opsdesk/tickets/" + id + "/confirmation.pdf");
        assertThat(sheet.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(sheet.body())) {
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                ImageIO.write(image, "png", dir.resolve("confirmation-pdf-page" + (page + 1) + ".png").toFile());
            }
            String text = new PDFTextStripper().getText(document);
            List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();

            assertThat(lines).as("each party signs in its own block").contains("服务方签字", "院方签字");
            assertThat(lines.stream().filter(l -> l.startsWith("姓名：")).count()).as(text).isEqualTo(2);
            assertThat(lines.stream().filter(l -> l.startsWith("日期：")).count()).as(text).isEqualTo(2);
            assertThat(lines.indexOf("服务方签字")).isLessThan(lines.indexOf("院方签字"));
            assertThat(lines.get(lines.indexOf("服务方签字") + 1)).as("the vendor's name line names the engineer")
                    .matches("姓名：\\s*工程师 张伟");
            assertThat(lines.get(lines.indexOf("院方签字") + 1)).matches("姓名：\\s*王强");

            // The response clock breached at once (a zero-minute target): its outcome says so, with the time.
            String response = lines.stream().filter(l -> l.startsWith("首次响应")).findFirst().orElseThrow();
            assertThat(response).contains("超时（").doesNotContain("达标", "计时中", "已暂停");

            assertThat(text).contains(number, "外联平台", "工程师 张伟", "王强", "低");
            assertThat(text).as("no account names, codes or enum constants on a sheet for signature")
                    .doesNotContain("eng" + suffix, "owner" + suffix, "GATEWAY", "BREACHED", "PAUSED", "RESOLUTION",
                            "RESPONSE", "LOW", "REMOTE", "CALENDAR");
        }
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
