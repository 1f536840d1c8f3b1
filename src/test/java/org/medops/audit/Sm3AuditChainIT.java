package org.medops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import tools.jackson.databind.JsonNode;

/**
 * An installation that runs on SHA-256 and AES-GCM and is restarted with {@code medops.crypto.suite=commercial}, as
 * an operator would switch it: its sealed secrets are re-sealed with SM4 at start-up (audited), new audit records
 * are chained with SM3, the mixed chain verifies and reports both algorithms, and a changed SM3 record is found.
 * Its own JVM and database, so the shared test context stays on the default suite.
 */
class Sm3AuditChainIT {

    @Test
    void aChainThatSwitchesFromSha256ToSm3VerifiesAndStillFindsTampering() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "sm3-chain-");
        String notifySealed;
        try (ForkedMedops international = start(data, "sm3-chain-international")) {
            Api admin = new Api(international.consolePort()).as("admin", MedopsTest.ADMIN_PASSWORD);
            Api.Response target = admin.post("/api/v1/notify/targets", """
                    {"name":"信息科企业微信群","kind":"WECOM","address":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1",
                     "secret":"robot-secret-2026"}""");
            assertThat(target.status()).as(target.body()).isEqualTo(201);
            JsonNode before = admin.auditAdmin().get("/api/v1/audit/verify").json();
            assertThat(before.get("intact").asBoolean()).isTrue();
            assertThat(before.get("byAlgorithm").propertyNames()).containsExactly("SHA-256");
            try (Connection db = international.database()) {
                notifySealed = single(db, "select secret_sealed from notify_targets where name = '信息科企业微信群'");
                assertThat(single(db, "select suite from crypto_installation")).isEqualTo("INTERNATIONAL");
            }
            assertThat(notifySealed).doesNotStartWith("sm4:");
        }

        try (ForkedMedops commercial = start(data, "sm3-chain-commercial", "--medops.crypto.suite=commercial")) {
            Api admin = new Api(commercial.consolePort()).as("admin", MedopsTest.ADMIN_PASSWORD);
            Api auditor = admin.auditAdmin();
            try (Connection db = commercial.database()) {
                assertThat(single(db, "select suite from crypto_installation")).isEqualTo("COMMERCIAL");
                String resealed = single(db, "select secret_sealed from notify_targets where name = '信息科企业微信群'");
                assertThat(resealed).startsWith("sm4:").isNotEqualTo(notifySealed);
                assertThat(single(db, "select details from audit_records where action = 'crypto.suite.change'"))
                        .contains("INTERNATIONAL → COMMERCIAL").contains("cryptoResealed=");
                assertThat(single(db, "select hash_alg from audit_records where action = 'crypto.suite.change'"))
                        .isEqualTo("SM3");
            }

            JsonNode mixed = auditor.get("/api/v1/audit/verify").json();
            assertThat(mixed.get("intact").asBoolean()).as(mixed.toString()).isTrue();
            assertThat(mixed.get("byAlgorithm").propertyNames()).containsExactlyInAnyOrder("SHA-256", "SM3");
            JsonNode runs = mixed.get("algorithmRuns");
            assertThat(runs.get(0).get("algorithm").asString()).isEqualTo("SHA-256");
            assertThat(runs.get(runs.size() - 1).get("algorithm").asString()).isEqualTo("SM3");
            assertThat(runs.get(0).get("fromSeq").asLong()).isEqualTo(1);
            long total = mixed.get("byAlgorithm").get("SHA-256").asLong() + mixed.get("byAlgorithm").get("SM3").asLong();
            assertThat(total).isEqualTo(mixed.get("recordsChecked").asLong());

            long tampered;
            try (Connection db = commercial.database(); Statement sql = db.createStatement()) {
                tampered = Long.parseLong(single(db, "select min(seq) from audit_records where hash_alg = 'SM3'"));
                sql.execute("begin; set local session_replication_role = replica; "
                        + "update audit_records set actor = 'someone-else' where seq = " + tampered + "; commit");
            }
            JsonNode broken = auditor.get("/api/v1/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(tampered);
            assertThat(broken.get("problem").asString()).isEqualTo("content-altered");
        }
    }

    private static ForkedMedops start(Path data, String name, String... extra) throws Exception {
        ForkedMedops fork = ForkedMedops.start(data, ForkedMedops.freePort(), ForkedMedops.freePort(), name, extra);
        if (!fork.awaitHealthy(Duration.ofMinutes(4))) {
            String output = fork.output();
            fork.close();
            throw new AssertionError("MedOps did not start: " + output);
        }
        return fork;
    }

    private static String single(Connection db, String query) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertThat(values).as(query).hasSize(1);
            return values.get(0);
        }
    }
}
