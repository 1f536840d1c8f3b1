package org.medops.dataops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A data operation end to end against a real database of this machine, through the API: the author cannot approve,
 * nothing executes unapproved, a row-count mismatch rolls back and changes nothing, before-images are stored, the
 * rollback request restores the rows, a second execution is refused, and the target's database password appears in
 * no answer and no audit record. The PostgreSQL and MariaDB tests run it on their server.
 */
abstract class DataOpsScenario {

    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    static final String PASSWORD = "Dataops#Test-2026";
    static final String REQUESTS = "/api/v1/dataops/requests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient medops;

    String suffix;
    String table;
    String secret;
    String targetCode;
    Api admin;
    Api author;
    Api engineer;
    Api reviewer;
    long ticketId;
    final List<String> answers = new ArrayList<>();

    /** The JDBC URL the target registers, the account it signs in as, the password to seal. */
    abstract String url();

    abstract String account();

    abstract String kind();

    /** An administrative connection to the same database, for setting the table up and reading it back. */
    abstract Connection direct() throws SQLException;

    /** Prepares the account and its password before the target is registered (MariaDB creates a user). */
    void prepareAccount() throws SQLException {
    }

    void dropAccount() throws SQLException {
    }

    @BeforeEach
    void setUp() throws SQLException {
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        table = "dataops_patients_" + suffix;
        secret = "S3cret-" + UUID.randomUUID();
        prepareAccount();
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id int primary key, patient_name varchar(50), status varchar(20))");
            s.execute("insert into " + table + " values (1, '张三丰', 'OPEN'), (2, '李四光', 'OPEN'), (3, '王五', 'OPEN'),"
                    + " (4, '赵六', 'OPEN'), (5, '钱七', 'OPEN')");
        }
        admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        author = admin.newUser("dop-a" + suffix, "运维兼复核 周强", PASSWORD, "OPS_ENGINEER", "SERVICE_MANAGER");
        engineer = admin.newUser("dop-e" + suffix, "运维工程师 吴昊", PASSWORD, "OPS_ENGINEER");
        reviewer = admin.newUser("dop-r" + suffix, "信息科 郑敏", PASSWORD, "HOSPITAL_REVIEWER");
        ticketId = ticket(admin);
        targetCode = "dop-" + suffix;
        Api.Response target = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "HIS 测试库 %s", "kind": "%s",
                 "connection": {"url": "%s", "username": "%s", "password": "%s"}}"""
                .formatted(targetCode, suffix, kind(), url(), account(), secret));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        assertThat(target.json().get("test").get("ok").asBoolean()).as(target.body()).isTrue();
    }

    @AfterEach
    void tearDown() throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
        }
        dropAccount();
    }

    @Test
    void aReviewedOperationRunsOnceAndItsRollbackRestoresTheRows() throws SQLException {
        JsonNode drafted = created(author.post(REQUESTS, request(
                "update " + table + " set status = 'CLOSED' where id <= 3;",
                "update " + table + " set status = 'OPEN' where id <= 3", 3)));
        long id = drafted.get("id").asLong();
        assertThat(drafted.get("status").asString()).isEqualTo("AWAITING_REVIEW");

        problem(keep(engineer.post(REQUESTS + "/" + id + "/execute", "")), 409, "dataops-not-approved");
        problem(keep(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"同意\"}")), 409,
                "dataops-preview-required");

        JsonNode previewed = ok(author.post(REQUESTS + "/" + id + "/preview", ""));
        JsonNode statement = previewed.get("preview").get("statements").get(0);
        assertThat(statement.get("affectedRows").asLong()).isEqualTo(3);
        assertThat(statement.get("beforeImage").get("rows")).hasSize(3);
        assertThat(previewed.get("preview").get("outcome").asString()).isEqualTo("PREVIEWED");
        assertThat(statusCount("CLOSED")).as("a preview changes nothing").isZero();
        int name = column(statement.get("beforeImage"), "patient_name");
        assertThat(statement.get("beforeImage").get("rows").get(0).get(name).asString())
                .as("a reader without integration:data sees patient names masked").isEqualTo("张*丰");
        assertThat(previewed.get("unmasked").asBoolean()).isFalse();

        problem(keep(author.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"自己批\"}")), 403, "dataops-own-request");
        problem(keep(engineer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"x\"}")), 403, null);
        problem(keep(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\" \"}")), 400,
                "dataops-review-reason-required");
        JsonNode approved = ok(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"核对无误，同意\"}"));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("review").get("by").asString()).isEqualTo("dop-r" + suffix);

        JsonNode executed = ok(engineer.post(REQUESTS + "/" + id + "/execute", ""));
        assertThat(executed.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(executed.get("execution").get("outcome").asString()).isEqualTo("COMMITTED");
        assertThat(executed.get("execution").get("totalRows").asLong()).isEqualTo(3);
        assertThat(executed.get("executedBy").asString()).isEqualTo("dop-e" + suffix);
        assertThat(statusCount("CLOSED")).isEqualTo(3);
        JsonNode before = executed.get("execution").get("statements").get(0).get("beforeImage");
        assertThat(before.get("rows")).hasSize(3);
        int status = column(before, "status");
        before.get("rows").forEach(row -> assertThat(row.get(status).asString()).isEqualTo("OPEN"));
        assertThat(medops.sql("select execution->'statements'->0->'beforeImage'->'rows'->0->>1 from dataops_requests where id = :id")
                .param("id", id).query(String.class).single()).as("stored as the target answered").isEqualTo("张三丰");

        problem(keep(engineer.post(REQUESTS + "/" + id + "/execute", "")), 409, "dataops-already-executed");
        problem(keep(author.post(REQUESTS + "/" + id + "/execute", "")), 409, "dataops-already-executed");

        JsonNode rollback = created(engineer.post(REQUESTS + "/" + id + "/rollback-request", "{\"reason\":\"业务方要求恢复\"}"));
        long rollbackId = rollback.get("id").asLong();
        assertThat(rollback.get("rollbackOf").asLong()).isEqualTo(id);
        assertThat(rollback.get("statements").asString()).contains("set status = 'OPEN'");
        assertThat(rollback.get("expectedRows").asLong()).isEqualTo(3);
        problem(keep(engineer.post(REQUESTS + "/" + id + "/rollback-request", "{\"reason\":\"再来\"}")), 409,
                "dataops-rollback-exists");
        problem(keep(engineer.post(REQUESTS + "/" + rollbackId + "/execute", "")), 409, "dataops-not-approved");
        ok(engineer.post(REQUESTS + "/" + rollbackId + "/preview", ""));
        problem(keep(engineer.post(REQUESTS + "/" + rollbackId + "/approve", "{\"reason\":\"x\"}")), 403, null);
        ok(author.post(REQUESTS + "/" + rollbackId + "/approve", "{\"reason\":\"同意回退\"}"));
        JsonNode restored = ok(author.post(REQUESTS + "/" + rollbackId + "/execute", ""));
        assertThat(restored.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(statusCount("CLOSED")).isZero();
        assertThat(statusCount("OPEN")).isEqualTo(5);
        assertThat(ok(engineer.get(REQUESTS + "/" + id)).get("rollbackRequest").asLong()).isEqualTo(rollbackId);

        JsonNode list = ok(reviewer.get(REQUESTS + "?target=" + targetCode + "&status=EXECUTED"));
        assertThat(list.get("total").asLong()).isEqualTo(2);
        JsonNode timeline = ok(reviewer.get(REQUESTS + "/" + id)).get("timeline");
        assertThat(timeline.findValuesAsString("kind")).containsExactly("drafted", "previewed", "approved", "executed",
                "rollbackRequested");

        List<String> actions = medops.sql("select action from audit_records where target_type = 'dataops-request'"
                + " and target_id in (:ids) order by seq").param("ids", List.of(String.valueOf(id), String.valueOf(rollbackId)))
                .query(String.class).list();
        assertThat(actions).contains("dataops.request.draft", "dataops.request.preview", "dataops.request.approve",
                "dataops.request.execute", "dataops.request.rollback");
        assertSecretNowhere();
    }

    @Test
    void aRowCountMismatchRollsBackAndChangesNothing() throws SQLException {
        long id = created(author.post(REQUESTS, request(
                "delete from " + table + " where id >= 4; update " + table + " set status = 'X' where id = 1", null, 5)))
                .get("id").asLong();
        JsonNode previewed = ok(engineer.post(REQUESTS + "/" + id + "/preview", ""));
        assertThat(previewed.get("preview").get("totalRows").asLong()).isEqualTo(3);
        assertThat(previewed.get("preview").get("statements").get(0).get("beforeImage").get("rows")).hasSize(2);
        assertThat(rows()).isEqualTo(5);
        ok(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"试一下\"}"));
        JsonNode failed = ok(engineer.post(REQUESTS + "/" + id + "/execute", ""));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("execution").get("outcome").asString()).isEqualTo("ROWS_DIFFER");
        assertThat(failed.get("execution").get("totalRows").asLong()).isEqualTo(3);
        assertThat(failed.get("execution").get("statements").get(0).get("beforeImage").get("rows")).hasSize(2);
        assertThat(rows()).as("the delete was rolled back").isEqualTo(5);
        assertThat(statusCount("X")).isZero();
        problem(keep(engineer.post(REQUESTS + "/" + id + "/execute", "")), 409, "dataops-already-executed");
        problem(keep(engineer.post(REQUESTS + "/" + id + "/rollback-request", "{\"reason\":\"x\"}")), 409,
                "dataops-rollback-not-executed");
        assertThat(medops.sql("select outcome from audit_records where action = 'dataops.request.fail' and target_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("FAILURE");

        // A failing statement rolls back the ones before it as well.
        long broken = created(author.post(REQUESTS, request(
                "update " + table + " set status = 'Y' where id = 2; update no_such_table_" + suffix + " set a = 1 where b = 2",
                null, 2))).get("id").asLong();
        ok(engineer.post(REQUESTS + "/" + broken + "/preview", ""));
        ok(reviewer.post(REQUESTS + "/" + broken + "/approve", "{\"reason\":\"同意\"}"));
        JsonNode error = ok(engineer.post(REQUESTS + "/" + broken + "/execute", ""));
        assertThat(error.get("execution").get("outcome").asString()).isEqualTo("FAILED");
        assertThat(error.get("execution").get("statements").get(1).get("error").asString()).isNotBlank();
        assertThat(statusCount("Y")).isZero();
        assertSecretNowhere();
    }

    @Test
    void aDatabaseErrorQuotingAPatientIsMaskedForReadersWithoutTheDataRight() throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("create unique index " + table + "_name on " + table + " (patient_name)");
        }
        JsonNode drafted = created(author.post(REQUESTS, request(
                "update " + table + " set patient_name = '李四光' where id = 1", null, 1)));
        long id = drafted.get("id").asLong();
        JsonNode previewed = ok(author.post(REQUESTS + "/" + id + "/preview", ""));
        // Each statement of a preview runs in a savepoint: the failing one carries the database's words.
        String statementError = previewed.get("preview").get("statements").get(0).get("error").asString();
        assertThat(statementError).as("the duplicate value the database quotes back").doesNotContain("李四光")
                .contains("李*光");
        assertThat(medops.sql("select preview -> 'statements' -> 0 ->> 'error' from dataops_requests where id = :id")
                .param("id", id).query(String.class).single()).as("stored as the database said it").contains("李四光");
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, 1)
                .replace("\"reason\":\"修正错误状态\"", "\"reason\":\" \""))), 400, "dataops-reason-required");
        problem(keep(author.post(REQUESTS, request("begin; update " + table + " set status = 'A'; commit", null, 1))),
                400, "dataops-transaction-control");
        problem(keep(author.post(REQUESTS, request("", null, 1))), 400, "dataops-sql-required");
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, -1))),
                400, "dataops-expected-rows");
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, 1)
                .replace("\"ticketId\":" + ticketId, "\"ticketId\":null"))), 400, "dataops-link-required");
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, 1)
                .replace("\"ticketId\":" + ticketId, "\"ticketId\":987654321987"))), 404, "not-found");
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, 1)
                .replace(targetCode, "no-such-" + suffix))), 404, "not-found");
        problem(keep(author.post(REQUESTS, request("update " + table + " set status = 'A' where id = 1", null, 1)
                .replace("\"changeId\":null", "\"changeId\":99999999"))), 404, "not-found");
        problem(keep(admin.post(REQUESTS, "{\"target\":")), 403, null);
        problem(keep(reviewer.post(REQUESTS, request("update x set a = 1", null, 1))), 403, null);
        problem(keep(author.get(REQUESTS + "/99999999")), 404, "not-found");
        problem(keep(author.get(REQUESTS + "?size=999")), 400, "page-size-invalid");

        // The list exports with its filter, without SQL text; the export is audited.
        created(author.post(REQUESTS, request("update " + table + " set status = 'EXPORT' where id = 2", null, 1)));
        Api.Download csv = author.download(REQUESTS + "/export?format=csv&target=" + targetCode);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(targetCode, "修正错误状态", "待复核").doesNotContain("set status = 'EXPORT'");
        assertThat(author.download(REQUESTS + "/export?format=xlsx").status()).isEqualTo(200);
        problem(keep(author.get(REQUESTS + "/export?format=pdf")), 400, null);
    }

    @Test
    void aProductionTargetNeedsTheHospitalsWrittenAuthorizationOnTheLinkedChange() throws SQLException {
        String production = "dop-prod-" + suffix;
        Api.Response target = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "HIS 生产库 %s", "kind": "%s", "production": true,
                 "connection": {"url": "%s", "username": "%s", "password": "%s"}}"""
                .formatted(production, suffix, kind(), url(), account(), secret));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        assertThat(target.json().get("target").get("production").asBoolean()).isTrue();
        String sql = "update " + table + " set status = 'DONE' where id = 5";
        problem(keep(author.post(REQUESTS, request(sql, null, 1).replace(targetCode, production))), 400,
                "dataops-production-change-required");

        // Changes on one system may not overlap: each run of the scenario (PostgreSQL, MariaDB) takes its own hour.
        Instant soon = Instant.now().plusSeconds(30).plus(java.time.Duration.ofHours(RUNS.getAndIncrement()));
        Api.Response change = engineer.post("/api/v1/opsdesk/changes", """
                {"title":"HIS 数据修复 %s","systemCode":"CIS","environment":"TEST","risk":"LOW",
                 "plan":"按数据库操作申请执行","rollbackPlan":"执行回退 SQL","plannedStart":"%s","plannedEnd":"%s"}"""
                .formatted(suffix, soon, soon.plusSeconds(600)));
        assertThat(change.status()).as(change.body()).isEqualTo(201);
        long changeId = change.json().get("id").asLong();
        long id = created(author.post(REQUESTS, request(sql, null, 1).replace(targetCode, production)
                .replace("\"changeId\":null", "\"changeId\":" + changeId))).get("id").asLong();
        ok(author.post(REQUESTS + "/" + id + "/preview", ""));
        problem(keep(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"同意\"}")), 409,
                "dataops-authorization-missing");
        Api.Response authorized = reviewer.post("/api/v1/opsdesk/changes/" + changeId + "/authorize",
                "{\"signerName\":\"信息科 郑敏\",\"statement\":\"同意按方案修复数据\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(200);
        ok(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"院方已书面授权\"}"));
        assertThat(ok(engineer.post(REQUESTS + "/" + id + "/execute", "")).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(statusCount("DONE")).isEqualTo(1);
        assertSecretNowhere();
    }

    String request(String statements, String rollback, long expected) {
        return """
                {"target":"%s","statements":%s,"rollbackSql":%s,"reason":"修正错误状态","ticketId":%d,"changeId":null,
                 "expectedRows":%d}""".formatted(targetCode, json(statements), rollback == null ? "null" : json(rollback),
                ticketId, expected);
    }

    /** The ticket a data operation belongs to: it must exist. */
    static long ticket(Api reporter) {
        Api.Response created = reporter.post("/api/v1/opsdesk/tickets", """
                {"title":"门诊结算状态异常","phenomenon":"结算后就诊状态停留在结算中","occurredAt":"%s","impactScope":"门诊",
                 "systems":["HIS"],"category":"SOFTWARE","reporter":"信息科","contact":"8001","source":"PHONE",
                 "priority":"MEDIUM"}""".formatted(Instant.now().minusSeconds(600)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Api.Response keep(Api.Response response) {
        answers.add(response.body());
        return response;
    }

    JsonNode ok(Api.Response response) {
        keep(response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode created(Api.Response response) {
        keep(response);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    void assertSecretNowhere() {
        assertThat(answers).isNotEmpty().noneMatch(body -> body.contains(secret));
        assertThat(medops.sql("select count(*) from audit_records where details like :s or target_id like :s")
                .param("s", "%" + secret + "%").query(Long.class).single()).isZero();
        assertThat(medops.sql("select count(*) from dataops_requests where cast(execution as text) like :s"
                        + " or cast(preview as text) like :s").param("s", "%" + secret + "%").query(Long.class).single())
                .isZero();
    }

    static int column(JsonNode beforeImage, String name) {
        int i = 0;
        for (JsonNode c : beforeImage.get("columns")) {
            if (c.asString().equalsIgnoreCase(name)) {
                return i;
            }
            i++;
        }
        throw new AssertionError("no column " + name + " in " + beforeImage);
    }

    long statusCount(String status) throws SQLException {
        return count("select count(*) from " + table + " where status = '" + status + "'");
    }

    long rows() throws SQLException {
        return count("select count(*) from " + table);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
