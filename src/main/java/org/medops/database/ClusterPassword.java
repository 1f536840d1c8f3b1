package org.medops.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password: generated once, kept owner-only beside the cluster,
 * and required (SCRAM-SHA-256) for every connection, local socket and loopback alike. The library
 * creates clusters with {@code trust}; {@link #secure} turns such a cluster, new or years old, into
 * a password-protected one before the server accepts its first connection, so there is no window
 * in which anyone on the host could connect without the password.
 */
final class ClusterPassword {

    private static final Logger log = LoggerFactory.getLogger(ClusterPassword.class);

    static final String FILE_NAME = "pg-password";
    /** The first line of a pg_hba.conf written by MedOps; without it the file is the library's {@code trust}. */
    static final String HBA_MARKER = "# MedOps: every connection authenticates with the generated password (SCRAM-SHA-256).";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final String password;
    private final boolean generated;

    private ClusterPassword(Path file, String password, boolean generated) {
        this.file = file;
        this.password = password;
        this.generated = generated;
    }

    /** Reads {@code data/pg-password}, or generates it (256 random bits) on first start. */
    static ClusterPassword loadOrGenerate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            if (!OWNER_ONLY.equals(Files.getPosixFilePermissions(file))) {
                log.warn("{} was readable by others; restricting it to its owner (600)", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!password.isEmpty()) {
                return new ClusterPassword(file, password, false);
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + temp, e);
        }
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ClusterPassword(file, password, true);
    }

    String value() {
        return password;
    }

    Path file() {
        return file;
    }

    /**
     * Runs while no server is up (after initdb, before start): sets the password in single-user mode
     * and replaces pg_hba.conf, when the cluster still trusts or the password was just generated.
     */
    void secure(Path cluster, PostgresBinaries binaries) {
        try {
            Path hba = cluster.resolve("pg_hba.conf");
            boolean ours = Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
            if (ours && !generated) {
                return;
            }
            log.info(ours ? "Embedded PostgreSQL: setting the newly generated password"
                    : "Embedded PostgreSQL: the cluster trusts local connections; setting a generated password "
                    + "(kept in {}) and requiring SCRAM-SHA-256", file);
            // stdin, not the command line: the password never shows in the process list.
            PostgresBinaries.Result result = binaries.run(binaries.command("postgres", "--single", "-D",
                            cluster.toString(), "-F", "-c", "exit_on_error=true", "-c", "password_encryption=scram-sha-256",
                            "postgres"),
                    "ALTER ROLE postgres WITH PASSWORD '" + password + "';\n", Duration.ofMinutes(2));
            if (!result.ok()) {
                throw new IllegalStateException("Setting the embedded PostgreSQL password failed (exit "
                        + result.exitCode() + "): " + result.output());
            }
            Path temp = cluster.resolve("pg_hba.conf.medops");
            Files.writeString(temp, HBA_MARKER + "\n" + """
                    # TYPE  DATABASE     USER  ADDRESS       METHOD
                    local   all          all                 scram-sha-256
                    host    all          all   127.0.0.1/32  scram-sha-256
                    host    all          all   ::1/128       scram-sha-256
                    local   replication  all                 scram-sha-256
                    host    replication  all   127.0.0.1/32  scram-sha-256
                    host    replication  all   ::1/128       scram-sha-256
                    """, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, OWNER_ONLY);
            Files.move(temp, hba, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot secure the embedded PostgreSQL cluster in " + cluster, e);
        }
    }
}
