package org.medops.inspection.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.inspection.FakeHost;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rounds against real things: an in-process SSH server with known {@code df}/{@code systemctl}/{@code du} output
 * and real log and backup files, this machine's PostgreSQL and MariaDB, fabric8's Kubernetes mock server, a host
 * that accepts connections and never answers; a failing check's one ticket, updated while it fails and noted when
 * it passes; an abandoned round closed as interrupted; problems for bad input.
 */
@MedopsTest
class InspectionIT {

    static FakeHost host;
    static ServerSocket silent;
    static final List<Socket> held = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundRecovery recovery;

    @BeforeAll
    static void start() throws Exception {
        host = new FakeHost();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // accepted, never answered
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        silent.close();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    JsonNode round(Api admin, String template, String... targets) {
        String list = String.join(",", java.util.Arrays.stream(targets).map(t -> "\"" + t + "\"").toList());
        Api.Response started = admin.post("/api/v1/inspection/rounds",
                "{\"template\": " + (template == null ? "null" : "\"" + template + "\"") + ", \"targets\": [" + list + "]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(admin.get("/api/v1/inspection/rounds/" + id).json().get("status").asString()));
        return admin.get("/api/v1/inspection/rounds/" + id).json();
    }

    static JsonNode item(JsonNode round, String target, String check) {
        for (JsonNode item : round.get("items")) {
            if (item.get("target").asString().equals(target) && item.get("check").asString().equals(check)) {
                return item;
            }
        }
        throw new AssertionError("no " + check + " on " + target + " in " + round);
    }

    @Test
    void backupsKeptByPgBackRestAreCheckedFromItsInfo() {
        Api admin = admin();
        String ssh = code("pg-backrest");
        Api.Response refused = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "数据库备份服务器", "kind": "SSH",
                 "connection": {"host": "127.0.0.1", "port": %d, "username": "%s", "password": "%s"},
                 "checks": [{"check": "BACKUP_COUNT", "backupTool": "pgbackrest", "backupSet": "main; reboot"}]}"""
                .formatted(ssh, host.port(), FakeHost.USER, FakeHost.PASSWORD));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("inspection-backup-tool");
        Api.Response saved = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "数据库备份服务器", "kind": "SSH",
                 "connection": {"host": "127.0.0.1", "port": %d, "username": "%s", "password": "%s"},
                 "checks": [{"check": "BACKUP_FRESHNESS", "backupTool": "pgbackrest", "backupSet": "main"},
                            {"check": "BACKUP_COUNT", "backupTool": "PGBACKREST", "backupSet": "main"}]}"""
                .formatted(ssh, host.port(), FakeHost.USER, FakeHost.PASSWORD));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long stop = Instant.now().minus(Duration.ofHours(5)).getEpochSecond();
        host.backupTool.set("""
                [{"name":"main","status":{"code":0,"message":"ok"},"backup":[
                  {"label":"20261204-010000F","type":"full","error":false,"timestamp":{"start":%d,"stop":%d}}]}]"""
                .formatted(stop - 600, stop));
        try {
            JsonNode round = round(admin, "BACKUP", ssh);
            JsonNode fresh = item(round, ssh, "BACKUP_FRESHNESS");
            assertThat(fresh.get("result").asString()).as(fresh.toString()).isEqualTo("PASS");
            assertThat(fresh.get("value").asString()).startsWith("5 h (20261204-010000F (full))");
            assertThat(fresh.get("evidence").asString()).contains("$ pgbackrest --stanza='main' --output=json info");
            JsonNode count = item(round, ssh, "BACKUP_COUNT");
            assertThat(count.get("value").asString()).isEqualTo("1");
            assertThat(count.get("result").asString()).as("one kept, seven asked").isEqualTo("WARN");
        } finally {
            host.backupTool.set(null);
        }
    }

