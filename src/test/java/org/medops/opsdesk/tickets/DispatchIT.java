package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.medops.testing.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Dispatch over the real API: the manager assigns and bulk-assigns, the assignee transfers with a reason,
 * reminders reach the inbox; each step audited and on the timeline; an old occurrence needs confirming; and every
 * workbench number equals the total of the list it links to.
 */
@MedopsTest
class DispatchIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api manager;
    Api engineer;
    Api other;
    Api reviewer;
    Api viewer;
    String suffix;

    @BeforeEach
    void people() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        manager = admin.newUser("mgr" + suffix, "服务经理 孙丽", "Mgr#Desk-2026x", "SERVICE_MANAGER");
        engineer = admin.newUser("eng" + suffix, "工程师 张伟", "Eng#Desk-2026x", "OPS_ENGINEER");
        other = admin.newUser("oth" + suffix, "工程师 李强", "Oth#Desk-2026x", "OPS_ENGINEER");
        reviewer = admin.newUser("rev" + suffix, "信息科 陈刚", "Rev#Desk-2026x", "HOSPITAL_REVIEWER");
        viewer = admin.newUser("view" + suffix, "只读 赵磊", "View#Desk-2026x", "READ_ONLY");
    }

    private String report(Instant occurredAt) {
        return """
                {"title":"门诊挂号无法打印发票 %s","phenomenon":"点击打印后提示连接超时","occurredAt":"%s",
                 "impactScope":"门诊一楼收费窗口","systems":["HIS"],"category":"SOFTWARE","reporter":"刘芳",
                 "contact":"分机 8123","source":"PHONE","priority":"HIGH"}""".formatted(UUID.randomUUID(), occurredAt);
    }

    private long newTicket() {
        Api.Response created = reviewer.post("/api/v1/opsdesk/tickets", report(Instant.now().minusSeconds(600)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<String> timeline(JsonNode ticket) {
        List<String> kinds = new ArrayList<>();
        ticket.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    private long audited(String action, String number) {
        return jdbc.sql("select count(*) from audit_records where action = :action and target_id = :number")
                .param("action", action).param("number", number).query(Long.class).single();
    }

    private long inbox(String username) {
        return jdbc.sql("select count(*) from user_messages where username = :u").param("u", username)
                .query(Long.class).single();
    }

    @Test
    void theManagerAssignsAndOnlyTheAssigneeOrTheManagerTransfersWithAReason() {
        long id = newTicket();
        String path = "/api/v1/opsdesk/tickets/" + id;
        String toEngineer = "{\"engineer\":\"eng" + suffix + "\"}";

        assertThat(engineer.post(path + "/assign", toEngineer).status()).as("an engineer cannot assign").isEqualTo(403);
        assertThat(viewer.post(path + "/assign", toEngineer).status()).isEqualTo(403);
        Problems.problem(manager.post(path + "/assign", "{\"engineer\":\"rev" + suffix + "\"}"), 400, "not-an-engineer");

        JsonNode assigned = manager.post(path + "/assign", toEngineer).json();
        assertThat(assigned.get("assignee").asString()).isEqualTo("eng" + suffix);
        assertThat(assigned.get("status").asString()).as("the engineer still accepts it").isEqualTo("NEW");
        assertThat(timeline(assigned)).containsExactly("REPORTED", "ASSIGNED");
        String number = assigned.get("number").asString();
        assertThat(audited("ticket.assign", number)).isOne();
        Problems.problem(manager.post(path + "/assign", toEngineer), 409, "ticket-already-assigned");

        String toOther = "{\"engineer\":\"oth" + suffix + "\",\"reason\":\"张伟外出培训\"}";
        Problems.problem(other.post(path + "/transfer", "{\"engineer\":\"mgr" + suffix + "\",\"reason\":\"抢单\"}"),
                403, "ticket-transfer-not-yours");
        assertThat(viewer.post(path + "/transfer", toOther).status()).isEqualTo(403);
        assertThat(engineer.post(path + "/transfer", "{\"engineer\":\"oth" + suffix + "\"}").status())
                .as("a transfer needs a reason").isEqualTo(400);

        JsonNode transferred = engineer.post(path + "/transfer", toOther).json();
        assertThat(transferred.get("assignee").asString()).isEqualTo("oth" + suffix);
        assertThat(timeline(transferred)).containsExactly("REPORTED", "ASSIGNED", "TRANSFERRED");
        assertThat(transferred.get("timeline").get(2).get("detail").asString()).contains("张伟外出培训");
        assertThat(audited("ticket.transfer", number)).isOne();

        JsonNode back = manager.post(path + "/transfer", "{\"engineer\":\"eng" + suffix + "\",\"reason\":\"回到原负责人\"}")
                .json();
        assertThat(back.get("assignee").asString()).as("the manager moves anyone's ticket").isEqualTo("eng" + suffix);
    }

    @Test
    void bulkAssignGivesAllTheSelectedTicketsOrNone() {
        long a = newTicket();
        long b = newTicket();
        String body = "{\"ticketIds\":[%d,%d],\"engineer\":\"eng%s\"}".formatted(a, b, suffix);
        assertThat(engineer.post("/api/v1/opsdesk/tickets/assign", body).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/opsdesk/tickets/assign", body).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/opsdesk/tickets/assign", "{\"ticketIds\":[],\"engineer\":\"eng" + suffix + "\"}")
                .status()).isEqualTo(400);

        manager.post("/api/v1/opsdesk/tickets/" + b + "/assign", "{\"engineer\":\"oth" + suffix + "\"}");
        Problems.problem(manager.post("/api/v1/opsdesk/tickets/assign",
                "{\"ticketIds\":[%d,%d],\"engineer\":\"oth%s\"}".formatted(a, b, suffix)), 409, "ticket-already-assigned");
        JsonNode first = reviewer.get("/api/v1/opsdesk/tickets/" + a).json().get("assignee");
        assertThat(first == null || first.isNull())
                .as("all or none: the first stayed unassigned").isTrue();

        assertThat(manager.post("/api/v1/opsdesk/tickets/assign", body).json().get("assigned").asInt()).isEqualTo(2);
        assertThat(reviewer.get("/api/v1/opsdesk/tickets/" + a).json().get("assignee").asString()).isEqualTo("eng" + suffix);
        assertThat(reviewer.get("/api/v1/opsdesk/tickets/" + b).json().get("assignee").asString()).isEqualTo("eng" + suffix);
    }

    @Test
    void remindersReachTheAssigneeAndTheHospitalsConfirmers() {
        long id = newTicket();
        String path = "/api/v1/opsdesk/tickets/" + id;
        Problems.problem(manager.post(path + "/remind", "{}"), 409, "ticket-not-assigned");
        manager.post(path + "/assign", "{\"engineer\":\"eng" + suffix + "\"}");
        assertThat(engineer.post(path + "/remind", "{}").status()).as("only the manager chases").isEqualTo(403);

        long before = inbox("eng" + suffix);
        JsonNode reminded = manager.post(path + "/remind", "{}").json();
        assertThat(inbox("eng" + suffix)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select link from user_messages where username = :u order by id desc limit 1")
                .param("u", "eng" + suffix).query(String.class).single()).isEqualTo("/opsdesk/tickets/" + id);
        assertThat(timeline(reminded)).endsWith("REMINDED");
        assertThat(audited("ticket.remind", reminded.get("number").asString())).isOne();

        Problems.problem(engineer.post(path + "/remind-hospital", "{}"), 409, "ticket-transition");
        engineer.post(path + "/accept", "{}");
        engineer.post(path + "/start", "{\"mode\":\"REMOTE\"}");
        engineer.post(path + "/fix", "{\"summary\":\"重启打印服务\"}");
        assertThat(viewer.post(path + "/remind-hospital", "{}").status()).isEqualTo(403);
        long reviewerBefore = inbox("rev" + suffix);
        JsonNode chased = engineer.post(path + "/remind-hospital", "{}").json();
        assertThat(inbox("rev" + suffix)).isEqualTo(reviewerBefore + 1);
        assertThat(timeline(chased)).endsWith("CONFIRMATION_REMINDED");
        assertThat(audited("ticket.remind-confirmation", chased.get("number").asString())).isOne();
    }

    @Test
    void anOccurrenceMoreThanAYearAgoNeedsAnExplicitConfirmation() {
        String old = report(Instant.now().minus(400, ChronoUnit.DAYS));
        Problems.problem(reviewer.post("/api/v1/opsdesk/tickets", old), 400, "occurred-long-ago");
        assertThat(reviewer.post("/api/v1/opsdesk/tickets?confirmOld=true", old).status()).isEqualTo(201);
        assertThat(reviewer.post("/api/v1/opsdesk/tickets", report(Instant.now().minus(300, ChronoUnit.DAYS))).status())
                .as("within the year no question is asked").isEqualTo(201);
    }

    @Test
    void everyWorkbenchNumberEqualsTheTotalOfTheListItLinksTo() {
        long mine = newTicket();
        manager.post("/api/v1/opsdesk/tickets/" + mine + "/assign", "{\"engineer\":\"eng" + suffix + "\"}");
        newTicket();

        for (Api who : List.of(engineer, manager, reviewer)) {
            JsonNode sections = who.get("/api/v1/workbench").json();
            assertThat(sections.size()).isPositive();
            for (JsonNode section : sections) {
                for (JsonNode card : section.get("cards")) {
                    String link = card.get("link").asString();
                    if (!link.startsWith("/opsdesk/tickets?")) {
                        continue;
                    }
                    Api.Response list = who.get("/api/v1" + link);
                    assertThat(list.status()).as(link).isEqualTo(200);
                    assertThat(list.json().get("total").asInt()).as(card.get("label").asString() + " " + link)
                            .isEqualTo(card.get("count").asInt());
                }
            }
        }
        JsonNode engineerCards = engineer.get("/api/v1/workbench").json().get(0).get("cards");
        assertThat(engineerCards.get(0).get("label").asString()).isEqualTo("workbench.tickets.mine");
        assertThat(engineerCards.get(0).get("count").asInt()).isOne();
        // Administrators and viewers keep the dashboard: no ticket work of theirs (a failed backup check in the shared
        // context may give anyone who reads inspection a card).
        for (Api who : List.of(admin, viewer)) {
            for (JsonNode bench : who.get("/api/v1/workbench").json()) {
                for (JsonNode card : bench.get("cards")) {
                    assertThat(card.get("label").asString()).as("no ticket work on the dashboard")
                            .doesNotStartWith("workbench.tickets");
                }
            }
        }
    }
}
