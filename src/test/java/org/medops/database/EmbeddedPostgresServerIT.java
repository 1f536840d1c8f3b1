package org.medops.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server against real PostgreSQL processes: password, leftovers, ownership. */
class EmbeddedPostgresServerIT {

    private static final EmbeddedPostgresServer.Options OPTIONS = new EmbeddedPostgresServer.Options(0,
            Duration.ofSeconds(60), Duration.ofSeconds(1), "on");

    @TempDir
    Path dataDir;

    @Test
    void requiresTheGeneratedPasswordKeptOwnerOnly() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, OPTIONS)) {
            Path file = dataDir.resolve("pg-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file).trim()).isEqualTo(server.password()).hasSizeGreaterThan(40);
            assertRefusedWithoutPassword(server.port());
            try (Connection c = connect(server.port(), server.password())) {
                for (String durability : List.of("synchronous_commit", "fsync")) {
                    assertThat(c.createStatement().executeQuery("show " + durability)).satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getString(1)).as(durability).isEqualTo("on");
                    });
                }
            }
        }
    }

    @Test
    void migratesAClusterThatTrustedEveryLocalConnection() throws Exception {
        Path cluster = dataDir.resolve("pg");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            try (Connection c = DriverManager.getConnection(legacy.getJdbcUrl("postgres", "postgres"))) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('from before')");
            }
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, OPTIONS)) {
            assertThat(Files.readString(cluster.resolve("pg_hba.conf")))
                    .startsWith(ClusterPassword.HBA_MARKER).doesNotContainPattern("(?m)^[^#].*trust");
            assertRefusedWithoutPassword(server.port());
            try (Connection c = connect(server.port(), server.password())) {
                var rs = c.createStatement().executeQuery("select v from kept");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("from before");
            }
        }
        // And a second start of the migrated cluster needs no further change.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, OPTIONS);
             Connection c = connect(again.port(), again.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void startsOverAStalePidFileWhosePidNowBelongsToAnotherProcess() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, OPTIONS)) {
            assertThat(first.postmasterPid()).isPositive();
        }
        // As after a crash of the whole host: the file names a pid now used by something else (us).
        Path cluster = dataDir.resolve("pg");
        Files.writeString(cluster.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + cluster
                + "\n1700000000\n5432\n/tmp\nlocalhost\n  5432001    0\nready   \n", StandardCharsets.UTF_8);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, OPTIONS);
             Connection c = connect(server.port(), server.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void refusesADataDirectoryThatALiveMedopsOwns() throws Exception {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(dataDir, OPTIONS)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, OPTIONS))
                    .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running MedOps")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            try (Connection c = connect(owner.port(), owner.password())) {
                assertThat(c.isValid(2)).as("the owner's server is untouched").isTrue();
            }
        }
    }

    @Test
    void startsTheServerAgainWhenItDiesWhileMedopsRuns() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, OPTIONS)) {
            long pid = server.postmasterPid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.postmasterPid() != pid && canConnect(server));
        }
    }

    private static boolean canConnect(EmbeddedPostgresServer server) {
        try (Connection c = connect(server.port(), server.password())) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(port, "wrong").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }
}
