package org.medops.inspection.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a {@code pg_dump} of the server's major version configured, backups are {@code pg_dump} custom format and the
 * check restores them with {@code pg_restore}: MedOps on a fresh database of this machine's PostgreSQL
 * (127.0.0.1:5432, whose version matches Debian's {@code /usr/bin/pg_dump}). Skipped loudly when that server or
 * {@code pg_dump} is not here.
 */
@MedopsTest
class BackupPgDumpIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "medops_pgdump_" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");
    private static final boolean AVAILABLE = available();

    @LocalServerPort
    int port;

    private static boolean available() {
        if (!Files.isExecutable(PG_DUMP)) {
            System.err.println("SKIPPED BackupPgDumpIT: no " + PG_DUMP);
            return false;
        }
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
             Statement sql = c.createStatement()) {
            var rs = sql.executeQuery("select current_setting('server_version_num')::int / 10000");
            rs.next();
            int server = rs.getInt(1);
            Integer tool = Backups.major(PG_DUMP);
            if (tool == null || tool != server) {
                System.err.println("SKIPPED BackupPgDumpIT: pg_dump " + tool + " does not match PostgreSQL " + server
                        + " on 127.0.0.1:5432");
                return false;
            }
            sql.execute("create database " + DATABASE);
            return true;
        } catch (SQLException e) {
            System.err.println("SKIPPED BackupPgDumpIT: PostgreSQL on 127.0.0.1:5432 not reachable: " + e.getMessage());
            return false;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        if (AVAILABLE) {
            properties.add("medops.db.url", () -> SERVER + DATABASE);
            properties.add("medops.db.username", () -> "postgres");
            properties.add("medops.db.password", () -> "");
            properties.add("medops.inspection.backups.pg-dump", PG_DUMP::toString);
        }
    }

    @BeforeAll
    static void onlyWhereItRuns() {
        Assumptions.assumeTrue(AVAILABLE, "PostgreSQL on 127.0.0.1:5432 with a matching pg_dump (see stderr)");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (AVAILABLE) {
            try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
                 Statement sql = c.createStatement()) {
                sql.execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    @Test
    void takesAPgDumpBackupAndChecksItWithPgRestore() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api.Response taken = admin.post("/api/v1/inspection/backups", "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        JsonNode backup = taken.json();
        assertThat(backup.get("status").asString()).as(backup.toString()).isEqualTo("DONE");
        assertThat(backup.get("format").asString()).isEqualTo("PG_DUMP");
        assertThat(backup.get("fileName").asString()).matches("medops-\\d{8}-\\d{6}(-\\d+)?\\.dump");
        assertThat(backup.get("tableCount").asInt()).isGreaterThan(50);

        Api.Response checked = admin.post("/api/v1/inspection/backups/check", "{\"backupId\": " + backup.get("id") + "}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(201);
        JsonNode report = admin.get("/api/v1/inspection/backups/checks/" + checked.json().get("id").asLong()).json();
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.get("restoredRows").asLong()).isEqualTo(backup.get("rowCount").asLong()).isPositive();
    }
}
