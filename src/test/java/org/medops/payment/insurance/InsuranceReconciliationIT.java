package org.medops.payment.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.medops.testing.Problems.problem;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.payment.reconciliation.RecordedLedger;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The insurance flow against the centre sandbox over HTTP: the hospital's settlements imported, 3201 per insurance
 * and clearing type finds one group balanced and one not, 3202 (through 9101 and 9102) names exactly the settlement
 * IDs that are centre-only, hospital-only or differ, and in which amounts.
 */
@MedopsTest
@Import(RecordedLedger.class)
class InsuranceReconciliationIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String REGION = "440100";

    @LocalServerPort
    int port;

    @Autowired
    InsuranceSandbox centre;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromATotalImbalanceToTheExactDifferingSettlements() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api finance = admin.newUser("ins-" + UUID.randomUUID().toString().substring(0, 6), "医保办 周敏",
                "Insurance#Test-2026", "FINANCE");
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // A day of its own: the sandbox centre and the settlements keep what earlier runs on this database put there.
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(Math.floorMod(tag.hashCode(), 2000));
        // 310 职工基本医疗保险 / 11 普通门诊: balanced. 390 城乡居民 / 21 住院: four differences planted.
        List<InsuranceSandbox.CentreRecord> books = new ArrayList<>();
        StringBuilder csv = new StringBuilder(String.join(",", InsuranceDesk.CSV_HEADER)).append('\n');
        for (int i = 1; i <= 5; i++) {
            String id = "S" + tag + "-A" + i;
            csv.append(line(id, "310", "11", day, "120.00", "84.00", "20.00"));
            books.add(record(id, "310", "11", day, "120.00", "84.00", "20.00"));
        }
        for (int i = 1; i <= 4; i++) {
            String id = "S" + tag + "-B" + i;
            csv.append(line(id, "390", "21", day, "3000.00", "2100.00", "0.00"));
            books.add(record(id, "390", "21", day, "3000.00", "2100.00", "0.00"));
        }
        csv.append(line("S" + tag + "-B5", "390", "21", day, "800.00", "560.00", "0.00"));
        books.add(record("S" + tag + "-B5", "390", "21", day, "800.00", "500.00", "0.00"));
        csv.append(line("S" + tag + "-B6", "390", "21", day, "900.00", "630.00", "10.00"));
        books.add(record("S" + tag + "-B6", "390", "21", day, "900.00", "630.00", "0.00"));
        csv.append(line("S" + tag + "-B7", "390", "21", day, "450.00", "300.00", "0.00"));
        books.add(record("S" + tag + "-B8", "390", "21", day, "260.00", "180.00", "0.00"));
        centre.hold(books);

        Api.Response imported = upload(finance, REGION, csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("settlements").asLong()).isEqualTo(12);

        Api.Response checked = finance.post("/api/v1/insurance/checks", """
                {"region":"%s","begin":"%s","end":"%s"}""".formatted(REGION, day, day));
        assertThat(checked.status()).as(checked.body()).isEqualTo(201);
        List<Object[]> groups = new ArrayList<>();
        long imbalanced = -1;
        for (JsonNode c : checked.json()) {
            groups.add(new Object[] {c.get("insutype").asString(), c.get("clrType").asString(),
                    c.get("status").asString()});
            if (c.get("status").asString().equals("IMBALANCED")) {
                imbalanced = c.get("id").asLong();
                assertThat(c.get("centreMessage").asString()).contains("对账不平");
            }
        }
        assertThat(groups).extracting(g -> tuple(g)).containsExactlyInAnyOrder(tuple("310", "11", "BALANCED"),
                tuple("390", "21", "IMBALANCED"));

        long balanced = checked.json().get(0).get("status").asString().equals("BALANCED")
                ? checked.json().get(0).get("id").asLong() : checked.json().get(1).get("id").asLong();
        problem(finance.post("/api/v1/insurance/checks/" + balanced + "/details", "{}"), 409,
                "ins-check-not-imbalanced");

        Api.Response detailed = finance.post("/api/v1/insurance/checks/" + imbalanced + "/details", "{}");
        assertThat(detailed.status()).as(detailed.body()).isEqualTo(200);
        JsonNode check = detailed.json();
        assertThat(check.get("status").asString()).isEqualTo("DETAILED");
        List<Object[]> lines = new ArrayList<>();
        check.get("lines").forEach(l -> lines.add(new Object[] {l.get("outcome").asString(), l.get("setlId").asString(),
                String.join("+", texts(l.get("differing")))}));
        assertThat(lines).extracting(l -> tuple(l)).containsExactlyInAnyOrder(
                tuple("AMOUNT_DIFFERS", "S" + tag + "-B5", "fund_pay_sumamt"),
                tuple("AMOUNT_DIFFERS", "S" + tag + "-B6", "acct_pay"),
                tuple("HOSPITAL_ONLY", "S" + tag + "-B7", ""),
                tuple("CENTRE_ONLY", "S" + tag + "-B8", ""));
        JsonNode b5 = check.get("lines").findParents("setlId").stream()
                .filter(l -> l.get("setlId").asString().endsWith("-B5")).findFirst().orElseThrow();
        assertThat(new BigDecimal(b5.get("hospitalFundPay").asString())).isEqualByComparingTo("560.00");
        assertThat(new BigDecimal(b5.get("centreFundPay").asString())).isEqualByComparingTo("500.00");
        assertThat(b5.get("psnNo").asString()).startsWith("4401").contains("*").doesNotContain("44010000000001");

        problem(finance.post("/api/v1/insurance/checks/" + imbalanced + "/details", "{}"), 409,
                "ins-check-not-imbalanced");
        assertThat(jdbc.sql("select count(*) from audit_records where target_type = 'ins-check' and target_id = :id")
                .param("id", String.valueOf(imbalanced)).query(Long.class).single()).isEqualTo(2);
        problem(finance.post("/api/v1/insurance/checks", """
                {"region":"999999","begin":"%s","end":"%s"}""".formatted(day, day)), 400, "ins-region-unknown");
        problem(upload(finance, REGION, "setl_id,amount\n"), 400, "ins-settlements-header");
    }

    static String line(String id, String insutype, String clr, LocalDate day, String medfee, String fund, String acct) {
        return String.join(",", id, "MD" + id, "44010000000001", insutype, clr, "440100",
                LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(SHANGHAI).toOffsetDateTime().toString(),
                medfee, fund, acct, "0") + "\n";
    }

    static InsuranceSandbox.CentreRecord record(String id, String insutype, String clr, LocalDate day, String medfee,
                                                String fund, String acct) {
        return new InsuranceSandbox.CentreRecord(REGION, id, "MD" + id, "44010000000001", insutype, clr, "440100",
                LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(SHANGHAI).toInstant(), new BigDecimal(medfee),
                new BigDecimal(fund), new BigDecimal(acct));
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    static Api.Response upload(Api as, String region, String csv) {
        String boundary = "ins-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\n" + region
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.post("/api/v1/insurance/settlements", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }
}
