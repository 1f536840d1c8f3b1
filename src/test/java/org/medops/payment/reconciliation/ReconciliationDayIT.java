package org.medops.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.medops.testing.Problems.problem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.payment.PlatformLedger;
import org.medops.testing.Api;
import org.medops.testing.Exports;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's day reconciled through the real API with a mismatch of every category planted among lines that do
 * match, the late line pending and matched by the next day's run, every mismatch resolved and the day closed.
 */
@MedopsTest
@Import(RecordedLedger.class)
class ReconciliationDayIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ReconciliationClient client;

    @BeforeEach
    void client() {
        client = new ReconciliationClient(port);
    }

    @Test
    void aDayWithEveryCategoryPlantedFindsExactlyThePlantedOnesAndClosesWhenAllAreHandled() throws Exception {
        String merchant = client.merchant("WECHAT");
        SampleBills.Wechat bill = new SampleBills.Wechat()
                .pay("ORD-A", "100.00", at(DAY, 9, 0)).pay("ORD-B", "50.00", at(DAY, 9, 5))
                .refund("ORD-B", "RF-B1", "20.00", at(DAY, 10, 0))
                .refund("ORD-A", "RF-A1", "25.00", at(DAY, 10, 5))
                .pay("ORD-C", "45.00", at(DAY, 12, 0))
                .pay("ORD-M", "8.00", at(DAY, 13, 0))
                .pay("ORD-P", "200.00", at(DAY, 14, 0))
                .refund("ORD-P", "RF-P1", "50.00", at(DAY, 15, 0)).refund("ORD-P", "RF-P2", "50.00", at(DAY, 15, 30))
                .revoked("ORD-S", "66.00", at(DAY, 16, 0))
                .pay("ORD-D1", "25.00", at(DAY, 17, 0)).pay("ORD-D2", "25.00", at(DAY, 17, 1))
                .pay("ORD-X", "12.00", at(DAY, 18, 0));
        SampleBills.His his = new SampleBills.His()
                .pay("ORD-A", "100.00", at(DAY, 9, 0)).pay("ORD-B", "50.00", at(DAY, 9, 5))
                .refund("ORD-B", "RF-B1", "20.00", at(DAY, 10, 0))
                .refund("ORD-A", "RF-A1", "30.00", at(DAY, 10, 5))
                .pay("ORD-H", "30.00", at(DAY, 11, 0))
                .pay("ORD-M", "80.00", at(DAY, 13, 0))
                .pay("ORD-P", "200.00", at(DAY, 14, 0))
                .refund("ORD-P", null, "50.00", at(DAY, 15, 0)).refund("ORD-P", null, "60.00", at(DAY, 15, 30))
                .pay("ORD-S", "66.00", at(DAY, 16, 0))
                .pay("ORD-D1", "25.00", at(DAY, 17, 0))
                .pay("ORD-X", "12.00", at(DAY, 18, 0))
                .pay("ORD-L", "12.34", at(DAY, 23, 57));
        RecordedLedger.hold(merchant, DAY, List.of(
                entry("ORD-D1", "B-9", 2500, PlatformLedger.Status.SUCCESS, at(DAY, 17, 0)),
                entry("ORD-D2", "B-9", 2500, PlatformLedger.Status.SUCCESS, at(DAY, 17, 1)),
                entry("ORD-X", "B-10", 1200, PlatformLedger.Status.CLOSED, at(DAY, 18, 0)),
                entry("ORD-A", "B-1", 10000, PlatformLedger.Status.SUCCESS, at(DAY, 9, 0))));

        Api.Response created = client.run(merchant, DAY, "wechat.csv", bill.bytes(), his.bytes());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        JsonNode run = client.finance().get("/api/v1/reconciliation/runs/" + id).json();
        assertThat(run.get("status").asString()).isEqualTo("RECONCILED");
        assertThat(run.get("matched").asLong()).isEqualTo(5);
        assertThat(run.get("pending").asLong()).isEqualTo(1);
        List<Object[]> found = new ArrayList<>();
        run.get("mismatches").forEach(m -> found.add(new Object[] {m.get("category").asString(),
                text(m, "outTradeNo"), text(m, "outRefundNo"), amount(m, "hisAmount"), amount(m, "channelAmount")}));
        assertThat(found).extracting(f -> tuple(f)).containsExactlyInAnyOrder(
                tuple("HIS_ONLY", "ORD-H", null, "30", null),
                tuple("CHANNEL_ONLY", "ORD-C", null, null, "45"),
                tuple("AMOUNT_MISMATCH", "ORD-M", null, "80", "8"),
                tuple("AMOUNT_MISMATCH", "ORD-A", "RF-A1", "30", "25"),
                tuple("AMOUNT_MISMATCH", "ORD-P", null, "110", "100"),
                tuple("STATUS_MISMATCH", "ORD-S", null, "66", null),
                tuple("STATUS_MISMATCH", "ORD-X", null, "12", "12"),
                tuple("DUPLICATE_PAYMENT", "ORD-D2", null, null, "25"));
        JsonNode duplicate = mismatch(run, "DUPLICATE_PAYMENT", "ORD-D2");
        assertThat(duplicate.get("detail").asString()).contains("B-9").contains("ORD-D1");
        assertThat(mismatch(run, "AMOUNT_MISMATCH", "ORD-P").get("detail").asString()).contains("部分退款");
        assertThat(mismatch(run, "STATUS_MISMATCH", "ORD-S").get("detail").asString()).contains("已撤销");

        // The late HIS line waits; closing is refused while mismatches are open.
        assertThat(jdbc.sql("select count(*) from recon_pending where found_run_id = :id and out_trade_no = 'ORD-L' "
                + "and settled_run_id is null").param("id", id).query(Long.class).single()).isEqualTo(1);
        problem(client.finance().post("/api/v1/reconciliation/runs/" + id + "/close", "{}"), 409,
                "recon-day-open-mismatches");

        // The next day's bill carries the late line: matched there, no mismatch on either day for it.
        LocalDate next = DAY.plusDays(1);
        long nextId = client.run(merchant, next, "wechat.csv", new SampleBills.Wechat()
                .pay("ORD-L", "12.34", at(next, 0, 1)).pay("ORD-N", "10.00", at(next, 9, 0)).bytes(),
                new SampleBills.His().pay("ORD-N", "10.00", at(next, 9, 0)).bytes()).json().get("id").asLong();
        JsonNode nextRun = client.finance().get("/api/v1/reconciliation/runs/" + nextId).json();
        assertThat(nextRun.get("matched").asLong()).isEqualTo(2);
        assertThat(nextRun.get("pending").asLong()).isZero();
        assertThat(nextRun.get("mismatches")).isEmpty();
        assertThat(jdbc.sql("select settled_as from recon_pending where found_run_id = :id and out_trade_no = 'ORD-L'")
                .param("id", id).query(String.class).single()).isEqualTo("MATCHED");

        // Each mismatch handled with who and why; a second handling is refused; then the day closes.
        problem(client.finance().post("/api/v1/reconciliation/mismatches/" + duplicate.get("id").asLong()
                + "/resolution", "{\"resolution\":\"REFUND\"}"), 400, "recon-resolution-note-required");
        String[] resolutions = {"SUPPLEMENT", "REFUND", "ADJUST", "OFFLINE"};
        int i = 0;
        for (JsonNode m : run.get("mismatches")) {
            Api.Response resolved = client.finance().post("/api/v1/reconciliation/mismatches/" + m.get("id").asLong()
                    + "/resolution", "{\"resolution\":\"%s\",\"note\":\"已核实 %d\"}"
                    .formatted(resolutions[i % 4], i));
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            assertThat(resolved.json().get("resolvedBy").asString()).startsWith("fin-");
            i++;
        }
        problem(client.finance().post("/api/v1/reconciliation/mismatches/" + duplicate.get("id").asLong()
                + "/resolution", "{\"resolution\":\"REFUND\",\"note\":\"again\"}"), 409, "recon-mismatch-resolved");
        Api.Response closed = client.finance().post("/api/v1/reconciliation/runs/" + id + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closedBy").asString()).startsWith("fin-");
        problem(client.run(merchant, DAY, "wechat.csv", bill.bytes(), his.bytes()), 409, "recon-day-closed");

        assertThat(jdbc.sql("select count(*) from audit_records where target_type = 'recon-mismatch' and target_id in "
                + "(select id::text from recon_mismatches where run_id = :id)").param("id", id)
                .query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select action from audit_records where target_type = 'recon-run' and target_id = :id "
                + "order by seq").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("recon.run", "recon.day.close");

        Api.Download pdf = client.finance().download("/api/v1/reconciliation/runs/" + id + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        Api.Download excel = client.finance().download("/api/v1/reconciliation/runs/" + id + "/report.xlsx");
        assertThat(excel.status()).isEqualTo(200);
        assertThat(Exports.xlsxText(excel.body())).contains("ORD-D2").contains("重复支付").contains("已核实 0");
    }

    @Test
    void aLineStillPendingPastItsDaysBecomesAMismatch() {
        String merchant = client.merchant("WECHAT");
        LocalDate day = LocalDate.of(2026, 11, 10);
        long first = client.run(merchant, day, "w.csv", new SampleBills.Wechat().pay("ORD-1", "1.00", at(day, 8, 0))
                        .bytes(), new SampleBills.His().pay("ORD-1", "1.00", at(day, 8, 0))
                        .pay("ORD-Q", "9.99", at(day, 23, 58)).bytes()).json().get("id").asLong();
        assertThat(client.finance().get("/api/v1/reconciliation/runs/" + first).json().get("pending").asLong())
                .isEqualTo(1);

        LocalDate next = day.plusDays(1);
        JsonNode run = client.finance().get("/api/v1/reconciliation/runs/" + client.run(merchant, next, "w.csv",
                new SampleBills.Wechat().pay("ORD-2", "2.00", at(next, 8, 0)).bytes(),
                new SampleBills.His().pay("ORD-2", "2.00", at(next, 8, 0)).bytes()).json().get("id").asLong()).json();

        assertThat(run.get("pending").asLong()).isZero();
        assertThat(run.get("mismatches")).hasSize(1);
        JsonNode expired = run.get("mismatches").get(0);
        assertThat(expired.get("category").asString()).isEqualTo("HIS_ONLY");
        assertThat(expired.get("outTradeNo").asString()).isEqualTo("ORD-Q");
        assertThat(expired.get("detail").asString()).contains(day.toString());
    }

    @Test
    void anAlipayBillAgainstThePlatformsBooksWhenTheHisSentNothing() {
        String merchant = client.merchant("ALIPAY");
        LocalDate day = LocalDate.of(2026, 11, 12);
        RecordedLedger.hold(merchant, day, List.of(
                entry("ALI-1", "B-1", 8800, PlatformLedger.Status.SUCCESS, at(day, 10, 0)),
                new PlatformLedger.Entry("ALI-1", "ALI-RF-1", "B-1", PlatformLedger.Kind.REFUND, 800,
                        PlatformLedger.Status.SUCCESS, at(day, 11, 0).atZone(SampleBills.SHANGHAI).toInstant()),
                entry("ALI-2", "B-2", 1200, PlatformLedger.Status.SUCCESS, at(day, 12, 0))));
        byte[] zip = new SampleBills.Alipay().pay("ALI-1", "88.00", at(day, 10, 0))
                .refund("ALI-1", "ALI-RF-1", "8.00", at(day, 11, 0)).pay("ALI-3", "5.00", at(day, 13, 0)).zip();

        JsonNode run = client.finance().get("/api/v1/reconciliation/runs/"
                + client.run(merchant, day, "alipay.zip", zip, null).json().get("id").asLong()).json();

        assertThat(run.get("matched").asLong()).isEqualTo(2);
        assertThat(run.get("hisSource").asString()).isEqualTo("PLATFORM");
        List<String> categories = new ArrayList<>();
        run.get("mismatches").forEach(m -> categories.add(m.get("category").asString() + " " + m.get("outTradeNo")
                .asString()));
        assertThat(categories).containsExactlyInAnyOrder("HIS_ONLY ALI-2", "CHANNEL_ONLY ALI-3");
    }

    @Test
    void aBillThatDoesNotAddUpIsRefusedWithItsLineAndLeavesNothing() {
        String merchant = client.merchant("WECHAT");
        LocalDate day = LocalDate.of(2026, 11, 14);
        long before = jdbc.sql("select count(*) from recon_runs").query(Long.class).single();
        byte[] edited = new SampleBills.Wechat().pay("ORD-1", "10.00", at(day, 9, 0)).text(500).getBytes();

        Api.Response refused = client.run(merchant, day, "w.csv", edited, null);

        problem(refused, 400, "recon-bill-summary");
        assertThat(refused.json().get("detail").asString()).contains("15.00").contains("10.00");
        assertThat(jdbc.sql("select count(*) from recon_runs").query(Long.class).single()).isEqualTo(before);
        problem(client.run(merchant, LocalDate.now().plusDays(1), "w.csv", edited, null), 400, "recon-date-not-over");
        problem(client.run("no-such-merchant", day, "w.csv", edited, null), 404, "not-found");
        problem(client.run(merchant, day, "w.csv", null, null), 400, "recon-bill-required");
    }

    @Test
    void readingWithoutTheReconcilePermissionIsForbidden() {
        Api viewer = client.admin().newUser("rv-" + System.nanoTime() % 100000, "只读", "Viewer#Test-2026", "HOSPITAL_STAFF");
        assertThat(viewer.get("/api/v1/reconciliation/runs").status()).isEqualTo(403);
        assertThat(ReconciliationClient.run(viewer, "x", DAY, "w.csv", new byte[] {1}, null).status()).isEqualTo(403);
    }

    static PlatformLedger.Entry entry(String outTradeNo, String bill, long fen, PlatformLedger.Status status,
                                      LocalDateTime at) {
        return new PlatformLedger.Entry(outTradeNo, null, bill, PlatformLedger.Kind.PAY, fen, status,
                at.atZone(SampleBills.SHANGHAI).toInstant());
    }

    static LocalDateTime at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String amount(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    static JsonNode mismatch(JsonNode run, String category, String outTradeNo) {
        for (JsonNode m : run.get("mismatches")) {
            if (m.get("category").asString().equals(category) && outTradeNo.equals(text(m, "outTradeNo"))) {
                return m;
            }
        }
        throw new AssertionError(category + " " + outTradeNo + " not among " + run.get("mismatches"));
    }

}
