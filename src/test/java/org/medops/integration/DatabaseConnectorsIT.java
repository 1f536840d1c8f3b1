package org.medops.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medops.integration.IntegrationEngineIT.adt;
import static org.medops.integration.IntegrationEngineIT.code;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.ForkedMedops;
import org.medops.testing.HttpReceiver;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Registered JDBC targets, the database source and the database destination on this machine's MariaDB
 * (127.0.0.1:3306, root without a password; a database of the test's own, dropped afterwards), and the notify
 * destination to a real webhook receiver.
 */
@MedopsTest
class DatabaseConnectorsIT {

    static final String DATABASE = "medops_it_" + UUID.randomUUID().toString().substring(0, 8);
    static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    static boolean mariadb;

    @LocalServerPort
    int port;

    @BeforeAll
    static void createDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
            mariadb = true;
        } catch (SQLException e) {
            System.err.println("!!! DatabaseConnectorsIT: MariaDB is not reachable on 127.0.0.1:3306 (" + e.getMessage()
                    + "): the database connector tests are SKIPPED");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (mariadb) {
            for (String db : CREATED) {
                sql("drop database if exists " + db);
            }
            sql("drop database " + DATABASE);
        }
    }

    static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A database of one test's own, with the LIS's and the EMR's tables. */
    static String labDatabase(String suffix) throws SQLException {
        String db = DATABASE + "_" + suffix;
        sql("create database " + db);
        CREATED.add(db);
        sql("create table " + db + ".lis_results (id int primary key auto_increment, barcode varchar(32),"
                + " result varchar(32), sent int not null default 0, seen int not null default 0)");
        sql("create table " + db + ".emr_results (msg_id bigint primary key, barcode varchar(32),"
                + " value varchar(32) not null)");
        return db;
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String db, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + db, "root", "");
             Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    String target(Api admin, String db) throws Exception {
        String code = "t" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response saved = admin.put("/api/v1/integration/targets/" + code, """
                {"name": "检验 LIS 库", "url": "%s%s", "user": "root", "password": ""}""".formatted(SERVER, db));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return code;
    }

    @Test
    void aTargetsPasswordIsNeverReturnedABadUrlIsRefusedAndItsConnectionCanBeTested() throws Exception {
        Assumptions.assumeTrue(mariadb, "MariaDB is not running on 127.0.0.1:3306");
        Api admin = admin();
        String code = "t" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = admin.put("/api/v1/integration/targets/" + code, """
                {"name": "EMR 库", "url": "jdbc:mysql://127.0.0.1:3306/%s", "user": "emr", "password": "Emr#Secret-42"}"""
                .formatted(DATABASE));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("password").asString()).isEqualTo("******");
        assertThat(created.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("Emr#Secret-42");
        assertThat(admin.get("/api/v1/integration/targets/" + code).body()).doesNotContain("Emr#Secret-42");
        assertThat(admin.get("/api/v1/integration/targets").body()).doesNotContain("Emr#Secret-42").contains(code);

        JsonNode refusedLogin = admin.post("/api/v1/integration/targets/" + code + "/test", "").json();
        assertThat(refusedLogin.get("ok").asBoolean()).as("no such user on this MariaDB").isFalse();
        assertThat(refusedLogin.get("error").asString()).isNotBlank().doesNotContain("Emr#Secret-42");

        Api.Response kept = admin.put("/api/v1/integration/targets/" + code, """
                {"name": "EMR 库", "url": "jdbc:mariadb://127.0.0.1:3306/%s", "user": "root"}""".formatted(DATABASE));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("passwordSet").asBoolean()).as("a left-out password is kept").isTrue();
        admin.put("/api/v1/integration/targets/" + code, """
                {"name": "EMR 库", "url": "jdbc:mariadb://127.0.0.1:3306/%s", "user": "root", "password": ""}"""
                .formatted(DATABASE));
        JsonNode tested = admin.post("/api/v1/integration/targets/" + code + "/test", "").json();
        assertThat(tested.get("ok").asBoolean()).as(tested.toString()).isTrue();
        assertThat(tested.get("database").asString()).contains("MariaDB");

        Api.Response bad = admin.put("/api/v1/integration/targets/" + code, """
                {"name": "", "url": "jdbc:oracle:thin:@10.0.0.1:1521:orcl", "user": "x", "password": "y"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("integration-target-invalid");
        assertThat(bad.json().get("reasons").toString()).contains("integration-target-url", "integration-target-name");

        Api readOnly = admin.newUser("ro-" + code, "只读", "Read#Only-2026", "READ_ONLY");
        assertThat(readOnly.get("/api/v1/integration/targets/" + code).status()).isEqualTo(200);
        assertThat(readOnly.put("/api/v1/integration/targets/" + code, "{\"name\":\"x\",\"url\":\"jdbc:mariadb://h/x\"}")
                .status()).isEqualTo(403);

        String trail = admin.auditAdmin().get("/api/v1/audit?target=" + code + "&limit=50").body();
        assertThat(trail).contains("integration.target.save", "integration.target.test").doesNotContain("Emr#Secret-42");

        assertThat(admin.delete("/api/v1/integration/targets/" + code).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/integration/targets/" + code).status()).isEqualTo(404);
    }

    @Test
    void aChannelNamingAnUnknownTargetIsRefused() throws Exception {
        Api admin = admin();
        String code = code();
        Api.Response refused = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "LIS → EMR", "source": {"type": "DATABASE", "target": "no-such-lis", "query": "select 1",
                   "mark": "update x set y = 1"},
                 "destinations": [{"name": "emr", "type": "DATABASE", "target": "no-such-emr", "statement": "insert"},
                   {"name": "duty", "type": "NOTIFY", "target": "no-such-robot", "template": "x"}]}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("integration-channel-invalid");
        assertThat(refused.json().get("reasons").toString()).contains("integration-source-target",
                "integration-destination-target");
    }

    static String lisToEmr(String target, String mark) {
        return """
                {"name": "LIS 结果 → EMR", "source": {"type": "DATABASE", "target": "%s",
                   "query": "select id, barcode, result from lis_results where sent = 0 order by id limit 100",
                   "mark": "%s", "interval": "PT0.2S"},
                 "destinations": [{"name": "emr", "type": "DATABASE", "target": "%s",
                   "statement": "insert into emr_results(msg_id, barcode, value) values (:messageId, :barcode, :result)",
                   "retry": {"initial": "PT0.05S", "max": "PT0.2S", "rejections": 1}}]}""".formatted(target, mark, target);
    }

    @Test
    void rowsAreReadOnceMarkedAndWrittenAndAViolationIsParked() throws Exception {
        Assumptions.assumeTrue(mariadb, "MariaDB is not running on 127.0.0.1:3306");
        Api admin = admin();
        String db = labDatabase("rows");
        String target = target(admin, db);
        for (int i = 1; i <= 5; i++) {
            sql("insert into " + db + ".lis_results(barcode, result) values ('B" + i + "', '" + (4.0 + i) + "')");
        }
        sql("insert into " + db + ".lis_results(barcode, result) values ('B-NULL', null)");
        String code = code();
        Api.Response saved = admin.put("/api/v1/integration/channels/" + code,
                lisToEmr(target, "update lis_results set sent = 1 where id = :id"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> count(db, "select count(*) from emr_results") == 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(db, "select count(*) from lis_results where sent = 1") == 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/integration/channels/" + code
                + "/statistics").json().get("errored").asLong() == 1);
        Thread.sleep(1000); // several more polls
        assertThat(count(db, "select count(*) from emr_results")).as("each row read once").isEqualTo(5);
        assertThat(count(db, "select count(distinct barcode) from emr_results where barcode like 'B_'")).isEqualTo(5);
        JsonNode statistics = admin.get("/api/v1/integration/channels/" + code + "/statistics").json();
        assertThat(statistics.get("received").asLong()).isEqualTo(6);
        assertThat(statistics.get("sent").asLong()).isEqualTo(5);
        Api.Response inUse = admin.delete("/api/v1/integration/targets/" + target);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("code").asString()).isEqualTo("integration-target-in-use");
        JsonNode parked = admin.get("/api/v1/integration/messages?channel=" + code + "&status=ERRORED").json().get("rows");
        JsonNode detail = admin.contentReader().get("/api/v1/integration/messages/" + parked.get(0).get("id").asLong()).json();
        // The NOT NULL violation is a rejection: retried once, then parked (the error text is masked for the admin,
        // who holds no data permission, since the content is not HL7).
        assertThat(detail.get("destinations").get(0).get("status").asString()).isEqualTo("ERRORED");
        assertThat(detail.get("destinations").get(0).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aRowStoredButNotMarkedIsNotDeliveredTwice() throws Exception {
        Assumptions.assumeTrue(mariadb, "MariaDB is not running on 127.0.0.1:3306");
        Api admin = admin();
        String db = labDatabase("crash");
        String target = target(admin, db);
        sql("insert into " + db + ".lis_results(barcode, result) values ('CRASH', '7.1')");
        // The first mark "does not happen" (as if the node died between storing and marking): it only counts.
        String code = code();
        Api.Response saved = admin.put("/api/v1/integration/channels/" + code, lisToEmr(target,
                "update lis_results set seen = seen + 1, sent = case when seen >= 2 then 1 else 0 end where id = :id"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> count(db, "select sent from lis_results where barcode = 'CRASH'") == 1);
        assertThat(count(db, "select seen from lis_results where barcode = 'CRASH'")).as("read twice").isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(db, "select count(*) from emr_results where barcode = 'CRASH'") == 1);
        Thread.sleep(1000);
        assertThat(count(db, "select count(*) from emr_results where barcode = 'CRASH'")).isEqualTo(1);
        JsonNode statistics = admin.get("/api/v1/integration/channels/" + code + "/statistics").json();
        assertThat(statistics.get("received").asLong()).isEqualTo(2);
        assertThat(statistics.get("filtered").asLong()).as("the second read is a duplicate").isEqualTo(1);
        assertThat(statistics.get("sent").asLong()).isEqualTo(1);
    }

    @Test
    void aNotifyDestinationSendsTheTemplateWithIdentifiersMaskedUnlessAskedFor() throws Exception {
        Api admin = admin();
        HttpReceiver hook = new HttpReceiver();
        try {
            String name = "集成值班 " + UUID.randomUUID().toString().substring(0, 6);
            Api.Response target = admin.post("/api/v1/notify/targets", """
                    {"name":"%s","kind":"WEBHOOK","address":"%s"}""".formatted(name, hook.url("/hook")));
            assertThat(target.status()).as(target.body()).isEqualTo(201);
            String code = code();
            int mllp = ForkedMedops.freePort();
            Api.Response saved = admin.put("/api/v1/integration/channels/" + code, """
                    {"name": "入院通知", "source": {"type": "MLLP", "port": %d},
                     "destinations": [{"name": "duty", "type": "NOTIFY", "target": "%s",
                       "template": "入院 ${PID-5.1} (${controlId}): ${body}"}]}""".formatted(mllp, name));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            try (MllpClient his = MllpClient.await(mllp)) {
                assertThat(his.send(adt("N-1", "P100234", "王小红"))).contains("MSA|AA|N-1");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !hook.bodies("/hook").isEmpty());
            String sent = hook.bodies("/hook").get(0);
            assertThat(sent).contains("入院 王小红 (N-1)", "ADT^A01")
                    .as("identifiers in the body are masked").doesNotContain("P100234", "110101199003071234");
        } finally {
            hook.stop();
        }
    }

    @Test
    void theTargetsPageRegistersTestsAndNeverShowsThePassword() throws Exception {
        Assumptions.assumeTrue(mariadb, "MariaDB is not running on 127.0.0.1:3306");
        ConsoleSession console = new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD);
        String code = "p" + UUID.randomUUID().toString().substring(0, 8);
        var saved = console.post("/integration/targets", "code=" + code + "&name=" + ConsoleSession.encode("检验库")
                + "&url=" + ConsoleSession.encode(SERVER + DATABASE) + "&user=root&password="
                + ConsoleSession.encode("Page#Secret-9"), "/integration/targets");
        assertThat(saved.body()).contains("数据库目标已保存", code, "******").doesNotContain("Page#Secret-9");

        var refused = console.post("/integration/targets", "code=" + code + "x&name=x&url="
                + ConsoleSession.encode("jdbc:oracle:thin:@h:1521:x"), "/integration/targets");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("jdbc:postgresql://");

        var tested = console.post("/integration/targets/" + code + "/test", "", "/integration/targets");
        assertThat(tested.body()).as("root has no such password").contains("id=\"target-tested\"", "连接失败")
                .doesNotContain("Page#Secret-9");
        assertThat(console.get("/integration/targets?edit=" + code).body()).doesNotContain("Page#Secret-9");
    }
}
