package org.medops.integration.interop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The interop port's callers: one credential per registered system, the password sealed. */
@Repository
class CredentialStore {

    /** A stored credential; {@code secret} is sealed with {@code Secrets} and never leaves this module. */
    record Stored(String systemCode, String username, String secret, Instant issuedAt, String issuedBy,
                  Instant lastUsedAt) {
    }

    private static final String SELECT = """
            select system_code, username, secret, issued_at, issued_by, last_used_at from integration_system_credentials""";

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> all() {
        return jdbc.sql(SELECT + " order by system_code").query(Stored.class).list();
    }

    Optional<Stored> bySystem(String system) {
        return jdbc.sql(SELECT + " where system_code = :system").param("system", system).query(Stored.class).optional();
    }

    Optional<Stored> byUsername(String username) {
        return jdbc.sql(SELECT + " where username = :username").param("username", username).query(Stored.class)
                .optional();
    }

    void put(String system, String username, String sealed, Instant at, String by) {
        jdbc.sql("""
                        insert into integration_system_credentials(system_code, username, secret, issued_at, issued_by)
                        values (:system, :username, :secret, :at, :by)
                        on conflict (system_code) do update set username = excluded.username, secret = excluded.secret,
                            issued_at = excluded.issued_at, issued_by = excluded.issued_by, last_used_at = null""")
                .param("system", system).param("username", username).param("secret", sealed)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    boolean remove(String system) {
        return jdbc.sql("delete from integration_system_credentials where system_code = :system")
                .param("system", system).update() > 0;
    }

    /** Marks the use at most once a minute, so that a busy caller does not write a row per call. */
    void used(String system, Instant at) {
        jdbc.sql("""
                        update integration_system_credentials set last_used_at = :at
                        where system_code = :system and (last_used_at is null or last_used_at < cast(:at as timestamptz) - interval '1 minute')""")
                .param("system", system).param("at", Timestamp.from(at)).update();
    }
}