    @Test
    void sshHostFullPartitionBigLogsStoppedServiceNewErrorLinesAndBackups() throws Exception {
        Api admin = admin();
        Path logs = Files.createTempDirectory("medops-logs");
        Path app = logs.resolve("app.log");
        Files.writeString(app, "2026-12-01 08:00 INFO started\n2026-12-01 08:01 ERROR db timeout\n");
        Path backups = Files.createTempDirectory("medops-backups");
        for (int i = 0; i < 3; i++) {
            Path file = backups.resolve("his-2026120" + i + ".dump");
            Files.writeString(file, "backup " + i);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(30 + 24L * i))));
        }
        String ssh = code("his-app");
        Api.Response saved = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "HIS 应用服务器", "kind": "SSH", "system": "HIS",
                 "connection": {"host": "127.0.0.1", "port": %d, "username": "%s", "password": "%s"},
                 "checks": [{"check": "SERVICES", "services": ["nginx", "his-app"]},
                            {"check": "LOG_SIZE", "paths": ["/var/log/his"]},
                            {"check": "LOG_ERRORS", "paths": ["%s"]},
                            {"check": "BACKUP_FRESHNESS", "directory": "%s", "filePattern": "*.dump"},
                            {"check": "BACKUP_COUNT", "directory": "%s", "filePattern": "*.dump"}]}"""
                .formatted(ssh, host.port(), FakeHost.USER, FakeHost.PASSWORD, app, backups, backups));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("test").get("ok").asBoolean()).as(saved.body()).isTrue();
        assertThat(saved.json().get("test").get("detail").asString()).contains("SHA256:", "his-app-01");
        assertThat(saved.body()).doesNotContain(FakeHost.PASSWORD);
        JsonNode target = admin.get("/api/v1/inspection/targets/" + ssh).json();
        assertThat(target.get("connection").get("secretSet").asBoolean()).isTrue();
        assertThat(target.toString()).doesNotContain(FakeHost.PASSWORD);
        String sealed = jdbc.sql("select sealed_secret from inspection_targets where code = :c").param("c", ssh)
                .query(String.class).single();
        assertThat(sealed).isNotBlank().doesNotContain(FakeHost.PASSWORD);

        JsonNode round = round(admin, "QUARTERLY", ssh);
        JsonNode disk = item(round, ssh, "DISK_USAGE");
        assertThat(disk.get("result").asString()).isEqualTo("FAIL");
        assertThat(disk.get("value").asString()).isEqualTo("96% /data");
        assertThat(disk.get("threshold").asString()).isEqualTo("< 95%");
        assertThat(disk.get("evidence").asString()).contains("$ df -P", "/dev/sdb1");
        assertThat(item(round, ssh, "INODE_USAGE").get("result").asString()).isEqualTo("PASS");
        JsonNode services = item(round, ssh, "SERVICES");
        assertThat(services.get("result").asString()).isEqualTo("FAIL");
        assertThat(services.get("value").asString()).isEqualTo("1/2 his-app=failed");
        JsonNode logSize = item(round, ssh, "LOG_SIZE");
        assertThat(logSize.get("result").asString()).isEqualTo("FAIL");
        assertThat(logSize.get("value").asString()).startsWith("12.00 GB");
        JsonNode errors = item(round, ssh, "LOG_ERRORS");
        assertThat(errors.get("result").asString()).isEqualTo("WARN");
        assertThat(errors.get("value").asString()).isEqualTo("1");
        assertThat(errors.get("evidence").asString()).contains("ERROR db timeout");
        JsonNode fresh = item(round, ssh, "BACKUP_FRESHNESS");
        assertThat(fresh.get("result").asString()).as(fresh.toString()).isEqualTo("FAIL");
        assertThat(fresh.get("value").asString()).startsWith("30 h");
        assertThat(item(round, ssh, "BACKUP_COUNT").get("value").asString()).isEqualTo("3");
        assertThat(item(round, ssh, "BACKUP_COUNT").get("result").asString()).isEqualTo("WARN");

        // Only lines written since the last round count: one new INFO line, no new error.
        Files.writeString(app, "2026-12-01 09:00 INFO fine\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(backups.resolve("his-20261203.dump"), "fresh");
        JsonNode second = round(admin, "DAILY", ssh);
        assertThat(item(second, ssh, "LOG_ERRORS").get("value").asString()).isEqualTo("0");
        assertThat(item(second, ssh, "LOG_ERRORS").get("result").asString()).isEqualTo("PASS");
        assertThat(item(second, ssh, "BACKUP_FRESHNESS").get("result").asString()).isEqualTo("PASS");
        assertThat(second.get("items").toString()).doesNotContain("INODE_USAGE").as("not in the daily round");

        // The history reads the numbers back from exactly the values the runner wrote above.
        JsonNode history = admin.get("/api/v1/inspection/history/targets/" + ssh).json();
        // (which checks the daily round repeats is the template's business: the first point is the quarterly round's)
        assertThat(numbers(history, "DISK_USAGE", "PERCENT")).first().isEqualTo(96.0);
        assertThat(numbers(history, "LOG_SIZE", "GIGABYTES")).first().isEqualTo(12.0);
        assertThat(numbers(history, "LOG_ERRORS", "COUNT")).containsExactly(1.0, 0.0);
        assertThat(numbers(history, "BACKUP_COUNT", "COUNT")).as("a count, not an age").first().isEqualTo(3.0);
        List<Double> ages = numbers(history, "BACKUP_FRESHNESS", "HOURS");
        assertThat(ages).hasSize(2);
        assertThat(ages.get(0)).as("the 30-hour-old backup").isBetween(29.9, 30.2);
        assertThat(ages.get(1)).as("the backup just written").isLessThan(0.2);
    }

    /** One check's series in the target's history: its unit as expected, its numbers oldest first. */
    static List<Double> numbers(JsonNode history, String check, String unit) {
        for (JsonNode series : history.get("series")) {
            if (series.get("check").asString().equals(check)) {
                assertThat(series.get("unit").asString()).as(check).isEqualTo(unit);
                List<Double> numbers = new java.util.ArrayList<>();
                series.get("points").forEach(p -> numbers.add(p.get("number").isNull() ? null : p.get("number").asDouble()));
                return numbers;
            }
        }
        throw new AssertionError(check + " not in " + history);
    }

    @Test
    void aFailingCheckOpensOneTicketUpdatesItWhileFailingAndNotesThePass() throws Exception {
        Api admin = admin();
        host.df.set(FakeHost.DF_FULL);
        String ssh = code("pacs-db");
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "PACS 存储服务器", "kind": "SSH", "system": "PACS",
                 "connection": {"host": "127.0.0.1", "port": %d, "username": "%s", "password": "%s"}}"""
                .formatted(ssh, host.port(), FakeHost.USER, FakeHost.PASSWORD)).status()).isEqualTo(201);

        JsonNode first = round(admin, "DAILY", ssh);
        assertThat(item(first, ssh, "DISK_USAGE").get("result").asString()).isEqualTo("FAIL");
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets(ssh).size() == 1);
        long ticket = tickets(ssh).get(0);
        assertThat(jdbc.sql("select source from tickets where id = :id").param("id", ticket).query(String.class).single())
                .isEqualTo("INSPECTION");
        assertThat(jdbc.sql("select title from tickets where id = :id").param("id", ticket).query(String.class).single())
                .contains("PACS 存储服务器", "分区使用率");
        await().atMost(Duration.ofSeconds(10)).until(() -> item(admin.get("/api/v1/inspection/rounds/"
                + first.get("id").asLong()).json(), ssh, "DISK_USAGE").has("ticket"));

        round(admin, "DAILY", ssh);
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(ticket).contains("INSPECTION_FAILING"));
        assertThat(tickets(ssh)).as("still one ticket").containsExactly(ticket);

        host.df.set(FakeHost.DF_OK);
        JsonNode third = round(admin, "DAILY", ssh);
        assertThat(item(third, ssh, "DISK_USAGE").get("result").asString()).isEqualTo("PASS");
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(ticket).contains("INSPECTION_PASSED"));
        assertThat(tickets(ssh)).containsExactly(ticket);
        host.df.set(FakeHost.DF_FULL);

        // The ticket page links back to the round that opened it and to the one that saw the check pass again.
        org.medops.testing.ConsoleSession console = new org.medops.testing.ConsoleSession(port)
                .login("admin", MedopsTest.ADMIN_PASSWORD);
        String page = console.get("/opsdesk/tickets/" + ticket).body();
        assertThat(page).contains("id=\"ticket-inspection-rounds\"",
                "href=\"/inspection/rounds/" + first.get("id").asLong() + "\"",
                "href=\"/inspection/rounds/" + first.get("id").asLong() + "/report\"",
                "href=\"/inspection/rounds/" + third.get("id").asLong() + "\"", "巡检轮次 #" + first.get("id").asLong());
    }

    List<Long> tickets(String target) {
        return jdbc.sql("select distinct ticket_id from inspection_ticket_links where target_code = :t and check_code = 'DISK_USAGE'")
                .param("t", target).query(Long.class).list();
    }

    List<String> kinds(long ticket) {
        return jdbc.sql("select kind from ticket_events where ticket_id = :id order by id").param("id", ticket)
                .query(String.class).list();
    }

    @Test
    void anUnreachableHostGivesErrorsWithinTheLimitAndNeverStallsTheRound() {
        Api admin = admin();
        String deadSsh = code("dead-ssh");
        String deadDb = code("dead-db");
        Api.Response saved = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "不应答的主机", "kind": "SSH",
                 "connection": {"host": "127.0.0.1", "port": %d, "username": "x", "password": "y"}}"""
                .formatted(deadSsh, silent.getLocalPort()));
        assertThat(saved.status()).as("saved even though the test fails").isEqualTo(201);
        assertThat(saved.json().get("test").get("ok").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "不应答的数据库", "kind": "POSTGRESQL",
                 "connection": {"url": "jdbc:postgresql://127.0.0.1:%d/his", "username": "x", "password": "y"}}"""
                .formatted(deadDb, silent.getLocalPort())).status()).isEqualTo(201);
        long started = System.nanoTime();
        JsonNode round = round(admin, "DAILY", deadSsh, deadDb);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("connect limits of 5 s, checks in parallel").isLessThan(Duration.ofSeconds(25));
        assertThat(round.get("items")).isNotEmpty();
        for (JsonNode item : round.get("items")) {
            assertThat(item.get("result").asString()).as(item.toString()).isEqualTo("ERROR");
            assertThat(item.get("value").asString()).isNotBlank();
        }
    }

    @Test
    void thisMachinesPostgresqlAsARealTarget() {
        Assumptions.assumeTrue(reachable(5432), () -> {
            System.err.println("SKIPPED: no PostgreSQL on 127.0.0.1:5432 — the real JDBC target check did not run");
            return "no PostgreSQL on 127.0.0.1:5432";
        });
        Api admin = admin();
        String pg = code("pg");
        Api.Response saved = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "本机 PostgreSQL", "kind": "POSTGRESQL",
                 "connection": {"url": "jdbc:postgresql://127.0.0.1:5432/test", "username": "postgres", "password": "unused"},
                 "checks": [{"check": "QUEUE_DEPTH", "query": "select 3", "warnAt": 2}]}""".formatted(pg));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("test").get("ok").asBoolean()).as(saved.body()).isTrue();
        JsonNode round = round(admin, "QUARTERLY", pg);
        assertThat(item(round, pg, "DB_UP").get("result").asString()).isEqualTo("PASS");
        assertThat(item(round, pg, "DB_UP").get("value").asString()).startsWith("PostgreSQL");
        assertThat(item(round, pg, "CONNECTIONS").get("value").asString()).matches("\\d+/\\d+ \\(.*%\\)");
        assertThat(item(round, pg, "REPLICATION").get("value").asString()).startsWith("primary");
        assertThat(item(round, pg, "DB_SIZE").get("evidence").asString()).contains("pg_database_size");
        assertThat(item(round, pg, "QUEUE_DEPTH").get("result").asString()).isEqualTo("WARN");
        assertThat(item(round, pg, "LONG_TRANSACTIONS").get("result").asString()).isNotEqualTo("ERROR");
        assertThat(item(round, pg, "BLOAT").get("result").asString()).isNotEqualTo("ERROR");
    }

    @Test
    void thisMachinesMariadbAsARealTarget() {
        Assumptions.assumeTrue(reachable(3306), () -> {
            System.err.println("SKIPPED: no MariaDB/MySQL on 127.0.0.1:3306 — the real MySQL target check did not run");
            return "no MariaDB on 127.0.0.1:3306";
        });
        Api admin = admin();
        String my = code("mysql");
        Api.Response saved = admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "本机 MariaDB", "kind": "MYSQL",
                 "connection": {"url": "jdbc:mysql://127.0.0.1:3306/", "username": "root"}}""".formatted(my));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("test").get("ok").asBoolean()).as(saved.body()).isTrue();
        JsonNode round = round(admin, "DATABASE", my);
        assertThat(item(round, my, "DB_UP").get("value").asString()).containsIgnoringCase("mariadb");
        assertThat(item(round, my, "CONNECTIONS").get("result").asString()).isEqualTo("PASS");
        assertThat(item(round, my, "REPLICATION").get("value").asString()).isEqualTo("not a replica");
        assertThat(item(round, my, "DB_SIZE").get("result").asString()).isEqualTo("PASS");
        assertThat(item(round, my, "LONG_TRANSACTIONS").get("result").asString()).isNotEqualTo("ERROR");
    }

    @Test
    void aKubernetesClusterFromFabric8sMockServer() {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            server.expect().get().withPath("/api/v1/nodes").andReturn(200, new NodeListBuilder()
                    .addToItems(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewStatus()
                            .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build())
                    .addToItems(new NodeBuilder().withNewMetadata().withName("node-2").endMetadata().withNewStatus()
                            .addNewCondition().withType("Ready").withStatus("False").endCondition().endStatus().build())
                    .build()).always();
            server.expect().get().withPath("/apis/apps/v1/namespaces/his/deployments").andReturn(200,
                    new DeploymentListBuilder().addToItems(new DeploymentBuilder().withNewMetadata().withName("his-api")
                            .withNamespace("his").endMetadata().withNewSpec().withReplicas(3).endSpec().withNewStatus()
                            .withReadyReplicas(3).endStatus().build()).build()).always();
            server.expect().get().withPath("/api/v1/pods").andReturn(200, new PodListBuilder().addToItems(
                    new PodBuilder().withNewMetadata().withName("his-api-1").withNamespace("his").endMetadata()
                            .withNewStatus().withPhase("Running").addNewContainerStatus().withName("api")
                            .withRestartCount(14).withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                            .endWaiting().endState().endContainerStatus().endStatus().build()).build()).always();

            Api admin = admin();
            String k8s = code("k8s");
            Api.Response saved = admin.post("/api/v1/inspection/targets", """
                    {"code": "%s", "name": "外联平台集群", "kind": "KUBERNETES",
                     "connection": {"url": "%s", "token": "mock-token"},
                     "checks": [{"check": "K8S_DEPLOYMENTS", "namespaces": ["his"]}]}"""
                    .formatted(k8s, client.getMasterUrl()));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            JsonNode round = round(admin, "QUARTERLY", k8s);
            assertThat(item(round, k8s, "K8S_NODES").get("result").asString()).isEqualTo("FAIL");
            assertThat(item(round, k8s, "K8S_NODES").get("value").asString()).isEqualTo("1/2 node-2");
            assertThat(item(round, k8s, "K8S_DEPLOYMENTS").get("result").asString()).isEqualTo("PASS");
            assertThat(item(round, k8s, "K8S_PODS").get("result").asString()).isEqualTo("FAIL");
            assertThat(item(round, k8s, "K8S_PODS").get("evidence").asString()).contains("his/his-api-1", "CrashLoopBackOff");
        } finally {
            server.destroy();
        }
    }

    @Test
    void aRoundAbandonedByACrashIsFinishedAsInterrupted() {
        Api admin = admin();
        String medops = code("medops");
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "MedOps 本机", "kind": "MEDOPS"}""".formatted(medops)).status()).isEqualTo(201);
        Instant long_ago = Instant.now().minus(Duration.ofMinutes(30));
        long id = jdbc.sql("""
                        insert into inspection_rounds(template, status, trigger, targets, started_by, started_at, heartbeat_at)
                        values ('DATABASE', 'RUNNING', 'MANUAL', cast(:targets as jsonb), 'admin', :at, :at) returning id""")
                .param("targets", "[\"" + medops + "\"]").param("at", Timestamp.from(long_ago)).query(Long.class).single();
        jdbc.sql("""
                        insert into inspection_items(round_id, target_code, check_code, result, value, checked_at)
                        values (:id, :t, 'DB_UP', 'PASS', 'PostgreSQL', :at)""")
                .param("id", id).param("t", medops).param("at", Timestamp.from(long_ago)).update();

        assertThat(recovery.sweep()).isGreaterThanOrEqualTo(1);
        JsonNode round = admin.get("/api/v1/inspection/rounds/" + id).json();
        assertThat(round.get("status").asString()).isEqualTo("DONE");
        assertThat(item(round, medops, "DB_UP").get("result").asString()).isEqualTo("PASS");
        JsonNode cut = item(round, medops, "CONNECTIONS");
        assertThat(cut.get("result").asString()).isEqualTo("ERROR");
        assertThat(cut.get("evidence").asString()).contains("interrupted");
        assertThat(round.get("items")).hasSize(6);
    }

    @Test
    void theMedopsTargetChecksItsOwnDatabaseQueuesGatewayAndBackups() throws Exception {
        Api admin = admin();
        String medops = code("self");
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "%s", "name": "MedOps 本平台", "kind": "MEDOPS"}""".formatted(medops)).status()).isEqualTo(201);
        JsonNode round = round(admin, null, medops);
        assertThat(item(round, medops, "DB_UP").get("result").asString()).isEqualTo("PASS");
        assertThat(item(round, medops, "QUEUE_DEPTH").get("result").asString()).isNotEqualTo("ERROR");
        // Gateway nodes and backups are whatever the shared test context left (other tests register nodes and take
        // backups), so these two are checked to be measured, not for one result.
        assertThat(item(round, medops, "GATEWAY_NODES").get("result").asString()).isNotEqualTo("ERROR");
        assertThat(item(round, medops, "BACKUP_FRESHNESS").get("result").asString()).isIn("PASS", "FAIL");
        assertThat(item(round, medops, "BACKUP_FRESHNESS").get("evidence").asString()).contains("backups/medops-*");
        JsonNode page = admin.get("/api/v1/inspection/rounds?size=5").json();
        assertThat(page.get("rows")).isNotEmpty();
        assertThat(page.get("rows").get(0).get("id").asLong()).isEqualTo(round.get("id").asLong());
    }

    @Test
    void badInputIsAProblemNeverA500() {
        Api admin = admin();
        Api.Response kind = admin.post("/api/v1/inspection/targets", """
                {"code": "x1", "name": "x", "kind": "ORACLE"}""");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.contentType()).contains("problem+json");
        assertThat(kind.json().get("code").asString()).isEqualTo("inspection-target-kind");
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "x2", "name": "x", "kind": "SSH", "connection": {"host": "h"}}""").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "x3", "name": "x", "kind": "POSTGRESQL", "connection": {"url": "jdbc:h2:mem:x"}}""").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/inspection/targets", """
                {"code": "x4", "name": "x", "kind": "MEDOPS", "checks": [{"check": "K8S_NODES"}]}""").json().get("code")
                .asString()).isEqualTo("inspection-check-unknown");
        assertThat(admin.post("/api/v1/inspection/targets", "{not json").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inspection/targets/no-such-target").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/inspection/rounds/999999999").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/inspection/rounds", "{\"template\": \"WEEKLY\"}").json().get("code").asString())
                .isEqualTo("inspection-template");
        assertThat(admin.post("/api/v1/inspection/rounds", "{\"targets\": [\"no-such-target\"]}").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/inspection/rounds?size=1000").status()).isEqualTo(400);
    }

    static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
