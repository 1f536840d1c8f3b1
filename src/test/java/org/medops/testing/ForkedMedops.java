package org.medops.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * MedOps in a JVM of its own, started from the test class path as an operator starts the jar, so
 * that a test can kill it (SIGKILL), or its PostgreSQL, and start it again on the same data directory.
 */
public final class ForkedMedops implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path dataDir;
    private final int consolePort;
    private final int gatewayPort;

    private ForkedMedops(Process process, Path output, Path dataDir, int consolePort, int gatewayPort) {
        this.process = process;
        this.output = output;
        this.dataDir = dataDir;
        this.consolePort = consolePort;
        this.gatewayPort = gatewayPort;
    }

    public static ForkedMedops start(Path dataDir, int consolePort, int gatewayPort, String name, String... extra)
            throws IOException {
        Files.createDirectories(Path.of("target", "forked"));
        Path output = Path.of("target", "forked", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx448m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.medops.MedopsApplication",
                "--medops.db.data-dir=" + dataDir, "--medops.db.url=", "--server.port=" + consolePort,
                "--medops.gateway.port=" + gatewayPort, "--medops.admin.initial-password=" + MedopsTest.ADMIN_PASSWORD,
                "--medops.secret-key=q83vEjRWeJHL5UgOtFmq0ffHL7rtTTJ3h6mqGxhp9WU=", "--medops.demo=false",
                // As in the test configuration: the forked tests sign administrators in with a password; TwoFactorIT
                // proves the enforcement.
                "--medops.identity.two-factor.enforce=false",
                "--logging.level.root=warn", "--logging.level.org.medops=info", "--spring.main.banner-mode=off"));
        // An extra option replaces a default of the same name (e.g. --medops.db.url= for an external database):
        // Spring would otherwise join both values with a comma.
        for (String option : extra) {
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                String key = option.substring(0, equals + 1);
                command.removeIf(o -> o.startsWith(key));
            }
        }
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        builder.environment().remove("MEDOPS_DB_URL");
        builder.environment().remove("MEDOPS_DATA_DIR");
        return new ForkedMedops(builder.start(), output, dataDir, consolePort, gatewayPort);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health} answers UP; false if the process died or time ran out. */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            if (health().status() == 200) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    public HealthReply health() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + consolePort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new HealthReply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new HealthReply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthReply(-1, e.toString());
        }
    }

    public record HealthReply(int status, String body) {
    }

    /** kill -9: no shutdown hook, no flush, exactly as the operating system's OOM killer does it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to end on its own; its exit code, or -1 if it was still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public int consolePort() {
        return consolePort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** The pid in the cluster's postmaster.pid: the embedded PostgreSQL server, if one runs. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(0).trim());
    }

    /** A connection to the embedded database, as an operator makes one: its port and the password file. */
    public Connection database() throws IOException, SQLException {
        int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(3).trim());
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", Files.readString(dataDir.resolve("pg-password")).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
