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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@MedopsTest
class AuditTrailIT {

    private static final String PASSWORD = "Audit#Trail-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainAnchor anchor;

    @Autowired
    PlatformTransactionManager transactions;

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
        Api.Download csv = auditor.download("/api/v1/audit/export?action=user.create");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        java.util.List<java.util.List<String>> rows = org.medops.testing.Exports.csv(csv.body());
        assertThat(rows.get(0)).containsExactly("序号", "时间", "操作人", "来源 IP", "操作", "对象类型", "对象", "结果",
                "变更摘要", "哈希");
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.get(4)).isEqualTo("user.create"));
        long seq = Long.parseLong(rows.get(1).get(0));
        java.time.Instant at = jdbc.sql("select occurred_at from audit_records where seq = :seq").param("seq", seq)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(rows.get(1).get(1)).endsWith("+08:00").isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ssXXX").format(at.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        Api.Download english = auditor.download("/api/v1/audit/export?action=user.create&lang=en");
        assertThat(org.medops.testing.Exports.csv(english.body()).get(0)).startsWith("Seq");
        Api.Download xlsx = auditor.download("/api/v1/audit/export?action=user.create&format=xlsx");
        assertThat(xlsx.contentType()).contains("spreadsheetml");
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

    /**
     * The attack of issue 10: with superuser rights, change a record and recompute the hashes of every
     * later record and the chain head. The chain is then self-consistent; only the signed checkpoints
     * kept outside the database tell.
     */
    @Test
    void detectsARecomputedChainAgainstTheSignedCheckpoints() {
        Api.Response written = auditor.post("/api/v1/audit/checkpoints", "{}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        long anchored = written.json().get("seq").asLong();
        long seq = anchored - 2;
        String original = jdbc.sql("select actor from audit_records where seq = ?").param(seq).query(String.class).single();

        recomputeFrom(seq, "intruder");
        JsonNode verified = auditor.get("/api/v1/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).isFalse();
        assertThat(verified.get("broken").findValuesAsString("problem")).as("the chain itself is consistent")
                .containsOnly("checkpoint-mismatch");
        JsonNode range = verified.get("broken").get(0);
        assertThat(range.get("fromSeq").asLong()).isLessThanOrEqualTo(seq);
        assertThat(range.get("toSeq").asLong()).isGreaterThanOrEqualTo(seq);
        Api.Response refused = auditor.post("/api/v1/audit/checkpoints", "{}");
        assertThat(refused.status()).as("a rewritten chain is never anchored").isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("audit-chain-broken");

        recomputeFrom(seq, original);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void reportsEveryBrokenRangeNotOnlyTheFirst() {
        long max = jdbc.sql("select max(seq) from audit_records").query(Long.class).single();
        long first = max - 8;
        long second = max - 5;
        long gone = max - 2;
        String firstActor = actorOf(first);
        String secondActor = actorOf(second);
        AuditRecordRow deleted = jdbc.sql("select * from audit_records where seq = ?").param(gone)
                .query(AuditRecordRow.class).single();
        tamper("update audit_records set actor = 'intruder' where seq in (" + first + ", " + second + ")");
        tamper("delete from audit_records where seq = " + gone);

        JsonNode verified = auditor.get("/api/v1/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).isFalse();
        assertThat(verified.get("broken").toString())
                .contains("{\"fromSeq\":" + first + ",\"toSeq\":" + first + ",\"problem\":\"content-altered\"}")
                .contains("{\"fromSeq\":" + second + ",\"toSeq\":" + second + ",\"problem\":\"content-altered\"}")
                .contains("{\"fromSeq\":" + gone + ",\"toSeq\":" + gone + ",\"problem\":\"record-missing\"}");
        assertThat(verified.get("firstBrokenSeq").asLong()).isEqualTo(first);

        tamper("update audit_records set actor = '" + firstActor + "' where seq = " + first);
        tamper("update audit_records set actor = '" + secondActor + "' where seq = " + second);
        restore(deleted);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void detectsAForgedCheckpoint() throws Exception {
        auditor.post("/api/v1/audit/checkpoints", "{}");
        java.nio.file.Path file = anchor.file();
        String forged = "{\"v\":1,\"seq\":1,\"hash\":\"" + "f".repeat(64)
                + "\",\"at\":\"2026-01-01T00:00:00Z\",\"key\":\"x\",\"sig\":\"AAAA\"}";
        java.nio.file.Files.writeString(file, forged + "\n", java.nio.file.StandardOpenOption.APPEND);
        try {
            JsonNode verified = auditor.get("/api/v1/audit/verify").json();
            assertThat(verified.get("broken").findValuesAsString("problem")).contains("checkpoint-invalid");
        } finally {
            java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
            lines.remove(forged);
            java.nio.file.Files.write(file, lines);
        }
        JsonNode anchoring = auditor.get("/api/v1/audit/checkpoints").json();
        assertThat(anchoring.get("publicKey").asString()).isNotBlank();
        assertThat(anchoring.get("checkpoints").asInt()).isPositive();
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void refusesUpdatesAndDeletesThroughTheNormalPath() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("delete from audit_records where seq = 1").update()))
                .hasMessageContaining("append-only");
    }

    private String actorOf(long seq) {
        return jdbc.sql("select actor from audit_records where seq = ?").param(seq).query(String.class).single();
    }

    /** Sets the actor of record {@code seq} and recomputes every later hash and the head, as a superuser could. */
    private void recomputeFrom(long seq, String actor) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("select pg_advisory_xact_lock(" + 0x4D65644F70734175L + ")").query(Object.class).single();
            String prev = jdbc.sql("select hash from audit_records where seq = ?").param(seq - 1)
                    .query(String.class).single();
            for (AuditRecordRow r : jdbc.sql("select * from audit_records where seq >= ? order by seq").param(seq)
                    .query(AuditRecordRow.class).list()) {
                AuditRecord next = AuditRecord.next(r.seq(), prev, r.occurredAt().toInstant(),
                        r.seq() == seq ? actor : r.actor(), r.clientIp(), r.action(), r.targetType(), r.targetId(),
                        r.outcome(), r.details(), org.medops.shared.CryptoSuite.Digest.SHA_256);
                jdbc.sql("update audit_records set actor = ?, prev_hash = ?, hash = ? where seq = ?")
                        .params(next.actor(), next.prevHash(), next.hash(), r.seq()).update();
                jdbc.sql("update audit_chain_head set seq = ?, hash = ? where id = 1").params(r.seq(), next.hash()).update();
                prev = next.hash();
            }
        });
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
