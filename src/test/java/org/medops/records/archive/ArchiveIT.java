package org.medops.records.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medops.records.ArchiveSource;
import org.medops.records.PdfText;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The archive over real HTTP: a signed document refuses edits and new versions (409 problem details); sources are
 * collected once and versioned only when their bytes change, never over a signature; the half-year handover zip
 * holds every document of its period and an index whose SHA-256 of each file matches the file.
 */
@MedopsTest
class ArchiveIT {

    @LocalServerPort
    int port;
    @Autowired
    TestArchiveSource source;
    @Autowired
    Archive archive;

    private Api engineer(String suffix) {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("arch" + suffix, "运维工程师 王磊", "Arch#Engineer-2026", "OPS_ENGINEER");
    }

    private Api reviewer(String suffix) {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("arev" + suffix, "信息科 周敏", "Arch#Reviewer-2026", "HOSPITAL_REVIEWER");
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Api.Response upload(Api api, String type, String system, String title, String datedOn, String file,
                               byte[] content) {
        return api.upload("/api/v1/archive/documents?type=" + type + (system == null ? "" : "&system=" + system)
                + "&title=" + q(title) + "&datedOn=" + datedOn + "&version=V1.0", file, content);
    }

    @Test
    void aSignedDocumentRefusesEditsAndNewVersions() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = engineer(suffix);
        Api reviewer = reviewer(suffix);
        Api.Response uploaded = upload(engineer, "TEST_REPORT", "HIS", "挂号接口测试报告 " + suffix, "2026-11-20",
                "测试报告.txt", "测试报告：核心场景 12/12 通过".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long id = uploaded.json().get("id").asLong();
        String sha = uploaded.json().get("versions").get(0).get("sha256").asString();
        assertThat(sha).isEqualTo(Archive.sha256("测试报告：核心场景 12/12 通过"));

        Api.Response edited = engineer.put("/api/v1/archive/documents/" + id, """
                {"type":"TEST_REPORT","system":"HIS","title":"挂号接口测试报告（修订）","datedOn":"2026-11-21"}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Api.Response second = engineer.upload("/api/v1/archive/documents/" + id + "/versions?version=V1.1", "测试报告.txt",
                "测试报告：核心场景 12/12 通过，补充压力测试".getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        assertThat(engineer.post("/api/v1/archive/documents/" + id + "/sign", "{\"name\":\"王磊\"}").status())
                .as("the vendor cannot sign for the hospital").isEqualTo(403);
        Api.Response signed = reviewer.post("/api/v1/archive/documents/" + id + "/sign", "{\"name\":\"周敏\"}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("signed").asBoolean()).isTrue();

        Api.Response refused = engineer.put("/api/v1/archive/documents/" + id, """
                {"type":"TEST_REPORT","system":"HIS","title":"偷偷修改","datedOn":"2026-11-21"}""");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("archive-document-signed");
        Api.Response refusedVersion = engineer.upload("/api/v1/archive/documents/" + id + "/versions", "测试报告.txt",
                "篡改".getBytes(StandardCharsets.UTF_8));
        assertThat(refusedVersion.status()).isEqualTo(409);
        assertThat(reviewer.post("/api/v1/archive/documents/" + id + "/sign", "{\"name\":\"周敏\"}").status())
                .isEqualTo(409);

        JsonNode after = engineer.get("/api/v1/archive/documents/" + id).json();
        assertThat(after.get("title").asString()).isEqualTo("挂号接口测试报告（修订）");
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("signedBy").asString()).isEqualTo("周敏");
        Api.Download file = engineer.download("/api/v1/archive/documents/" + id + "/versions/2/content");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("测试报告：核心场景 12/12 通过，补充压力测试");
        assertThat(file.header("X-Content-SHA256")).isEqualTo(after.get("versions").get(0).get("sha256").asString());

        Api.Response search = engineer.get("/api/v1/archive/documents?type=TEST_REPORT&system=HIS&q=" + q("修订"));
        assertThat(search.json().get("rows").findValuesAsString("title")).contains("挂号接口测试报告（修订）");
        Api.Response renamed = upload(engineer, "TEST_REPORT", null, "改名的可执行文件", "2026-11-20", "setup.pdf",
                new byte[] {'M', 'Z', 0, 0});
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.json().get("code").asString()).isEqualTo("archive-file-type");
    }

    @Test
    void collectsASourceOnceAndVersionsItOnlyWhenItsContentChanges() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = engineer(suffix);
        String key = "test:" + suffix + ":plan";
        Instant at = Instant.parse("2026-10-12T02:00:00Z");
        source.put(doc(key, at, "应急预案 v1", null));
        JsonNode first = engineer.post("/api/v1/archive/collect", "{}").json();
        assertThat(first.get("created").asInt()).isGreaterThanOrEqualTo(1);
        long id = find(engineer, key);

        engineer.post("/api/v1/archive/collect", "{}");
        assertThat(engineer.get("/api/v1/archive/documents/" + id).json().get("version").asInt())
                .as("the same bytes again add nothing").isEqualTo(1);

        source.put(doc(key, at, "应急预案 v2：新增数据库切换步骤", null));
        engineer.post("/api/v1/archive/collect", "{}");
        JsonNode changed = engineer.get("/api/v1/archive/documents/" + id).json();
        assertThat(changed.get("version").asInt()).isEqualTo(2);
        assertThat(changed.get("versions").get(1).get("sha256").asString()).isEqualTo(Archive.sha256("应急预案 v1"));

        source.put(doc(key, at, "应急预案 v2：新增数据库切换步骤", "信息科 赵敏"));
        engineer.post("/api/v1/archive/collect", "{}");
        source.put(doc(key, at, "应急预案 v3：事后改写", "信息科 赵敏"));
        JsonNode kept = engineer.post("/api/v1/archive/collect", "{}").json();
        assertThat(kept.get("signedKept").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode signed = engineer.get("/api/v1/archive/documents/" + id).json();
        assertThat(signed.get("signed").asBoolean()).isTrue();
        assertThat(signed.get("version").asInt()).as("a signed copy is never overwritten").isEqualTo(2);
        assertThat(signed.get("signedBy").asString()).isEqualTo("信息科 赵敏");

        // The source now prints the same document as PDF (the platform's records did): the signed text stays, quietly.
        ArchiveSource.Document pdf = new ArchiveSource.Document(key, "EMERGENCY_PLAN", "HIS", "应急预案 " + key, "1", at,
                "engineer", "信息科 赵敏", key.replace(':', '-') + ".pdf", "application/pdf",
                "%PDF-1.7 应急预案 v2".getBytes(StandardCharsets.UTF_8));
        assertThat(archive.file(pdf)).isEqualTo(Archive.Filed.SIGNED_REFORMATTED);
        assertThat(archive.file(doc(key, at, "应急预案 v3：事后改写", "信息科 赵敏"))).isEqualTo(Archive.Filed.SIGNED_KEPT);
        JsonNode still = engineer.get("/api/v1/archive/documents/" + id).json();
        assertThat(still.get("version").asInt()).isEqualTo(2);
        assertThat(still.get("versions").get(0).get("contentType").asString()).startsWith("text/plain");
    }

    @Test
    void theOpsDesksLocationReportAndSignedRepairConfirmationAreArchivedAsWritten() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = engineer(suffix);
        Api reviewer = reviewer(suffix);
        String tickets = "/api/v1/opsdesk/tickets/";
        Api.Response reported = reviewer.post("/api/v1/opsdesk/tickets", """
                {"title":"检验结果回传中断 %s","phenomenon":"LIS 审核后 HIS 看不到结果","occurredAt":"%s",
                 "impactScope":"住院部","systems":["LIS"],"category":"INTERFACE","reporter":"周敏",
                 "contact":"分机 8123","source":"PHONE","priority":"HIGH"}""".formatted(suffix,
                Instant.now().minusSeconds(600)));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long id = reported.json().get("id").asLong();
        engineer.post(tickets + id + "/accept", "{}");
        engineer.post(tickets + id + "/start", "{\"mode\":\"REMOTE\"}");
        assertThat(engineer.post(tickets + id + "/locate", """
                {"rootCause":"接口服务证书过期 %s","impact":"住院部检验结果","fixPriority":"立即","risk":"无"}"""
                .formatted(suffix)).status()).isEqualTo(200);
        engineer.post(tickets + id + "/fix", "{\"summary\":\"更新证书并重发积压消息\"}");
        assertThat(reviewer.post(tickets + id + "/confirm", "{\"name\":\"周敏\",\"statement\":\"结果已全部回传，确认修复。\"}")
                .status()).isEqualTo(200);

        engineer.post("/api/v1/archive/collect", "{}");
        JsonNode rows = engineer.get("/api/v1/archive/documents?size=50&q=" + q(suffix)).json().get("rows");
        JsonNode location = null;
        JsonNode confirmation = null;
        for (JsonNode row : rows) {
            switch (row.get("type").asString()) {
                case "LOCATION_REPORT" -> location = row;
                case "REPAIR_CONFIRMATION" -> confirmation = row;
                default -> { }
            }
        }
        assertThat(location).as("the location report in " + rows).isNotNull();
        assertThat(location.hasNonNull("signedBy")).as("the engineer's report is not the hospital's to sign").isFalse();
        assertThat(location.get("fileName").asString()).endsWith(".pdf");
        assertThat(PdfText.of(engineer.download("/api/v1/archive/documents/" + location.get("id").asLong()
                + "/versions/1/content").body())).contains("接口服务证书过期 " + suffix, "运维工程师 王磊");
        assertThat(confirmation).as("the repair confirmation in " + rows).isNotNull();
        assertThat(confirmation.get("signedBy").asString()).isEqualTo("周敏");
        assertThat(confirmation.get("system").asString()).isEqualTo("LIS");
        assertThat(PdfText.of(engineer.download("/api/v1/archive/documents/" + confirmation.get("id").asLong()
                + "/versions/1/content").body()))
                .contains("更新证书并重发积压消息", "结果已全部回传，确认修复。", "确认人（签字）：周敏");
    }

    @Test
    void theHalfYearHandoverZipListsEveryFileWithItsChecksum() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api engineer = engineer(suffix);
        Api reviewer = reviewer(suffix);
        // A contract of its own, long ago, so no other test's documents fall in its first half.
        String year = String.valueOf(2001 + Math.floorMod(suffix.hashCode(), 20));
        Map<String, String> expected = new HashMap<>();
        for (String[] d : new String[][] {{"USER_MANUAL", "HIS", "HIS 用户手册", year + "-01-15", "手册.txt", "用户手册正文"},
                {"INSPECTION_REPORT", null, "一季度巡检报告", year + "-03-31", "巡检报告.txt", "巡检：全部通过"},
                {"REPAIR_CONFIRMATION", "LIS", "故障修复确认单", year + "-06-30", "确认单.txt", "已修复，院方确认"}}) {
            Api.Response r = upload(engineer, d[0], d[1], d[2] + " " + suffix, d[3], d[4],
                    d[5].getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            expected.put(r.json().get("id").asString(), Archive.sha256(d[5]));
        }
        long signedId = Long.parseLong(expected.keySet().iterator().next());
        reviewer.post("/api/v1/archive/documents/" + signedId + "/sign", "{\"name\":\"周敏\"}");
        upload(engineer, "OTHER", null, "下半年的文件 " + suffix, year + "-07-01", "later.txt",
                "不在上半年".getBytes(StandardCharsets.UTF_8));
        // A feature's document of the period reaches the package through the collection the export runs first.
        source.put(doc("test:" + suffix + ":drill", Instant.parse(year + "-05-10T02:00:00Z"), "演练记录", "信息科 赵敏"));

        Api.Download zip = engineer.download("/api/v1/archive/handover?preset=HALF_YEAR&contractStart=" + year
                + "-01-01&months=12");
        assertThat(zip.status()).as(new String(zip.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");

        Map<String, String> files = new HashMap<>();
        byte[] index = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("index.xlsx")) {
                    index = bytes;
                } else {
                    files.put(e.getName(), Archive.sha256(bytes));
                }
            }
        }
        assertThat(index).isNotNull();
        assertThat(files).hasSize(4);
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("文档/用户手册/")).anyMatch(p -> p.startsWith("文档/演练记录/")
                || p.contains("DRILL_RECORD"));
        assertThat(files.values()).containsAll(expected.values()).contains(Archive.sha256("演练记录"));

        Map<String, String> listed = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(index))) {
            Sheet sheet = workbook.getSheet("文件索引");
            DataFormatter text = new DataFormatter();
            Row header = sheet.getRow(0);
            assertThat(text.formatCellValue(header.getCell(1))).isEqualTo("文件路径");
            assertThat(text.formatCellValue(header.getCell(8))).isEqualTo("签署人");
            assertThat(text.formatCellValue(header.getCell(11))).isEqualTo("SHA-256 校验值");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                listed.put(text.formatCellValue(row.getCell(1)), text.formatCellValue(row.getCell(11)));
                assertThat(text.formatCellValue(row.getCell(12))).isEqualTo("一致");
                if (text.formatCellValue(row.getCell(1)).contains(String.format("%05d", signedId))) {
                    assertThat(text.formatCellValue(row.getCell(8))).isEqualTo("周敏");
                }
            }
            assertThat(text.formatCellValue(workbook.getSheet("移交说明").getRow(0).getCell(1)))
                    .contains("半年度维护服务记录");
        }
        assertThat(listed).as("the index lists every file with the checksum of its bytes").isEqualTo(files);
    }

    private static long find(Api api, String key) {
        JsonNode rows = api.get("/api/v1/archive/documents?size=200&q=" + q(key.split(":")[1])).json().get("rows");
        for (JsonNode row : rows) {
            if (key.equals(row.get("sourceKey").asString())) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("not archived: " + key + " in " + rows);
    }

    private static ArchiveSource.Document doc(String key, Instant at, String text, String signedBy) {
        return new ArchiveSource.Document(key, key.endsWith("drill") ? "DRILL_RECORD" : "EMERGENCY_PLAN", "HIS", "应急预案 " + key, "1", at, "engineer", signedBy, key.replace(':', '-') + ".txt",
                "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
