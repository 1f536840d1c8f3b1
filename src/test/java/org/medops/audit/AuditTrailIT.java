package org.medops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MedopsTest
class AuditTrailIT {

    private static final String PASSWORD = "Audit#Trail-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api admin;
    private Api auditor;

    @BeforeEach
    void signIn() {
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        auditor = admin.newUser("aud" + UUID.randomUUID().toString().substring(0, 6), "审计员", PASSWORD,
                "AUDIT_ADMIN");
    }

    private JsonNode newest(String action, String target) {
        JsonNode entries = auditor.get("/api/v1/audit?action=" + action + "&target=" + target).json().get("entries");
        assertThat(entries.size()).as("records of %s on %s", action, target).isGreaterThan(0);
        return entries.get(0);
    }

    @Test
    void recordsWhoDidWhatFromWhereWithSecretsMasked() {
        String username = "rec" + UUID.randomUUID().toString().substring(0, 6);
        admin.post("/api/v1/users", """
                {"username":"%s","displayName":"护士长","password":"Secret#Value-99","roles":["READ_ONLY"]}"""
                .formatted(username));

        JsonNode created = newest("user.create", username);
        assertThat(created.get("actor").asString()).isEqualTo("admin");
        assertThat(created.get("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(created.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(created.get("details").asString()).contains("护士长", "READ_ONLY", "password: ******")
                .doesNotContain("Secret#Value-99");
    }

    @Test
    void recordsFailedLoginsAndPermissionDenials() {
        String ghost = "ghost" + UUID.randomUUID().toString().substring(0, 6);
        new Api(port).post("/api/v1/auth/token", "{\"username\":\"" + ghost + "\",\"password\":\"Whatever#123\"}");
        JsonNode failed = newest("token", ghost);
        assertThat(failed.get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(failed.get("details").asString()).contains("unknown-user");

        admin.get("/api/v1/audit/verify");
        JsonNode denied = newest("access.denied", "GET%20/api/v1/audit/verify");
        assertThat(denied.get("actor").asString()).isEqualTo("admin");
        assertThat(denied.get("outcome").asString()).isEqualTo("DENIED");
    }

    @Test
    void recordsSettingChangesWithBeforeAndAfter() {
        JsonNode settings = admin.get("/api/v1/settings").json();
        int timeout = settings.get("sessionTimeoutMinutes").asInt() == 30 ? 45 : 30;
        String changed = settings.toString().replaceAll("\"sessionTimeoutMinutes\":\\d+",
                "\"sessionTimeoutMinutes\":" + timeout);
        assertThat(admin.put("/api/v1/settings", changed).status()).isEqualTo(200);
        assertThat(newest("settings.update", "platform").get("details").asString())
                .contains("sessionTimeoutMinutes: " + settings.get("sessionTimeoutMinutes").asInt() + " → " + timeout);

        String tooLoose = changed.replaceAll("\"passwordMinLength\":\\d+", "\"passwordMinLength\":6");
        Api.Response refused = admin.put("/api/v1/settings", tooLoose);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("passwordMinLength");
    }

    @Test
    void exportsTheFilteredTrailAsCsv() {
        Api.Response csv = auditor.get("/api/v1/audit/export?action=user.create");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("seq,occurred_at".replace(",", "\",\"")).contains("user.create")
                .doesNotContain("\"login\"");
    }

    /** Runs last in its own right: it damages the chain, then puts it back exactly as it was. */
    @Test
    void detectsEditedAndDeletedRecords() {
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        long seq = jdbc.sql("select max(seq) - 3 from audit_records").query(Long.class).single();
        String original = jdbc.sql("select actor from audit_records where seq = ?").param(seq)
                .query(String.class).single();

        // An attacker with database access can switch the append-only trigger off; the chain still tells.
        tamper("update audit_records set actor = 'intruder' where seq = " + seq);
        JsonNode edited = auditor.get("/api/v1/audit/verify").json();
        assertThat(edited.get("intact").asBoolean()).isFalse();
        assertThat(edited.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        assertThat(edited.get("problem").asString()).isEqualTo("content-altered");
        tamper("update audit_records set actor = '" + original + "' where seq = " + seq);

        AuditRecordRow row = jdbc.sql("select * from audit_records where seq = ?").param(seq)
                .query(AuditRecordRow.class).single();
        tamper("delete from audit_records where seq = " + seq);
        JsonNode deleted = auditor.get("/api/v1/audit/verify").json();
        assertThat(deleted.get("intact").asBoolean()).isFalse();
        assertThat(deleted.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        assertThat(deleted.get("problem").asString()).isEqualTo("record-missing");
        restore(row);

        long last = jdbc.sql("select max(seq) from audit_records").query(Long.class).single();
        AuditRecordRow tail = jdbc.sql("select * from audit_records where seq = ?").param(last)
                .query(AuditRecordRow.class).single();
        tamper("delete from audit_records where seq = " + last);
        JsonNode truncated = auditor.get("/api/v1/audit/verify").json();
        assertThat(truncated.get("intact").asBoolean()).isFalse();
        restore(tail);
        // The verification calls themselves were appended meanwhile; the restored chain must hold again.
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void refusesUpdatesAndDeletesThroughTheNormalPath() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("delete from audit_records where seq = 1").update()))
                .hasMessageContaining("append-only");
    }

    private void tamper(String sql) {
        jdbc.sql("begin; set local session_replication_role = replica; " + sql + "; commit").update();
    }

    private void restore(AuditRecordRow r) {
        jdbc.sql("""
                begin; set local session_replication_role = replica;
                insert into audit_records(seq, occurred_at, actor, client_ip, action, target_type, target_id,
                    outcome, details, prev_hash, hash)
                values (:seq, :occurredAt, :actor, :clientIp, :action, :targetType, :targetId, :outcome, :details,
                    :prevHash, :hash);
                commit""")
                .paramSource(r).update();
    }

    record AuditRecordRow(long seq, java.sql.Timestamp occurredAt, String actor, String clientIp, String action,
                          String targetType, String targetId, String outcome, String details, String prevHash,
                          String hash) {
    }
}
