package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.alerting.AlertRaised;
import org.medops.alerting.AlertSeverity;
import org.medops.alerting.RuleKind;
import org.medops.testing.Api;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The ticket lifecycle over the real API against PostgreSQL, with permissions, SLA clocks and the timeline. */
@MedopsTest
class TicketsIT {

    static final HttpReceiver receiver = new HttpReceiver();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaWatch watch;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api admin;
    Api reporter;
    Api engineer;
    Api owner;
    String suffix;

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @BeforeEach
    void people() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        reporter = admin.newUser("nurse" + suffix, "门诊护士 刘芳", "Nurse#Desk-2026", "HOSPITAL_REVIEWER");
        engineer = admin.newUser("eng" + suffix, "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");
        owner = admin.newUser("owner" + suffix, "门诊部主任 王强", "Owner#Desk-2026", "HOSPITAL_REVIEWER");
    }

    private String report(String system, String category, String priority) {
        return """
                {"title":"门诊挂号无法打印发票 %s","phenomenon":"点击打印后提示连接超时，患者 张三 身份证 110101199003071234",
                 "occurredAt":"%s","impactScope":"门诊一楼 6 个收费窗口","systems":["%s"],"category":"%s",
                 "steps":"1. 登录收费系统 2. 结算 3. 打印","reporter":"刘芳","contact":"13800138000 / 分机 8123",
                 "source":"PHONE","priority":"%s"}""".formatted(suffix, Instant.now().minusSeconds(600), system, category,
                priority);
    }

    private long created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static JsonNode clock(JsonNode ticket, int cycle, String kind) {
        for (JsonNode clock : ticket.get("clocks")) {
            if (clock.get("cycle").asInt() == cycle && clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock in cycle " + cycle + ": " + ticket.get("clocks"));
    }

    private static List<String> timeline(JsonNode ticket) {
        List<String> kinds = new ArrayList<>();
        ticket.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    @Test
    void aFaultGoesFromReportToTheOwnersConfirmationWithEveryClockRecorded() {
        long id = created(reporter.post("/api/v1/opsdesk/tickets", report("HIS", "SOFTWARE", "HIGH")));
        JsonNode fresh = reporter.get("/api/v1/opsdesk/tickets/" + id).json();
        assertThat(fresh.get("number").asString()).matches("GD-\\d{4}-\\d{6}");
        assertThat(fresh.get("status").asString()).isEqualTo("NEW");
        assertThat(clock(fresh, 1, "RESPONSE").get("state").asString()).isEqualTo("RUNNING");
        assertThat(clock(fresh, 1, "RESOLUTION").get("targetMinutes").asInt()).isEqualTo(240);

        assertThat(reporter.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}").status())
                .as("hospital staff do not accept tickets").isEqualTo(403);
        JsonNode accepted = engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}").json();
        assertThat(accepted.get("assignee").asString()).isEqualTo("eng" + suffix);
        assertThat(clock(accepted, 1, "RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(accepted, 1, "LOCATION").get("state").asString()).isEqualTo("RUNNING");

        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"ONSITE\"}");
        Api.Response early = engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"重启打印服务\"}");
        assertThat(early.status()).as("on site work needs the arrival first").isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("ticket-arrival-missing");
        JsonNode arrived = engineer.post("/api/v1/opsdesk/tickets/" + id + "/arrive", "{}").json();
        assertThat(clock(arrived, 1, "ARRIVAL").get("state").asString()).isEqualTo("MET");

        Api.Response incomplete = engineer.post("/api/v1/opsdesk/tickets/" + id + "/locate", "{\"rootCause\":\"\"}");
        assertThat(incomplete.status()).isEqualTo(400);
        JsonNode located = engineer.post("/api/v1/opsdesk/tickets/" + id + "/locate", """
                {"rootCause":"打印服务内存泄漏","impact":"门诊收费窗口","fixPriority":"立即","risk":"重启期间 1 分钟无法打印"}""")
                .json();
        assertThat(located.get("status").asString()).isEqualTo("LOCATED");
        assertThat(clock(located, 1, "LOCATION").get("state").asString()).isEqualTo("MET");

        JsonNode fixed = engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"升级打印服务并重启\"}").json();
        assertThat(fixed.get("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(clock(fixed, 1, "RESOLUTION").get("state").asString()).as("waiting for the hospital").isEqualTo("PAUSED");

        assertThat(engineer.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"张伟\",\"statement\":\"好了\"}")
                .status()).as("an engineer cannot confirm their own repair").isEqualTo(403);
        Api.Response refused = owner.post("/api/v1/opsdesk/tickets/" + id + "/refuse", "{\"reason\":\"2 号窗口仍无法打印\"}");
        assertThat(refused.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(clock(refused.json(), 1, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"2 号窗口打印机驱动重装\"}");

        JsonNode closed = owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", """
                {"name":"王强","statement":"六个窗口均已恢复打印，确认修复。"}""").json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("confirmation").get("name").asString()).isEqualTo("王强");
        assertThat(clock(closed, 1, "RESOLUTION").get("state").asString()).isEqualTo("MET");
        assertThat(timeline(closed)).containsExactly("REPORTED", "ACCEPTED", "IN_PROGRESS", "ARRIVED", "LOCATED", "FIXED",
                "CONFIRMATION_REFUSED", "FIXED", "CONFIRMED");

        String number = closed.get("number").asString();
        assertThat(jdbc.sql("select action from audit_records where target_id = ? order by seq").param(number)
                .query(String.class).list()).containsExactly("ticket.report", "ticket.accept", "ticket.start",
                "ticket.arrive", "ticket.locate", "ticket.fix", "ticket.confirm-refused", "ticket.fix", "ticket.confirm");
        assertThat(engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}").status())
                .as("a closed ticket cannot be accepted again").isEqualTo(409);
        confirmationPdfShowsTheSignedRepair(id, number);
    }

    private void confirmationPdfShowsTheSignedRepair(long id, String number) {
        Api.Download pdf = owner.download("/api/v1/opsdesk/tickets/" + id + "/confirmation.pdf");
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))) {
            System.err.println("SKIPPING PDF CONTENT CHECK: no CJK TrueType font; apt-get install fonts-droid-fallback");
            assertThat(pdf.status()).isEqualTo(503);
            return;
        }
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("故障修复确认单", number, "王强", "六个窗口均已恢复打印", "2 号窗口打印机驱动重装");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whoeverWorkedTheFaultCannotConfirmEvenWithTheConfirmPermission() {
        Api both = admin.newUser("both" + suffix, "兼任人员", "Both#Desk-2026", "OPS_ENGINEER", "HOSPITAL_REVIEWER");
        long id = created(both.post("/api/v1/opsdesk/tickets", report("LIS", "DATA", "MEDIUM")));
        both.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        both.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        both.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"修正对照表\"}");
        Api.Response own = both.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"兼任\",\"statement\":\"ok\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("code").asString()).isEqualTo("confirm-own-repair");
        assertThat(owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"王强\",\"statement\":\"已确认\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void aSecondFaultOnTheSameSystemAndCategoryWithinFifteenDaysIsARecurrence() {
        long first = created(reporter.post("/api/v1/opsdesk/tickets", report("PACS", "HARDWARE", "LOW")));
        engineer.post("/api/v1/opsdesk/tickets/" + first + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + first + "/start", "{\"mode\":\"REMOTE\"}");
        engineer.post("/api/v1/opsdesk/tickets/" + first + "/fix", "{\"summary\":\"更换阵列硬盘\"}");
        owner.post("/api/v1/opsdesk/tickets/" + first + "/confirm", "{\"name\":\"王强\",\"statement\":\"已恢复\"}");
        String firstNumber = reporter.get("/api/v1/opsdesk/tickets/" + first).json().get("number").asString();

        long again = created(reporter.post("/api/v1/opsdesk/tickets", report("PACS", "HARDWARE", "LOW")));
        assertThat(reporter.get("/api/v1/opsdesk/tickets/" + again).json().get("recurrenceOf").asString())
                .isEqualTo(firstNumber);
        long otherCategory = created(reporter.post("/api/v1/opsdesk/tickets", report("PACS", "NETWORK", "LOW")));
        assertThat(reporter.get("/api/v1/opsdesk/tickets/" + otherCategory).json().has("recurrenceOf")).isFalse();
    }

    @Test
    void anotherFaultOnTheSameSystemAndCategoryIsNoRecurrenceAndAnEngineerConfirmsOrClearsTheTag() {
        String base = "/api/v1/opsdesk/tickets/";
        long first = created(reporter.post("/api/v1/opsdesk/tickets", fault("GATEWAY", "INTERFACE",
                "预约挂号接口失败 " + suffix, "微信小程序预约提示系统繁忙")));
        closed(first);
        String firstNumber = reporter.get(base + first).json().get("number").asString();

        long other = created(reporter.post("/api/v1/opsdesk/tickets", fault("GATEWAY", "INTERFACE",
                "支付回调丢失 " + suffix, "患者已付款但订单仍显示待支付")));
        assertThat(reporter.get(base + other).json().has("recurrenceOf")).as("same system, another fault").isFalse();
        long again = created(reporter.post("/api/v1/opsdesk/tickets", fault("GATEWAY", "INTERFACE",
                "预约挂号接口失败 " + suffix, "微信小程序预约时提示：系统繁忙！")));
        assertThat(reporter.get(base + again).json().get("recurrenceOf").asString()).isEqualTo(firstNumber);

        // Only engineers judge the tag.
        assertThat(reporter.post(base + again + "/recurrence/clear", "{}").status()).isEqualTo(403);
        JsonNode confirmed = engineer.post(base + again + "/recurrence/confirm", "{}").json();
        assertThat(confirmed.get("recurrenceOf").asString()).isEqualTo(firstNumber);
        assertThat(confirmed.get("recurrenceConfirmedBy").asString()).isEqualTo("eng" + suffix);
        assertThat(timeline(confirmed)).contains("RECURRENCE_CONFIRMED");

        JsonNode cleared = engineer.post(base + again + "/recurrence/clear", "{\"reason\":\"本次为运营商线路故障\"}")
                .json();
        assertThat(cleared.has("recurrenceOf")).isFalse();
        assertThat(cleared.get("timeline").get(cleared.get("timeline").size() - 1).get("detail").asString())
                .contains(firstNumber, "运营商线路故障");
        Api.Response twice = engineer.post(base + again + "/recurrence/clear", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("ticket-recurrence-missing");
        assertThat(engineer.post(base + other + "/recurrence/confirm", "{}").json().get("code").asString())
                .isEqualTo("ticket-recurrence-missing");

        // The engineer links what the desk could not see; never the ticket itself nor a later one.
        JsonNode linked = engineer.post(base + other + "/recurrence/confirm",
                "{\"earlierNumber\":\"" + firstNumber + "\"}").json();
        assertThat(linked.get("recurrenceOf").asString()).isEqualTo(firstNumber);
        String otherNumber = linked.get("number").asString();
        Api.Response self = engineer.post(base + first + "/recurrence/confirm", "{\"earlierNumber\":\"" + otherNumber + "\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("code").asString()).isEqualTo("ticket-recurrence-invalid");
        assertThat(engineer.post(base + first + "/recurrence/confirm", "{\"earlierNumber\":\"GD-1999-000001\"}")
                .status()).isEqualTo(404);

        List<String> audited = jdbc.sql("""
                        select action from audit_records where target_type = 'ticket' and target_id in (:numbers)
                          and action like 'ticket.recurrence-%' order by seq""")
                .param("numbers", List.of(firstNumber, otherNumber,
                        reporter.get(base + again).json().get("number").asString()))
                .query(String.class).list();
        assertThat(audited).containsExactly("ticket.recurrence-confirm", "ticket.recurrence-clear",
                "ticket.recurrence-confirm");
    }

    private void closed(long id) {
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"已处理\"}");
        assertThat(owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"王强\",\"statement\":\"已恢复\"}")
                .status()).isEqualTo(200);
    }

    private String fault(String system, String category, String title, String phenomenon) {
        return """
                {"title":"%s","phenomenon":"%s","occurredAt":"%s","impactScope":"互联网预约患者","systems":["%s"],
                 "category":"%s","reporter":"刘芳","contact":"分机 8123","source":"PHONE","priority":"LOW"}"""
                .formatted(title, phenomenon, Instant.now().minusSeconds(600), system, category);
    }

    @Test
    void aReopenStartsANewCycleAndKeepsTheOldOne() {
        long id = created(reporter.post("/api/v1/opsdesk/tickets", report("EMR", "SOFTWARE", "MEDIUM")));
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/fix", "{\"summary\":\"修复模板\"}");
        owner.post("/api/v1/opsdesk/tickets/" + id + "/confirm", "{\"name\":\"王强\",\"statement\":\"确认\"}");

        JsonNode reopened = reporter.post("/api/v1/opsdesk/tickets/" + id + "/reopen", "{\"reason\":\"病历模板又丢失\"}").json();
        assertThat(reopened.get("cycle").asInt()).isEqualTo(2);
        assertThat(reopened.get("status").asString()).isEqualTo("NEW");
        assertThat(clock(reopened, 1, "RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(reopened, 1, "RESOLUTION").get("state").asString()).isEqualTo("MET");
        assertThat(clock(reopened, 2, "RESPONSE").get("state").asString()).isEqualTo("RUNNING");
        assertThat(reopened.has("fixSummary")).isFalse();
        assertThat(timeline(reopened)).endsWith("CONFIRMED", "REOPENED");
        JsonNode earlier = reopened.get("earlierCycles").get(0);
        assertThat(earlier.get("cycle").asInt()).isEqualTo(1);
        assertThat(earlier.get("fixSummary").asString()).as("the first repair and its sign-off stay").isEqualTo("修复模板");
        assertThat(earlier.get("confirmation").get("name").asString()).isEqualTo("王强");
        Api.Download firstSheet = owner.download("/api/v1/opsdesk/tickets/" + id + "/confirmation.pdf?cycle=1");
        assertThat(firstSheet.status()).isIn(200, 503);
        assertThat(owner.download("/api/v1/opsdesk/tickets/" + id + "/confirmation.pdf?cycle=7").status()).isEqualTo(404);
    }

    @Test
    void aPriorityChangeKeepsTheTimeSpentAndPausesDoNotCount() {
        long id = created(reporter.post("/api/v1/opsdesk/tickets", report("CIS", "SOFTWARE", "LOW")));
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/accept", "{}");
        engineer.post("/api/v1/opsdesk/tickets/" + id + "/start", "{\"mode\":\"REMOTE\"}");
        JsonNode waiting = engineer.post("/api/v1/opsdesk/tickets/" + id + "/await-info", "{\"reason\":\"请提供出错截图\"}").json();
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_INFO");
        assertThat(clock(waiting, 1, "RESOLUTION").get("state").asString()).isEqualTo("PAUSED");
        JsonNode resumed = reporter.post("/api/v1/opsdesk/tickets/" + id + "/info-received", "{}").json();
        assertThat(resumed.get("status").asString()).isEqualTo("IN_PROGRESS");

        JsonNode urgent = engineer.post("/api/v1/opsdesk/tickets/" + id + "/priority",
                "{\"priority\":\"CRITICAL\",\"reason\":\"影响全院医嘱\"}").json();
        assertThat(urgent.get("priority").asString()).isEqualTo("CRITICAL");
        JsonNode resolution = clock(urgent, 1, "RESOLUTION");
        assertThat(resolution.get("targetMinutes").asInt()).isEqualTo(60);
        assertThat(resolution.get("basis").asString()).isEqualTo("CALENDAR");
        Instant started = Instant.parse(resolution.get("startedAt").asString());
        Instant due = Instant.parse(resolution.get("dueAt").asString());
        assertThat(Duration.between(started, due)).as("no time lost or added: due one hour after the start plus pauses")
                .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
        assertThat(timeline(urgent)).contains("AWAITING_INFO", "INFO_RECEIVED", "PRIORITY_CHANGED");
    }

    @Test
    void attachmentsAreTypeCheckedAndSizeLimited() {
        long id = created(reporter.post("/api/v1/opsdesk/tickets", report("RIS", "SOFTWARE", "MEDIUM")));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThat(reporter.upload("/api/v1/opsdesk/tickets/" + id + "/attachments", "报错截图.png", png).status())
                .isEqualTo(201);
        assertThat(reporter.upload("/api/v1/opsdesk/tickets/" + id + "/attachments", "ris.log",
                "2026-11-22 10:00 ERROR timeout".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        Api.Response disguised = reporter.upload("/api/v1/opsdesk/tickets/" + id + "/attachments", "photo.png",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.json().get("code").asString()).isEqualTo("attachment-type");
        Api.Response huge = reporter.upload("/api/v1/opsdesk/tickets/" + id + "/attachments", "big.log",
                "x".repeat(5 * 1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(huge.status()).isIn(400, 413);

        JsonNode ticket = reporter.get("/api/v1/opsdesk/tickets/" + id).json();
        assertThat(ticket.get("attachments")).hasSize(2);
        long attachment = ticket.get("attachments").get(1).get("id").asLong();
        Api.Response download = engineer.get("/api/v1/opsdesk/tickets/" + id + "/attachments/" + attachment);
        assertThat(download.body()).isEqualTo("2026-11-22 10:00 ERROR timeout");
    }

    @Test
    void theSystemListIsManagedAndARetiredSystemTakesNoNewFaults() {
        String code = "HRP" + suffix.substring(0, 3).toUpperCase();
        assertThat(engineer.put("/api/v1/opsdesk/systems/" + code, "{\"name\":\"HRP 人力资源\",\"active\":true}").status())
                .isEqualTo(403);
        assertThat(admin.put("/api/v1/opsdesk/systems/" + code, "{\"name\":\"HRP 人力资源\",\"active\":true}").status())
                .isEqualTo(200);
        assertThat(engineer.get("/api/v1/opsdesk/systems").body()).contains(code, "HRP 人力资源");
        assertThat(reporter.post("/api/v1/opsdesk/tickets", report(code, "SOFTWARE", "LOW")).status()).isEqualTo(201);
        admin.put("/api/v1/opsdesk/systems/" + code, "{\"name\":\"HRP 人力资源\",\"active\":false}");
        Api.Response retired = reporter.post("/api/v1/opsdesk/tickets", report(code, "SOFTWARE", "LOW"));
        assertThat(retired.json().get("code").asString()).isEqualTo("unknown-system");
        assertThat(admin.put("/api/v1/opsdesk/systems/x", "{\"name\":\"x\",\"active\":true}").json().get("code")
                .asString()).isEqualTo("system-invalid");
    }

    @Test
    void badReportsGetClearProblems() {
        Api.Response unknownSystem = reporter.post("/api/v1/opsdesk/tickets", report("NOPE", "SOFTWARE", "LOW"));
        assertThat(unknownSystem.status()).isEqualTo(400);
        assertThat(unknownSystem.json().get("code").asString()).isEqualTo("unknown-system");
        Api.Response missing = reporter.post("/api/v1/opsdesk/tickets", "{\"title\":\"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).get("/api/v1/opsdesk/tickets/999999999").status())
                .isEqualTo(404);
    }

    @Test
    void theSlaPreviewAnswersWithTheRealHolidayTable() {
        JsonNode nationalDay = engineer.post("/api/v1/sla/preview", """
                {"start":"2026-09-30T17:00:00+08:00","minutes":120,"clock":"BUSINESS"}""").json();
        assertThat(nationalDay.get("due").asString()).isEqualTo("2026-10-08T09:00:00+08:00");
        assertThat(nationalDay.get("missingYears")).isEmpty();
        JsonNode aroundTheClock = engineer.post("/api/v1/sla/preview", """
                {"start":"2026-09-30T17:00:00+08:00","minutes":120,"clock":"CALENDAR"}""").json();
        assertThat(aroundTheClock.get("due").asString()).isEqualTo("2026-09-30T19:00:00+08:00");

        JsonNode medium = engineer.post("/api/v1/sla/preview", """
                {"start":"2026-10-09T17:00:00+08:00","priority":"MEDIUM"}""").json();
        assertThat(medium.get("workingTime").asBoolean()).isTrue();
        JsonNode response = medium.get("targets").get(0);
        assertThat(response.get("kind").asString()).isEqualTo("RESPONSE");
        assertThat(response.get("due").asString()).isEqualTo("2026-10-09T17:30:00+08:00");
        assertThat(medium.get("targets").get(3).get("due").asString()).as("8 h from Fri 17:00: the make-up Saturday")
                .isEqualTo("2026-10-10T15:00:00+08:00");
        JsonNode saturdayNight = engineer.post("/api/v1/sla/preview", """
                {"start":"2026-11-21T22:00:00+08:00","priority":"MEDIUM"}""").json();
        assertThat(saturdayNight.get("targets").get(0).get("due").asString()).as("outside hours: one hour, 24×7")
                .isEqualTo("2026-11-21T23:00:00+08:00");

        Api.Response incomplete = engineer.post("/api/v1/sla/preview", "{\"minutes\":5}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(new Api(port).get("/api/v1/sla/preview").status()).isIn(401, 405);
    }

    @Test
    void aMissingNextYearIsReportedUntilItsTableIsImported() {
        JsonNode intoNextYear = engineer.post("/api/v1/sla/preview", """
                {"start":"2027-12-31T17:00:00+08:00","minutes":120,"clock":"BUSINESS"}""").json();
        assertThat(intoNextYear.get("missingYears").toString()).contains("2027", "2028");

        String table2028 = "# test table\ndate,kind,name\n2028-01-01,HOLIDAY,元旦\n2028-01-02,WORKDAY,调休\n";
        Api.Response denied = engineer.post("/api/v1/opsdesk/calendars/default/holidays", "text/csv",
                table2028.getBytes(StandardCharsets.UTF_8));
        assertThat(denied.status()).isEqualTo(403);
        Api.Response imported = admin.post("/api/v1/opsdesk/calendars/default/holidays", "text/csv",
                table2028.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("year").asInt()).isEqualTo(2028);
        Api.Response bad = admin.post("/api/v1/opsdesk/calendars/default/holidays", "text/csv",
                "2029-02-30,HOLIDAY,x".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("holiday-table-line");

        JsonNode after = engineer.post("/api/v1/sla/preview", """
                {"start":"2027-12-31T17:00:00+08:00","minutes":120,"clock":"BUSINESS"}""").json();
        assertThat(after.get("missingYears").toString()).contains("2027").doesNotContain("2028");
        assertThat(after.get("due").asString()).as("2028-01-01 is a holiday, 01-02 a make-up Sunday")
                .isEqualTo("2028-01-02T09:00:00+08:00");
    }

    @Test
    void changedWorkingHoursMoveTheDueTimesOfRunningTicketsOpenly() {
        long id = created(reporter.post("/api/v1/opsdesk/tickets", report("HIS", "DATA", "MEDIUM")));
        String dueBefore = clock(reporter.get("/api/v1/opsdesk/tickets/" + id).json(), 1, "RESOLUTION").get("dueAt")
                .asString();
        assertThat(admin.put("/api/v1/opsdesk/calendars/default/hours", "[]").json().get("code").asString())
                .isEqualTo("working-hours-empty");
        String mornings = """
                [{"day":"MONDAY","hours":{"start":"08:00","end":"12:00"}},{"day":"TUESDAY","hours":{"start":"08:00","end":"12:00"}},
                 {"day":"WEDNESDAY","hours":{"start":"08:00","end":"12:00"}},{"day":"THURSDAY","hours":{"start":"08:00","end":"12:00"}},
                 {"day":"FRIDAY","hours":{"start":"08:00","end":"12:00"}}]""";
        String standard = mornings.replace("12:00", "18:00");
        assertThat(engineer.put("/api/v1/opsdesk/calendars/default/hours", mornings).status()).isEqualTo(403);
        try {
            Api.Response changed = admin.put("/api/v1/opsdesk/calendars/default/hours", mornings);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            JsonNode ticket = reporter.get("/api/v1/opsdesk/tickets/" + id).json();
            assertThat(clock(ticket, 1, "RESOLUTION").get("dueAt").asString()).isNotEqualTo(dueBefore);
            assertThat(timeline(ticket)).contains("SLA_RECALCULATED");
        } finally {
            admin.put("/api/v1/opsdesk/calendars/default/hours", standard);
        }
        assertThat(clock(reporter.get("/api/v1/opsdesk/tickets/" + id).json(), 1, "RESOLUTION").get("dueAt").asString())
                .isEqualTo(dueBefore);
    }

    @Test
    void aCriticalAlertOpensOneTicketLinkedToIt() {
        long alertId = 900_000 + Math.abs(suffix.hashCode() % 99_999);
        AlertRaised raised = new AlertRaised(alertId, alertId, "医保结算失败率 > 2%", RuleKind.FAILURE_RATE, "yb",
                AlertSeverity.CRITICAL,
                "yb 失败率 12.5%（5 分钟内 40 次调用）", Instant.now());
        transactions.executeWithoutResult(status -> events.publishEvent(raised));
        transactions.executeWithoutResult(status -> events.publishEvent(raised));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from tickets where alert_id = ?")
                .param(alertId).query(Integer.class).single() == 1);
        JsonNode rows = engineer.get("/api/v1/opsdesk/tickets?q=" + "yb").json();
        assertThat(rows.toString()).contains("ALERT");
        transactions.executeWithoutResult(status -> events.publishEvent(new AlertRaised(alertId + 1, alertId + 1, "LIS P95",
                RuleKind.P95_LATENCY, "lis", AlertSeverity.WARNING, "p95 900 ms", Instant.now())));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> jdbc
                .sql("select count(*) from tickets where alert_id = ?").param(alertId + 1).query(Integer.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from tickets where alert_id = ?").param(alertId).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aBreachedClockIsNotedAndEscalatedThroughTheNotifiers() {
        Api.Response target = admin.post("/api/v1/notify/targets", """
                {"name":"厂商项目经理 %s","kind":"WEBHOOK","address":"%s"}""".formatted(suffix, receiver.url("/pm")));
        long targetId = target.json().get("id").asLong();
        String escalationsBefore = admin.get("/api/v1/opsdesk/sla/escalations").body();
        admin.put("/api/v1/opsdesk/sla/escalations", """
                [{"percent":50,"audience":"ENGINEER","targetIds":[]},
                 {"percent":100,"audience":"PROJECT_MANAGER","targetIds":[%d]}]""".formatted(targetId));
        String lowBefore = admin.get("/api/v1/opsdesk/sla/policies").json().get(3).toString();
        Api.Response published = admin.put("/api/v1/opsdesk/sla/policies/LOW", """
                {"name":"测试：立即到期","targets":[{"kind":"RESPONSE","basis":"CALENDAR","minutes":0},
                 {"kind":"RESOLUTION","basis":"CALENDAR","minutes":0}]}""");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        try {
            long id = created(reporter.post("/api/v1/opsdesk/tickets", report("NETWORK", "NETWORK", "LOW")));
            watch.run();
            JsonNode ticket = engineer.get("/api/v1/opsdesk/tickets/" + id).json();
            assertThat(clock(ticket, 1, "RESPONSE").has("breachedAt")).isTrue();
            assertThat(timeline(ticket)).contains("SLA_BREACHED");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.bodies("/pm").stream()
                    .anyMatch(b -> b.contains("SLA 已超时") && b.contains(ticket.get("number").asString())));
            int sent = receiver.bodies("/pm").size();
            watch.run();
            assertThat(receiver.bodies("/pm")).as("each level is sent once").hasSize(sent);
        } finally {
            JsonNode low = tools.jackson.databind.json.JsonMapper.builder().build().readTree(lowBefore);
            admin.put("/api/v1/opsdesk/sla/policies/LOW", "{\"name\":" + low.get("name") + ",\"targets\":"
                    + low.get("targets") + "}");
            admin.put("/api/v1/opsdesk/sla/escalations", escalationsBefore);
        }
    }
}
