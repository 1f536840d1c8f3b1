package org.medops.publication.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An Excel import previews line by line; with bad lines it is refused with their line numbers and changes nothing. */
@MedopsTest
class PublicationImportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badLinesAreNamedAndNothingIsWrittenThenAGoodWorkbookBecomesDrafts() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Api writer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("imp-" + s.toLowerCase(), "医务科 导入", "Publish#Keeper-2026", "DATA_PUBLISHER");
        byte[] bad = workbook(List.of(
                List.of("key", "name", "category", "status", "parent"),
                List.of("I1" + s, "内科", "03", "OPEN", ""),
                List.of("I2" + s, "呼吸内科", "0301", "OPEN", "I1" + s),
                List.of("I3" + s, "", "0302", "OPEN", ""),
                List.of("I4" + s, "神经内科", "9999", "SHUT", ""),
                List.of("I2" + s, "重复", "0301", "OPEN", "")));
        Api.Response preview = writer.upload("/api/v1/publication/imports/departments", "科室.xlsx", bad);
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode lines = preview.json().get("lines");
        assertThat(preview.json().get("bad").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("action").asString()).isEqualTo("NEW");
        assertThat(lines.get(1).get("action").asString()).as("its parent is in the same workbook").isEqualTo("NEW");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(lines.get(2).get("problems").toString()).contains("name:required");
        assertThat(lines.get(3).get("problems").toString()).contains("category:code-unknown", "status:choice-invalid");
        assertThat(lines.get(4).get("problems").toString()).contains("key:duplicate");

        Api.Response refused = writer.post("/api/v1/publication/imports/" + preview.json().get("id").asLong()
                + "/confirm", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("publication-import-rows-invalid").contains("4: name:required")
                .contains("5: ").contains("6: key:duplicate");
        assertThat(drafts(s)).as("nothing changed").isZero();

        byte[] good = workbook(List.of(
                List.of("key", "name", "category", "status", "parent"),
                List.of("I1" + s, "内科", "03", "OPEN", ""),
                List.of("I2" + s, "呼吸内科", "0301", "OPEN", "I1" + s)));
        Api.Response ok = writer.upload("/api/v1/publication/imports/departments", "科室.xlsx", good);
        Api.Response confirmed = writer.post("/api/v1/publication/imports/" + ok.json().get("id").asLong()
                + "/confirm", "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(drafts(s)).isEqualTo(2);

        assertThat(writer.upload("/api/v1/publication/imports/departments", "科室.xlsx", "a,b\n1,2".getBytes())
                .body()).contains("publication-import-not-xlsx");
    }

    private long drafts(String suffix) {
        return jdbc.sql("select count(*) from publication_drafts where record_key like :k and status = 'PENDING'")
                .param("k", "I_" + suffix).query(Long.class).single();
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("科室");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
