package org.medops.reporting.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.reporting.ServiceReportContributor;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP, in contract year 2019 (no other test scores it): the vendor and the hospital record facts, a
 * critical outage sits on the ops desk, the reviewer drafts 2019-Q3 from them, strikes, adjusts and adds, the hospital
 * finalises, and the year's summary, milestones and service-report sections follow. 2019-Q1 fails by a breach.
 */
@MedopsTest
class ScorecardIT {

    static final String PASSWORD = "Report#Card-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ServiceReportContributor> contributors;

    Api admin;
    Api engineer;
    Api reviewer;
    String reviewerName;

    @BeforeEach
    void people() {
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        engineer = admin.newUser("sc-eng" + suffix, "厂商工程师", PASSWORD, "OPS_ENGINEER");
        reviewerName = "sc-rev" + suffix;
        reviewer = admin.newUser(reviewerName, "信息科 考评", PASSWORD, "HOSPITAL_REVIEWER");
    }

    @Test
    void fromFactsToAFinalisedCardAndTheYearlySummary() throws Exception {
        String contract = """
                {"year":2019,"name":"HIS 运维服务合同","vendor":"示例公司","startsOn":"2019-01-01","endsOn":"2019-12-31",
                 "fee":1000000,"milestones":[
                  {"name":"首期款","servicePercent":50,"sharePercent":50,"requiredRecords":"半年运维记录","finalPayment":false},
                  {"name":"二期款","servicePercent":100,"sharePercent":30,"requiredRecords":"全年运维记录","finalPayment":false},
                  {"name":"尾款","dueOn":"2020-01-31","sharePercent":20,"requiredRecords":"验收报告、考核表","finalPayment":true}]}""";
        problem(reviewer.post("/api/v1/reporting/contracts", contract), 403, null);
        problem(admin.post("/api/v1/reporting/contracts", contract.replace("\"sharePercent\":20", "\"sharePercent\":25")),
                400, "reporting-milestones-shares");
        Api.Response created = admin.post("/api/v1/reporting/contracts", contract);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("maxTotal").asInt()).isEqualTo(97);
        problem(admin.post("/api/v1/reporting/contracts", contract), 409, "reporting-contract-year-taken");

        // Facts of 2019-Q3: two unanswered calls (one logged by the hospital), one answered.
        assertThat(call(engineer, "2019-07-05T14:00:00Z", false).get("byHospital").asBoolean()).isFalse();
        assertThat(call(reviewer, "2019-08-20T03:00:00Z", false).get("byHospital").asBoolean()).isTrue();
        call(engineer, "2019-09-01T01:00:00Z", true);
        problem(engineer.post("/api/v1/reporting/calls", "{\"caller\":\"x\",\"channel\":\"PHONE\"}"), 400, null);

        String complaint = """
                {"occurredOn":"2019-08-02","kind":"COMPLAINT","department":"放射科","summary":"夜间无人接听，书面投诉"}""";
        problem(engineer.post("/api/v1/reporting/incidents", complaint), 403, null);
        Api.Response incident = reviewer.post("/api/v1/reporting/incidents", complaint);
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        long incidentId = incident.json().get("id").asLong();
        Api.Response evidence = reviewer.upload("/api/v1/reporting/incidents/" + incidentId + "/evidence", "投诉.txt",
                "放射科投诉记录".getBytes(StandardCharsets.UTF_8));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
        problem(reviewer.upload("/api/v1/reporting/incidents/" + incidentId + "/evidence", "a.exe",
                new byte[]{0x4d, 0x5a, 0, 1}), 400, "reporting-file-type");
        problem(reviewer.post("/api/v1/reporting/incidents", """
                {"occurredOn":"2019-08-02","kind":"DATA_SECURITY","department":"信息科","summary":"弱口令"}"""),
                400, "reporting-incident-points-required");

