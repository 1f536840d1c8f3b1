package org.medops.dataaccess.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.integration.store.Inbound;
import org.medops.integration.store.MessageStatus;
import org.medops.integration.store.MessageWriter;
import org.medops.testing.AdjustableClock;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Sensitive-data access end to end over the real API: two committee members approve, never the requester and never
 * the same member twice; the grant opens the unmasked content of its scope only (a channel's messages, a ticket's
 * attachments), every view is in the audit trail; it ends by itself on the controlled clock, and revocation ends it.
 */
@MedopsTest
class DataAccessRequestsIT {

    private static final String PASSWORD = "Data#Access-2026";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AdjustableClock clock;

    @Autowired
    MessageWriter writer;

    @Autowired
    AccessDesk desk;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Api admin;
    private Api engineer;
    private Api first;
    private Api second;
    private String suffix;

    @BeforeEach
    void people() {
        clock.set(null);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        engineer = admin.newUser("eng" + suffix, "运维工程师", PASSWORD, "OPS_ENGINEER");
        first = admin.newUser("sc1" + suffix, "委员甲", PASSWORD, "SECURITY_COMMITTEE");
        second = admin.newUser("sc2" + suffix, "委员乙", PASSWORD, "SECURITY_COMMITTEE");
    }

    @Test
    void twoMembersApproveNeverTheRequesterNorTheSameMemberTwice() {
        long id = request(engineer, "CHANNEL", channel("chan-" + suffix), 2);
        JsonNode asked = engineer.get("/api/v1/data-access/requests/" + id).json();
        assertThat(asked.get("status").asString()).isEqualTo("PENDING");
        // Each committee member finds the request in their console notices; the requester gets none.
        for (String member : new String[] {"sc1" + suffix, "sc2" + suffix}) {
            assertThat(jdbc.sql("select title || ' ' || body || ' ' || link from user_messages where username = :u")
                    .param("u", member).query(String.class).list()).as(member).singleElement().asString()
                    .contains("#" + id, "channel:chan-" + suffix, "2 小时", "/data-access#queue-" + id);
        }
        assertThat(jdbc.sql("select count(*) from user_messages where username = :u and link = :l")
                .param("u", "eng" + suffix).param("l", "/data-access#queue-" + id).query(Long.class).single()).isZero();
        assertThat(asked.get("approvalsNeeded").asInt()).isEqualTo(2);
        assertThat(engineer.post("/api/v1/data-access/requests/" + id + "/approve", "").status())
                .as("a requester holds no committee right").isEqualTo(403);

        JsonNode once = first.post("/api/v1/data-access/requests/" + id + "/approve", "").json();
        assertThat(once.get("status").asString()).isEqualTo("PENDING");
        assertThat(once.get("approvals")).hasSize(1);
        Api.Response twice = first.post("/api/v1/data-access/requests/" + id + "/approve", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("data-access-already-approved");

        JsonNode granted = second.post("/api/v1/data-access/requests/" + id + "/approve", "").json();
        assertThat(granted.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(Duration.between(Instant.parse(granted.get("activeFrom").asString()),
                Instant.parse(granted.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(2));
        assertThat(second.post("/api/v1/data-access/requests/" + id + "/approve", "").json().get("code").asString())
                .isEqualTo("data-access-not-pending");

        // A member who may also ask (a custom role) still cannot decide their own request.
        String role = "DATA_BOTH_" + suffix.toUpperCase();
        assertThat(admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"申请并审批","permissions":["data:access:request","data:access:approve"]}"""
                .formatted(role)).status()).isEqualTo(201);
        Api both = admin.newUser("both" + suffix, "委员兼申请人", PASSWORD, role);
        long own = request(both, "CHANNEL", "chan-" + suffix, 1);
        Api.Response self = both.post("/api/v1/data-access/requests/" + own + "/approve", "");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("code").asString()).isEqualTo("data-access-own-request");

        assertThat(auditDetails("data-access.request", id)).contains("channel:chan-" + suffix);
        assertThat(auditDetails("data-access.approve", id)).isNotEmpty();
        assertThat(auditDetails("data-access.activate", id)).contains("ACTIVE");
    }

    @Test
    void requestsAreValidatedAndListedForTheirReaders() {
        Api.Response tooLong = engineer.post("/api/v1/data-access/requests", """
                {"scope":{"kind":"CHANNEL","ref":"x"},"reason":"排查","durationHours":25}""");
        assertThat(tooLong.status()).isEqualTo(400);
        Api.Response noScope = engineer.post("/api/v1/data-access/requests", """
                {"reason":"排查","durationHours":2}""");
        assertThat(noScope.status()).isEqualTo(400);
        Api.Response badTicket = engineer.post("/api/v1/data-access/requests", """
                {"scope":{"kind":"TICKET","ref":"abc"},"reason":"排查","durationHours":2}""");
        assertThat(badTicket.json().get("code").asString()).isEqualTo("data-access-ticket-ref");
        // A scope must name something that exists: the committee never approves a grant for a typo.
        for (String[] unknown : new String[][] {{"SERVICE", "no-such-service-" + suffix, "data-access-service-unknown"},
                {"CHANNEL", "no-such-channel-" + suffix, "data-access-channel-unknown"},
                {"TICKET", "987654321987", "data-access-ticket-unknown"}}) {
            Api.Response refused = engineer.post("/api/v1/data-access/requests", """
                    {"scope":{"kind":"%s","ref":"%s"},"reason":"排查","durationHours":2}""".formatted(unknown[0], unknown[1]));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo(unknown[2]);
            assertThat(refused.json().get("detail").asString()).contains(unknown[1]);
        }

        long id = request(engineer, "CHANNEL", channel("chan-" + suffix), 2);
        Api other = admin.newUser("oth" + suffix, "另一工程师", PASSWORD, "OPS_ENGINEER");
        assertThat(other.get("/api/v1/data-access/requests/" + id).status()).as("another's request").isEqualTo(404);
        assertThat(other.get("/api/v1/data-access/requests?all=true").json().findValuesAsString("requester"))
                .doesNotContain("eng" + suffix);
        Api.Response queue = first.get("/api/v1/data-access/requests?all=true&pending=true");
        assertThat(ids(queue)).as(queue.body()).contains(id);
        Api.Response refusedBlank = first.post("/api/v1/data-access/requests/" + id + "/refuse", "{}");
        assertThat(refusedBlank.json().get("code").asString()).isEqualTo("data-access-reason-required");
        JsonNode refused = first.post("/api/v1/data-access/requests/" + id + "/refuse", "{\"reason\":\"理由不充分\"}").json();
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("endReason").asString()).isEqualTo("理由不充分");
        assertThat(admin.get("/api/v1/data-access/requests").status()).as("no data right for administrators").isEqualTo(403);
    }

    @Test
    void onlyTheGrantedChannelIsUnmaskedAndEveryViewIsAudited() throws Exception {
        String granted = channel("chan-" + suffix);
        long inside = store(granted, "P" + suffix.hashCode());
        long outside = store("other-" + suffix, "Q" + suffix.hashCode());
        assertThat(message(engineer, inside).get("masked").asBoolean()).as("the data right alone: masked").isTrue();

        long id = grant(engineer, "CHANNEL", granted, 2);
        JsonNode seen = message(engineer, inside);
        assertThat(seen.get("masked").asBoolean()).isFalse();
        assertThat(seen.get("raw").asString()).contains("110101199003071234");
        assertThat(message(engineer, outside).get("masked").asBoolean()).as("another channel stays masked").isTrue();
        Api colleague = admin.newUser("col" + suffix, "同事", PASSWORD, "OPS_ENGINEER");
        assertThat(message(colleague, inside).get("masked").asBoolean()).as("the grant is the requester's").isTrue();

        assertThat(auditDetails("data-access.view", id)).contains("integration-message:" + inside, "channel:" + granted)
                .doesNotContain("integration-message:" + outside);
    }

    @Test
    void aTicketGrantOpensThatTicketsAttachmentsToSomeoneOutsideIt() {
        Api staff = admin.newUser("staff" + suffix, "护士长", PASSWORD, "HOSPITAL_STAFF");
        Api manager = admin.newUser("mgr" + suffix, "服务经理", PASSWORD, "SERVICE_MANAGER");
        long ticket = ticket(staff);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThat(staff.upload("/api/v1/opsdesk/tickets/" + ticket + "/attachments", "截图.png", png).status()).isEqualTo(201);
        long attachment = staff.get("/api/v1/opsdesk/tickets/" + ticket).json().get("attachments").get(0).get("id").asLong();
        String path = "/api/v1/opsdesk/tickets/" + ticket + "/attachments/" + attachment;

        assertThat(staff.download(path).status()).as("the reporter opens their own evidence").isEqualTo(200);
        assertThat(engineer.download(path).status()).as("the data right").isEqualTo(200);
        assertThat(admin.download(path).status()).as("an administrator, though allowed to read tickets").isEqualTo(403);
        assertThat(manager.download(path).status()).as("someone outside the ticket without the data right").isEqualTo(403);

        long other = ticket(staff);
        long id = grant(manager, "TICKET", Long.toString(other), 1);
        assertThat(manager.download(path).status()).as("a grant for another ticket opens nothing here").isEqualTo(403);
        long mine = grant(manager, "TICKET", Long.toString(ticket), 1);
        Api.Download opened = manager.download(path);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(png);
        assertThat(auditDetails("data-access.view", mine)).contains("ticket-attachment:" + attachment, "ticket:" + ticket);
        assertThat(auditDetails("data-access.view", id)).isEmpty();
        assertThat(admin.auditAdmin().get("/api/v1/audit?action=access.denied&actor=mgr" + suffix).json()
                .get("entries").size()).as("the refusals are audited").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theGrantExpiresOnTheClockAndRevocationEndsIt() throws Exception {
        String channel = channel("chan-" + suffix);
        long message = store(channel, "R" + suffix.hashCode());
        long expiring = grant(engineer, "CHANNEL", channel, 1);
        assertThat(message(engineer, message).get("masked").asBoolean()).isFalse();

        clock.set(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(message(engineer, message).get("masked").asBoolean()).as("past its end, before any sweep").isTrue();
        assertThat(engineer.get("/api/v1/data-access/requests/" + expiring).json().get("status").asString()).isEqualTo("EXPIRED");
        Api.Response running = first.get("/api/v1/data-access/requests?all=true&active=true");
        assertThat(running.status()).isEqualTo(200);
        assertThat(ids(running)).doesNotContain(expiring);
        assertThat(desk.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(auditDetails("data-access.expire", expiring)).contains("EXPIRED");
        clock.set(null);

        long revoked = grant(engineer, "CHANNEL", channel, 4);
        assertThat(message(engineer, message).get("masked").asBoolean()).isFalse();
        JsonNode ended = second.post("/api/v1/data-access/requests/" + revoked + "/revoke", "{\"reason\":\"排查已完成\"}").json();
        assertThat(ended.get("status").asString()).isEqualTo("REVOKED");
        assertThat(message(engineer, message).get("masked").asBoolean()).isTrue();
        assertThat(second.post("/api/v1/data-access/requests/" + revoked + "/revoke", "{}").json().get("code").asString())
                .isEqualTo("data-access-not-revocable");
        assertThat(auditDetails("data-access.revoke", revoked)).contains("排查已完成");
    }

    private static java.util.List<Long> ids(Api.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.json().forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    /** A channel of the engine (an MLLP listener on a free port), so that a scope can name it. */
    private String channel(String code) {
        try {
            Api.Response saved = admin.put("/api/v1/integration/channels/" + code, """
                    {"name": "授权测试", "source": {"type": "MLLP", "port": %d},
                     "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:9/emr"}]}"""
                    .formatted(org.medops.testing.ForkedMedops.freePort()));
            assertThat(saved.status()).as(saved.body()).isIn(200, 201);
            return code;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long request(Api who, String kind, String ref, int hours) {
        Api.Response created = who.post("/api/v1/data-access/requests", """
                {"scope":{"kind":"%s","ref":"%s"},"reason":"故障排查需核对原始内容","durationHours":%d}"""
                .formatted(kind, ref, hours));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long grant(Api who, String kind, String ref, int hours) {
        long id = request(who, kind, ref, hours);
        assertThat(first.post("/api/v1/data-access/requests/" + id + "/approve", "").status()).isEqualTo(200);
        assertThat(second.post("/api/v1/data-access/requests/" + id + "/approve", "").json().get("status").asString())
                .isEqualTo("ACTIVE");
        return id;
    }

    private long store(String channel, String patient) throws Exception {
        String raw = "MSH|^~\\&|HIS|HOSP|EMR|HOSP|20261202083000||ADT^A01^ADT_A01|C-" + patient + "|P|2.5.1\r"
                + "EVN|A01|20261202083000\r"
                + "PID|1||" + patient + "^^^HOSP^MR||韩梅梅^^^^^^L||19900307|F|||||13800138000|||||||110101199003071234\r"
                + "PV1|1|I|ICU^01^02\r";
        return writer.submit(new Inbound(channel, Instant.now(), raw, "C-" + patient, "ADT^A01", MessageStatus.FILTERED,
                null, null, java.util.List.of(), null)).get(10, java.util.concurrent.TimeUnit.SECONDS).id();
    }

    private static JsonNode message(Api who, long id) {
        Api.Response answer = who.get("/api/v1/integration/messages/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long ticket(Api reporter) {
        Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                {"title":"护士站打印报错","phenomenon":"打印腕带时报错","occurredAt":"%s","impactScope":"ICU",
                 "systems":["HIS"],"category":"SOFTWARE","reporter":"护士长","contact":"8001","source":"PHONE",
                 "priority":"MEDIUM"}""".formatted(Instant.now().minusSeconds(600)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** The details of the newest entries of an action on a request, joined; empty when there are none. */
    private String auditDetails(String action, long requestId) {
        JsonNode entries = admin.auditAdmin().get("/api/v1/audit?action=" + action + "&target=" + requestId + "&limit=50")
                .json().get("entries");
        StringBuilder details = new StringBuilder();
        for (JsonNode entry : entries) {
            if (entry.get("action").asString().equals(action)
                    && entry.get("targetType").asString().equals(DataAccessAction.TARGET)) {
                details.append(entry.get("details").asString()).append('\n');
            }
        }
        return details.toString();
    }
}
