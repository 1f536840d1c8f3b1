package org.medops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Reporting's documents reach the records archive: a finalised scorecard (contract year 2016, no other test scores
 * it) as its signed content — whose SHA-256 is the card's hash — and its electronically signed PDF, both signed by
 * the finaliser; the last quarter's service report as a Chinese PDF dated on the quarter's last day. Collected over
 * the API, they are searchable under their types.
 */
@MedopsTest
class ReportingArchiveIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    List<ArchiveSource> sources;

    @Test
    void aFinalisedScorecardAndTheLastQuartersServiceReportAreArchived() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api engineer = admin.newUser("rpa-eng" + suffix, "厂商工程师", EmergencyPlansIT.PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser("rpa-rev" + suffix, "信息科 考评", EmergencyPlansIT.PASSWORD, "HOSPITAL_REVIEWER");
        Instant begin = Instant.now().minusSeconds(1);
        Api.Response contract = admin.post("/api/v1/reporting/contracts", """
                {"year":2016,"name":"HIS 运维服务合同","vendor":"示例公司","startsOn":"2016-01-01","endsOn":"2016-12-31",
                 "fee":1000000,"milestones":[
                  {"name":"首期款","servicePercent":50,"sharePercent":50,"requiredRecords":"半年运维记录","finalPayment":false},
                  {"name":"尾款","dueOn":"2017-01-31","sharePercent":50,"requiredRecords":"验收报告、考核表","finalPayment":true}]}""");
        assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        Api.Response drafted = reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2016-Q2\"}");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long card = drafted.json().get("id").asLong();
        JsonNode finalised = reviewer.post("/api/v1/scorecards/" + card + "/finalize", "{\"signerName\":\"赵敏\"}").json();
        String hash = finalised.get("signed").get("hash").asString();

        List<ArchiveSource.Document> documents = sources.stream()
                .flatMap(s -> s.documents(begin, Instant.now().plusSeconds(60)).stream()).toList();
        ArchiveSource.Document content = VersionsUpgradesIT.one(documents, "scorecard:" + card);
        assertThat(content.type()).isEqualTo("SCORECARD");
        assertThat(content.signedBy()).isEqualTo("赵敏");
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.content()))).as("the archived content is what the card's hash is of").isEqualTo(hash);
        ArchiveSource.Document pdf = VersionsUpgradesIT.one(documents, "scorecard-pdf:" + card);
        assertThat(pdf.fileName()).isEqualTo("scorecard-2016-Q2.pdf");
        assertThat(PdfText.of(pdf.content())).contains("2016-Q2", hash.substring(0, 16));

        // The quarter that ended last: its service report, dated on its last day.
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate lastDay = quarterStart.minusDays(1);
        String period = lastDay.getYear() + "-Q" + ((lastDay.getMonthValue() - 1) / 3 + 1);
        Instant from = lastDay.atStartOfDay(SHANGHAI).toInstant();
        List<ArchiveSource.Document> reports = sources.stream()
                .flatMap(s -> s.documents(from, quarterStart.atStartOfDay(SHANGHAI).toInstant()).stream()).toList();
        ArchiveSource.Document report = VersionsUpgradesIT.one(reports, "service-report:" + period);
        assertThat(report.type()).isEqualTo("SERVICE_REPORT");
        assertThat(report.contentType()).isEqualTo("application/pdf");
        assertThat(LocalDate.ofInstant(report.at(), SHANGHAI)).isEqualTo(lastDay);
        assertThat(PdfText.of(report.content())).contains(period);

        assertThat(engineer.post("/api/v1/archive/collect", "{}").status()).isEqualTo(200);
        JsonNode cards = engineer.get("/api/v1/archive/documents?type=SCORECARD&size=200").json().get("rows");
        assertThat(cards.findValuesAsString("fileName")).contains("scorecard-2016-Q2.pdf", "scorecard-2016-Q2.json");
        JsonNode serviceReports = engineer.get("/api/v1/archive/documents?type=SERVICE_REPORT&size=200").json().get("rows");
        assertThat(serviceReports.findValuesAsString("fileName")).contains("service-report-" + period + ".pdf");
        String pdfRow = null;
        for (JsonNode row : cards) {
            if (row.get("fileName").asString().equals("scorecard-2016-Q2.pdf")) {
                assertThat(row.get("signedBy").asString()).isEqualTo("赵敏");
                pdfRow = row.get("id").asString();
            }
        }
        byte[] downloaded = engineer.download("/api/v1/archive/documents/" + pdfRow + "/versions/1/content").body();
        assertThat(new String(downloaded, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
