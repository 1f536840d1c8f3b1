package org.medops.opsdesk.defects;

import org.medops.opsdesk.requirements.RequirementsIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Defects over real HTTP: progress with timestamped notes, ticket links, and the quarterly report. */
@MedopsTest
class DefectsIT {

    static final String PASSWORD = "Opsdesk#Def-2026";
    static final String BASE = "/api/v1/opsdesk/defects";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api engineer;
    Api reviewer;
    String engineerName;

    @BeforeEach
    void people() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        engineerName = "def-eng" + suffix;
        engineer = admin.newUser(engineerName, "厂商工程师", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser("def-rev" + suffix, "信息科", PASSWORD, "HOSPITAL_REVIEWER");
    }

    @Test
    void tracksProgressFromOpenToClosedWithNotesAndTicketLinks() {
        assertThat(reviewer.post(BASE, defect("院方不能直接报研发", "LIS", "MAJOR", "[]")).status()).isEqualTo(403);
        long first = ticket(engineer);
        long second = ticket(engineer);
        long third = ticket(engineer);
        Api.Response reported = engineer.post(BASE, defect("检验报告重复推送", "LIS", "MAJOR",
                "[" + first + ", " + second + ", " + first + "]"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long id = reported.json().get("defect").get("id").asLong();
        assertThat(reported.json().get("defect").get("status").asString()).isEqualTo("OPEN");
        assertThat(longs(reported.json().get("ticketIds"))).containsExactly(first, second);

        problem(progress(id, "FIXED", "4.8.3", null), 409, "defect-transition-illegal");
        assertThat(progress(id, "ACKNOWLEDGED", null, "研发已复现：消息确认缺少幂等").status()).isEqualTo(200);
        assertThat(progress(id, "FIXING", null, null).status()).isEqualTo(200);
        problem(progress(id, "FIXED", " ", null), 400, "defect-fixed-version-required");
        JsonNode fixed = progress(id, "FIXED", "4.8.3", "报告号幂等校验").json();
        assertThat(fixed.get("defect").get("fixedVersion").asString()).isEqualTo("4.8.3");
        problem(progress(id, "FIXING", null, null), 400, "defect-note-required");
        assertThat(engineer.post(BASE + "/" + id + "/notes", "{\"note\":\"测试环境回放中\"}").status()).isEqualTo(200);
        assertThat(progress(id, "VERIFIED", null, "回放一周未再重复").status()).isEqualTo(200);
        JsonNode closed = progress(id, "CLOSED", null, null).json();
        assertThat(closed.get("defect").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("defect").get("closedAt").asString()).isNotBlank();
        problem(engineer.post(BASE + "/" + id + "/notes", "{\"note\":\"再补一句\"}"), 409, "defect-closed");

        JsonNode notes = closed.get("notes");
        assertThat(notes.findValuesAsString("toStatus")).containsExactly("OPEN", "ACKNOWLEDGED", "FIXING", "FIXED",
                "FIXED", "VERIFIED", "CLOSED");
        assertThat(notes.findValuesAsString("byUser")).containsOnly(engineerName);
        assertThat(notes.get(1).get("note").asString()).isEqualTo("研发已复现：消息确认缺少幂等");
        assertThat(notes.get(4).get("note").asString()).isEqualTo("测试环境回放中");
        for (JsonNode note : notes) {
            assertThat(Duration.between(Instant.parse(note.get("at").asString()), Instant.now()).abs())
                    .isLessThan(Duration.ofMinutes(5));
        }

        assertThat(engineer.post(BASE + "/" + id + "/tickets", "{\"ticketId\":" + third + "}").status()).isEqualTo(204);
        assertThat(engineer.post(BASE + "/" + id + "/tickets", "{\"ticketId\":987654321}").status())
                .as("only existing tickets can be linked").isEqualTo(404);
        assertThat(engineer.delete(BASE + "/" + id + "/tickets/" + first).status()).isEqualTo(204);
        assertThat(reviewer.post(BASE + "/" + id + "/tickets", "{\"ticketId\":" + third + "}").status()).isEqualTo(403);
        assertThat(longs(engineer.get(BASE + "/" + id).json().get("ticketIds"))).containsExactly(second, third);

        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'defect' and target_id = ? order by seq""")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(audited).containsExactly("defect.report", "defect.progress", "defect.progress", "defect.progress",
                "defect.note", "defect.progress", "defect.progress", "defect.ticket.link", "defect.ticket.unlink");
    }

    @Test
    void closingWithoutVerificationNeedsAReason() {
        long id = engineer.post(BASE, defect("界面错别字", "HIS", "TRIVIAL", "[]")).json().get("defect").get("id")
                .asLong();
        problem(progress(id, "CLOSED", null, null), 400, "defect-note-required");
        assertThat(progress(id, "CLOSED", null, "研发确认不修复：旧版界面下线").json().get("defect").get("status")
                .asString()).isEqualTo("CLOSED");
        problem(progress(id, "FIXING", null, "重开"), 409, "defect-transition-illegal");
    }

    @Test
    void theQuarterlyReportCountsWhatTheQuarterDealtWith() throws Exception {
        String current = quarterOf(LocalDate.now(SHANGHAI));
        JsonNode before = engineer.get(BASE + "/report?quarter=" + current).json();

        long done = reportDefect("结算单打印错位", "HIS", "MAJOR");
        progress(done, "ACKNOWLEDGED", null, null);
        progress(done, "FIXED", "5.3.2", null);
        progress(done, "VERIFIED", null, null);
        long open = reportDefect("影像白屏", "PACS", "CRITICAL");
        progress(open, "ACKNOWLEDGED", null, null);
        long dropped = reportDefect("重复的缺陷", "PACS", "MINOR");
        progress(dropped, "CLOSED", null, "与影像白屏重复");

        JsonNode after = engineer.get(BASE + "/report?quarter=" + current).json();
        assertThat(after.get("quarter").asString()).isEqualTo(current);
        assertThat(delta(before, after, "opened")).isEqualTo(3);
        assertThat(delta(before, after, "closed")).isEqualTo(2);
        assertThat(delta(before, after, "stillOpenCount")).isEqualTo(1);
        assertThat(count(after, "byStatus", "ACKNOWLEDGED") - count(before, "byStatus", "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(count(after, "bySeverity", "CRITICAL") - count(before, "bySeverity", "CRITICAL")).isEqualTo(1);
        assertThat(count(after, "bySystem", "PACS") - count(before, "bySystem", "PACS")).isEqualTo(2);
        JsonNode listed = null;
        for (JsonNode row : after.get("stillOpen")) {
            if (row.get("id").asLong() == open) {
                listed = row;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("ageDays").asLong()).isZero();
        assertThat(listed.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(after.get("stillOpen").findValuesAsString("title")).doesNotContain("结算单打印错位", "重复的缺陷");

        problem(engineer.get(BASE + "/report?quarter=2026-Q5"), 400, "quarter-invalid");
        assertThat(engineer.get(BASE + "/report?quarter=2001-Q1").json().get("covered").asLong()).isZero();
        Api.Response excel = engineer.get(BASE + "/report/export?quarter=" + current);
        assertThat(excel.status()).isEqualTo(200);
        assertThat(excel.contentType()).contains("spreadsheetml");
        assertThat(excel.body()).startsWith("PK");
        String sheet = org.medops.testing.Exports.xlsxText(engineer.download(BASE + "/report/export?quarter=" + current).body());
        assertThat(sheet).as("statuses, severities and systems in words").contains("研发已确认", "按严重程度")
                .doesNotContain(">ACKNOWLEDGED<", ">OPEN<");
    }

    @Test
    void aPastQuarterShowsEachDefectAsItStoodAtTheQuarterEnd() {
        LocalDate firstOfCurrent = LocalDate.parse(quarterStart(LocalDate.now(SHANGHAI)));
        LocalDate previous = firstOfCurrent.minusMonths(3);
        LocalDate earlier = previous.minusMonths(3);
        // Reported and acknowledged in the earlier quarter, fixed and verified in the previous one.
        long id = jdbc.sql("""
                        insert into opsdesk_defects(title, description, system_code, severity, product, product_version,
                            status, fixed_version, reported_by, reported_at, closed_at)
                        values ('夜间批量结算超时', '23:30 批量结算偶发超时', 'HIS', 'CRITICAL', 'HIS', '5.3.1', 'VERIFIED', '5.3.2',
                            'history', ?, ?) returning id""")
                .params(at(earlier.plusDays(10)), at(previous.plusDays(10))).query(Long.class).single();
        note(id, earlier.plusDays(10), null, "OPEN");
        note(id, earlier.plusDays(12), "OPEN", "ACKNOWLEDGED");
        note(id, previous.plusDays(5), "ACKNOWLEDGED", "FIXED");
        note(id, previous.plusDays(10), "FIXED", "VERIFIED");

        JsonNode then = engineer.get(BASE + "/report?quarter=" + quarterOf(earlier)).json();
        JsonNode row = null;
        for (JsonNode open : then.get("stillOpen")) {
            if (open.get("id").asLong() == id) {
                row = open;
            }
        }
        assertThat(row).as("open at the end of the quarter it was reported in").isNotNull();
        assertThat(row.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(row.get("ageDays").asLong()).isEqualTo(
                Duration.between(at(earlier.plusDays(10)).toInstant(), previous.atStartOfDay(SHANGHAI).toInstant()).toDays());
        assertThat(count(then, "byStatus", "ACKNOWLEDGED")).isEqualTo(1);

        JsonNode next = engineer.get(BASE + "/report?quarter=" + quarterOf(previous)).json();
        assertThat(next.get("closed").asLong()).isEqualTo(1);
        assertThat(next.get("opened").asLong()).isZero();
        assertThat(next.get("stillOpen").findValuesAsString("title")).doesNotContain("夜间批量结算超时");
        assertThat(count(next, "byStatus", "VERIFIED")).isEqualTo(1);
    }

    private long reportDefect(String title, String system, String severity) {
        return engineer.post(BASE, defect(title, system, severity, "[]")).json().get("defect").get("id").asLong();
    }

    private Api.Response progress(long id, String status, String version, String note) {
        return engineer.post(BASE + "/" + id + "/progress", "{\"status\":\"%s\"%s%s}".formatted(status,
                version == null ? "" : ",\"fixedVersion\":\"" + version + "\"",
                note == null ? "" : ",\"note\":\"" + note + "\""));
    }

    private void note(long id, LocalDate day, String from, String to) {
        jdbc.sql("""
                insert into opsdesk_defect_notes(defect_id, at, by_user, from_status, to_status)
                values (?, ?, 'history', ?, ?)""").params(id, at(day), from, to).update();
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(SHANGHAI).plusHours(10).toInstant());
    }

    private static long ticket(Api reporter) {
        Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                {"title":"检验报告重复推送","phenomenon":"同一报告推送两次","occurredAt":"%s","impactScope":"住院部",
                 "systems":["LIS"],"category":"INTERFACE","reporter":"刘芳","contact":"8123","source":"PHONE",
                 "priority":"MEDIUM"}""".formatted(Instant.now().minusSeconds(60)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String defect(String title, String system, String severity, String tickets) {
        return """
                {"title":"%s","description":"现象与复现步骤","systemCode":"%s","severity":"%s",
                 "product":"产品","productVersion":"1.0","ticketIds":%s}""".formatted(title, system, severity, tickets);
    }

    private static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static String quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1).toString();
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    private static long count(JsonNode report, String breakdown, String key) {
        for (JsonNode count : report.get(breakdown)) {
            if (count.get("key").asString().equals(key)) {
                return count.get("count").asLong();
            }
        }
        return 0;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }
}
