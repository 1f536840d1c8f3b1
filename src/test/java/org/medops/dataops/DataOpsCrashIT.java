package org.medops.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.testing.Problems.problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import tools.jackson.databind.JsonNode;

/**
 * MedOps killed with SIGKILL while a reviewed data operation executes (its UPDATE waits on a row lock the test holds
 * on this machine's PostgreSQL): at the next start the request is INTERRUPTED, audited, the target rolled back when
 * the connection dropped, and nothing runs again until a reviewer — not the author — records what they found; then
 * it executes once more, for real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataOpsCrashIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PASSWORD = "Dataops#Crash-2026";
    private static final String REQUESTS = "/api/v1/dataops/requests";

    private ForkedMedops medops;
    private String table;

    @BeforeAll
    static void reachable() {
        Assumptions.assumeTrue(Reachable.port(5432), () -> {
            System.err.println("SKIPPED: no PostgreSQL on 127.0.0.1:5432 — DataOpsCrashIT did not run");
            return "no PostgreSQL on 127.0.0.1:5432";
        });
    }

    @Test
    void aKillDuringExecutionLeavesTheRequestInterruptedUntilAReviewerVerifiesIt() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        table = "dataops_crash_" + suffix;
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id int primary key, patient_name varchar(50), status varchar(20))");
            s.execute("insert into " + table + " values (1, '张三丰', 'OPEN'), (2, '李四光', 'OPEN'), (3, '王五', 'OPEN')");
        }
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dataops-crash-").resolve("data");
        int port = ForkedMedops.freePort();
        medops = ForkedMedops.start(dataDir, port, ForkedMedops.freePort(), "dataops-crash-1");
        assertThat(medops.awaitHealthy(START)).as(medops.output()).isTrue();

        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api author = admin.newUser("dcr-a" + suffix, "运维工程师 周强", PASSWORD, "OPS_ENGINEER");
        Api reviewer = admin.newUser("dcr-r" + suffix, "信息科 郑敏", PASSWORD, "HOSPITAL_REVIEWER");
        long ticket = DataOpsScenario.ticket(admin);
        String target = "dcr-" + suffix;
        Api.Response registered = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "HIS 测试库 %s", "kind": "POSTGRESQL",
                 "connection": {"url": "%s", "username": "postgres", "password": "crash-%s"}}"""
                .formatted(target, suffix, URL, suffix));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api.Response drafted = author.post(REQUESTS, """
                {"target":"%s","statements":"update %s set status = 'CLOSED' where id <= 3","rollbackSql":null,
                 "reason":"修正就诊状态","ticketId":%d,"changeId":null,"expectedRows":3}""".formatted(target, table, ticket));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long id = drafted.json().get("id").asLong();
        assertThat(author.post(REQUESTS + "/" + id + "/preview", "").status()).isEqualTo(200);
        assertThat(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"核对无误\"}").status()).isEqualTo(200);

        // The rows are locked here: the execution's UPDATE waits inside its transaction, and MedOps is killed then.
        try (Connection lock = direct()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("select * from " + table + " where id <= 3 for update");
            }
            Thread caller = new Thread(() -> author.post(REQUESTS + "/" + id + "/execute", ""), "dataops-execute");
            caller.setDaemon(true);
            caller.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingUpdates() == 1);
            medops.kill();
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> waitingUpdates() == 0);
        assertThat(closed()).as("the target rolled the uncommitted execution back").isZero();

        medops = ForkedMedops.start(dataDir, port, ForkedMedops.freePort(), "dataops-crash-2");
        assertThat(medops.awaitHealthy(START)).as(medops.output()).isTrue();
        Api again = new Api(port).as("dcr-r" + suffix, PASSWORD);
        Api authorAgain = new Api(port).as("dcr-a" + suffix, PASSWORD);
        JsonNode interrupted = again.get(REQUESTS + "/" + id).json();
        assertThat(interrupted.get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("timeline").toString()).contains("interrupted", "notCommitted");
        assertThat(interrupted.get("preview").get("statements").get(0).get("beforeImage").get("rows")).hasSize(3);
        try (Connection db = medops.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit_records where action = 'dataops.request.interrupt'"
                     + " and target_id = '" + id + "' and actor = 'system'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the recovery is audited").isEqualTo(1);
        }

        // Nothing runs again blindly: executing is refused, the author may not verify, and nothing journalled means
        // the changes cannot be there.
        problem(authorAgain.post(REQUESTS + "/" + id + "/execute", ""), 409, "dataops-already-executed");
        problem(authorAgain.post(REQUESTS + "/" + id + "/verify", "{\"committed\":false,\"reason\":\"看过\"}"), 403, null);
        problem(again.post(REQUESTS + "/" + id + "/verify", "{\"committed\":true,\"reason\":\"已生效\"}"), 409,
                "dataops-never-committed");
        problem(again.post(REQUESTS + "/" + id + "/verify", "{\"reason\":\"x\"}"), 400, "dataops-verify-committed-required");
        JsonNode verified = again.post(REQUESTS + "/" + id + "/verify",
                "{\"committed\":false,\"reason\":\"目标库三行仍为 OPEN，改动未生效\"}").json();
        assertThat(verified.get("status").asString()).isEqualTo("APPROVED");

        JsonNode executed = authorAgain.post(REQUESTS + "/" + id + "/execute", "").json();
        assertThat(executed.get("status").asString()).as(executed.toString()).isEqualTo("EXECUTED");
        assertThat(closed()).isEqualTo(3);
        assertThat(executed.get("timeline").toString()).contains("verifiedNotCommitted", "executed");
    }

    private long waitingUpdates() throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                     + " and query like 'update " + table + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long closed() throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table + " where status = 'CLOSED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection direct() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    @AfterAll
    void stop() throws Exception {
        if (medops != null) {
            medops.close();
        }
        if (table != null && Reachable.port(5432)) {
            try (Connection c = direct(); Statement s = c.createStatement()) {
                s.execute("drop table if exists " + table);
            }
        }
    }
}