        Api.Response extraction = engineer.post("/api/v1/reporting/extractions", """
                {"requester":"财务科 刘","department":"财务科","subject":"门诊收入按科室统计","dueOn":"2019-08-10"}""");
        assertThat(extraction.status()).as(extraction.body()).isEqualTo(201);
        long extractionId = extraction.json().get("id").asLong();
        String confirmation = "{\"accuracyPercent\":95,\"accurate\":false,\"confirmedBy\":\"财务科 刘\"}";
        problem(reviewer.post("/api/v1/reporting/extractions/" + extractionId + "/confirmation", confirmation), 409,
                "reporting-extraction-not-delivered");
        assertThat(engineer.upload("/api/v1/reporting/extractions/" + extractionId + "/delivery", "income.csv",
                "科室,收入\n心内科,1\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(reviewer.post("/api/v1/reporting/extractions/" + extractionId + "/confirmation", confirmation)
                .json().get("accurate").asBoolean()).isFalse();
        // The requester judged it in the quarter being scored.
        jdbc.sql("update reporting_extractions set confirmed_at = '2019-08-12T02:00:00Z' where id = :id")
                .param("id", extractionId).update();

        long ticket = criticalTicket("2019-08-10T02:00:00Z", 155);
        String number = jdbc.sql("select number from tickets where id = :id").param("id", ticket).query(String.class)
                .single();

        // The draft.
        problem(engineer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q3\"}"), 403, null);
        problem(reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q5\"}"), 400, "quarter-invalid");
        problem(reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2018-Q3\"}"), 409, "reporting-no-contract");
        Api.Response drafted = reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q3\"}");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        JsonNode card = drafted.json();
        long id = card.get("id").asLong();
        assertThat(card.get("quarter").asString()).isEqualTo("2019-Q3");
        assertThat(card.get("items").findValuesAsString("code")).containsExactly("CLIENT", "SUPPORT", "SERVER", "BACKUP",
                "DUTY", "REWORK", "ATTITUDE", "ETHICS", "STATISTICS", "SECURITY");
        assertThat(card.get("maxTotal").asInt()).isEqualTo(97);
        assertThat(card.get("maxTotalDiffers").asBoolean()).isTrue();
        assertThat(deduction(card, "DUTY").get("text").asString()).isEqualTo("值班：2 次未接听 → 2 分");
        JsonNode server = deduction(card, "SERVER");
        assertThat(server.get("text").asString()).isEqualTo("服务器端：工单 " + number
                + " 业务中断 2 h 35 min → 超过 20 分钟按小时扣 2 分 × 3 = 6 分");
        assertThat(server.get("evidence").asString()).isEqualTo("/opsdesk/tickets/" + ticket);
        assertThat(deduction(card, "ATTITUDE").get("evidence").asString())
                .isEqualTo("/reporting/incidents/" + incidentId + "/evidence");
        assertThat(deduction(card, "STATISTICS").get("points").asDouble()).isEqualTo(2.0);
        assertThat(item(card, "SERVER").get("score").asDouble()).isEqualTo(14.0);
        assertThat(card.get("total").asDouble()).isEqualTo(86.0); // 97 − 2 − 6 − 1 − 2
        assertThat(card.get("paymentPercent").asInt()).isEqualTo(95);
        problem(reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q3\"}"), 409, "reporting-scorecard-exists");

        // Review: strike, adjust, add — each with a reason.
        long attitude = deduction(card, "ATTITUDE").get("id").asLong();
        String strike = "/api/v1/scorecards/" + id + "/deductions/" + attitude + "/strike";
        problem(engineer.post(strike, "{\"reason\":\"x\"}"), 403, null);
        problem(reviewer.post(strike, "{\"reason\":\" \"}"), 400, null);
        JsonNode struck = reviewer.post(strike, "{\"reason\":\"投诉经核实为院内网络原因\"}").json();
        assertThat(deduction(struck, "ATTITUDE").get("struck").asBoolean()).isTrue();
        assertThat(deduction(struck, "ATTITUDE").get("struckReason").asString()).isEqualTo("投诉经核实为院内网络原因");
        assertThat(struck.get("total").asDouble()).isEqualTo(87.0);
        problem(reviewer.post(strike, "{\"reason\":\"再撤一次\"}"), 409, "reporting-deduction-struck");
        JsonNode adjusted = reviewer.post("/api/v1/scorecards/" + id + "/deductions/" + server.get("id").asLong()
                + "/adjust", "{\"points\":4,\"reason\":\"其中 40 分钟为院方停电\"}").json();
        assertThat(adjusted.get("total").asDouble()).isEqualTo(89.0);
        JsonNode added = reviewer.post("/api/v1/scorecards/" + id + "/deductions", """
                {"itemCode":"CLIENT","points":2,"text":"门诊自助机巡检漏项","evidence":"巡检记录 7 月","reason":"考评科室抽查"}""")
                .json();
        assertThat(added.get("total").asDouble()).isEqualTo(87.0);
        assertThat(deduction(added, "CLIENT").get("rule").asString()).isEqualTo("MANUAL");
        problem(reviewer.post("/api/v1/scorecards/" + id + "/deductions", """
                {"itemCode":"NOPE","points":2,"text":"x","reason":"y"}"""), 400, "reporting-item-unknown");

        // Finalise: frozen and signed.
        JsonNode finalised = reviewer.post("/api/v1/scorecards/" + id + "/finalize", "{\"signerName\":\"赵敏\"}").json();
        assertThat(finalised.get("status").asString()).isEqualTo("FINAL");
        String hash = finalised.get("signed").get("hash").asString();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(finalised.get("signed").get("name").asString()).isEqualTo("赵敏");
        String content = reviewer.get("/api/v1/scorecards/" + id + "/signed-content").body();
        assertThat(SignedContent.sha256(content)).isEqualTo(hash);
        // The finalised card's sheet carries the finaliser's electronic signature (where a CJK font prints it).
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))) {
            JsonNode esign = reviewer.upload("/api/v1/signatures/verify", "scorecard.pdf",
                    reviewer.download("/api/v1/scorecards/" + id + "/signed.pdf").body()).json();
            assertThat(esign.get("status").asString()).as(esign.toString()).isEqualTo("valid");
            assertThat(esign.get("signatures").get(0).get("name").asString()).isEqualTo("赵敏");
            // The card's page links the signed PDF and its verification.
            String page = new org.medops.testing.ConsoleSession(port).login(reviewerName, PASSWORD)
                    .get("/reporting/scorecards/" + id).body();
            assertThat(page).contains("id=\"scorecard-e-signature-pdf\"", "/api/v1/scorecards/" + id + "/signed.pdf",
                    "id=\"scorecard-e-signature-verify\"", "/signatures/verify?document=");
        }
        assertThat(content).contains("投诉经核实为院内网络原因").contains("total 87 of 97");
        problem(reviewer.post("/api/v1/scorecards/" + id + "/deductions/" + server.get("id").asLong() + "/strike",
                "{\"reason\":\"定稿后\"}"), 409, "reporting-scorecard-final");
        problem(reviewer.post("/api/v1/scorecards/" + id + "/finalize", "{}"), 409, "reporting-scorecard-final");
        assertThat(jdbc.sql("select count(*) from audit_records where action in ('reporting.deduction.strike',"
                        + " 'reporting.deduction.adjust', 'reporting.deduction.add', 'reporting.scorecard.finalize')"
                        + " and target_id = :id").param("id", Long.toString(id)).query(Long.class).single())
                .isEqualTo(4L);

        // 2019-Q1 fails by a breach of discipline although it keeps its points; 2019-Q4 is clean.
        reviewer.post("/api/v1/reporting/incidents", """
                {"occurredOn":"2019-02-11","kind":"DISCIPLINE_BREACH","department":"药剂科","summary":"项目人员参与商业统方"}""");
        long q1 = reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q1\"}").json().get("id").asLong();
        JsonNode failedCard = reviewer.post("/api/v1/scorecards/" + q1 + "/finalize", "{}").json();
        assertThat(failedCard.get("total").asDouble()).isEqualTo(97.0);
        assertThat(failedCard.get("failed").asBoolean()).isTrue();
        assertThat(failedCard.get("failReasons").get(0).asString()).contains("商业统方");
        long q4 = reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2019-Q4\"}").json().get("id").asLong();
        reviewer.post("/api/v1/scorecards/" + q4 + "/finalize", "{}");

        JsonNode summary = reviewer.get("/api/v1/scorecards/summary?contractYear=2019").json();
        assertThat(summary.get("quarters").findValuesAsString("quarter"))
                .containsExactly("2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4");
        assertThat(summary.get("average").asDouble()).isEqualTo(93.7); // (97 + 87 + 97) / 3
        assertThat(summary.get("paymentPercent").asInt()).isEqualTo(100);
        assertThat(summary.get("failingQuarters").get(0).asString()).isEqualTo("2019-Q1");
        assertThat(summary.get("conductOverrides").get(0).asString()).isEqualTo("2019-Q1");
        assertThat(summary.get("twoFailuresWarning").asBoolean()).isFalse();
        problem(reviewer.get("/api/v1/scorecards/summary?contractYear=2011"), 404, "not-found");

        JsonNode plan = reviewer.get("/api/v1/scorecards/milestones?contractYear=2019").json();
        assertThat(plan.get("deduction").asDouble()).isEqualTo(0.0);
        JsonNode last = plan.get("milestones").get(2);
        assertThat(last.get("finalPayment").asBoolean()).isTrue();
        assertThat(last.get("payable").asDouble()).isEqualTo(200000.0);
        assertThat(plan.get("milestones").get(0).get("due").asString()).isEqualTo("2019-07-02");
        long first = plan.get("milestones").get(0).get("id").asLong();
        problem(reviewer.post("/api/v1/reporting/milestones/" + first + "/payment",
                "{\"paidOn\":\"2019-07-20\",\"amount\":500000}"), 409, "reporting-milestone-no-invoice");
        assertThat(reviewer.post("/api/v1/reporting/milestones/" + first + "/invoice", "{\"receivedOn\":\"2019-07-05\"}")
                .status()).isEqualTo(200);
        assertThat(reviewer.post("/api/v1/reporting/milestones/" + first + "/payment",
                "{\"paidOn\":\"2019-07-20\",\"amount\":500000}").json().get("paidOn").asString()).isEqualTo("2019-07-20");

        // The service report's sections for the quarter.
        ServiceReportContributor.Period q3 = new ServiceReportContributor.Period("2019-Q3", LocalDate.of(2019, 7, 1),
                LocalDate.of(2019, 9, 30));
        List<ServiceReportContributor.Section> sections = contributors.stream()
                .sorted(java.util.Comparator.comparingInt(ServiceReportContributor::order))
                .flatMap(c -> c.sections(q3, Locale.SIMPLIFIED_CHINESE).stream()).toList();
        assertThat(sections).extracting(ServiceReportContributor.Section::code)
                .contains("trainings-visits", "calls", "scorecard");
        ServiceReportContributor.Section calls = section(sections, "calls");
        assertThat(calls.lines().get(0)).isEqualTo("本期来电 3 次：接听 1 次，未接听 2 次；转为工单 0 次。");
        assertThat(calls.rows()).containsExactly(List.of("电话", "3", "1", "2"));
        ServiceReportContributor.Section scorecard = section(sections, "scorecard");
        assertThat(scorecard.lines().get(0)).isEqualTo("2019-Q3 考核得分 87 分（满分 97），档位支付 95%，状态：已定稿。");
        assertThat(scorecard.rows()).hasSize(10);
        assertThat(scorecard.rows().get(2)).containsExactly("服务器端", "20", "16", server.get("text").asString());
        ServiceReportContributor.Section year = contributors.stream()
                .flatMap(c -> c.sections(new ServiceReportContributor.Period("2019", LocalDate.of(2019, 1, 1),
                        LocalDate.of(2019, 12, 31)), Locale.ENGLISH).stream())
                .filter(s -> s.code().equals("scorecard")).findFirst().orElseThrow();
        assertThat(year.lines().get(0)).isEqualTo("Contract year 2019: the final quarters average 93.7 points, 100% of the fee is paid.");
    }

    /** 2017: the administrator drops an item and scales to 100; the next card is drafted with the items as they are. */
    @Test
    void itemsAreDataPerContractAndTheBandsMayScaleToAHundred() {
        JsonNode contract = admin.post("/api/v1/reporting/contracts", """
                {"year":2017,"name":"LIS 运维服务合同","vendor":"示例公司","startsOn":"2017-01-01","endsOn":"2017-12-31",
                 "fee":200000}""").json();
        long id = contract.get("contract").get("id").asLong();
        assertThat(contract.get("contract").get("bandBasis").asString()).isEqualTo("AS_SCORED");
        List<JsonNode> items = new java.util.ArrayList<>();
        contract.get("contract").get("items").forEach(items::add);
        String kept = items.stream().filter(i -> !i.get("code").asString().equals("DUTY")).map(JsonNode::toString)
                .collect(java.util.stream.Collectors.joining(","));
        problem(reviewer.put("/api/v1/reporting/contracts/" + id + "/items", "{\"items\":[" + kept + "]}"), 403, null);
        JsonNode changed = admin.put("/api/v1/reporting/contracts/" + id + "/items",
                "{\"items\":[" + kept + "],\"bandBasis\":\"SCALED_TO_100\"}").json();
        assertThat(changed.get("maxTotal").asInt()).isEqualTo(87);
        call(engineer, "2017-02-01T02:00:00Z", false);
        JsonNode card = reviewer.post("/api/v1/scorecards", "{\"quarter\":\"2017-Q1\"}").json();
        assertThat(card.get("items").findValuesAsString("code")).doesNotContain("DUTY").hasSize(9);
        assertThat(card.get("total").asDouble()).isEqualTo(87.0);
        assertThat(card.get("bandScore").asDouble()).isEqualTo(100.0);
        assertThat(card.get("bandBasis").asString()).isEqualTo("SCALED_TO_100");
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'reporting.contract.items'"
                + " and target_id = :id").param("id", Long.toString(id)).query(Long.class).single()).isOne();
    }

    private static ServiceReportContributor.Section section(List<ServiceReportContributor.Section> sections, String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private JsonNode call(Api who, String at, boolean answered) {
        Api.Response r = who.post("/api/v1/reporting/calls", """
                {"calledAt":"%s","caller":"急诊科","department":"急诊科","channel":"PHONE","answered":%s}"""
                .formatted(at, answered));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A critical fault reported on the ops desk; its repair, when it came, is set as the fixture's history. */
    private long criticalTicket(String occurredAt, int outageMinutes) {
        Api.Response created = engineer.post("/api/v1/opsdesk/tickets?confirmOld=true", """
                {"title":"门诊挂号服务中断","phenomenon":"挂号接口全部超时","occurredAt":"%s","impactScope":"全院门诊",
                 "systems":["HIS"],"category":"SOFTWARE","reporter":"门诊部","contact":"8001","source":"PHONE",
                 "priority":"CRITICAL"}""".formatted(occurredAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        jdbc.sql("update tickets set fixed_at = occurred_at + make_interval(mins => :m) where id = :id")
                .param("m", outageMinutes).param("id", id).update();
        return id;
    }

    private static JsonNode item(JsonNode card, String code) {
        for (JsonNode item : card.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private static JsonNode deduction(JsonNode card, String code) {
        JsonNode deductions = item(card, code).get("deductions");
        assertThat(deductions.size()).as(code + " deductions").isGreaterThanOrEqualTo(1);
        return deductions.get(deductions.size() - 1);
    }
}
