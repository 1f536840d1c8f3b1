package org.medops.identity;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * API keys of service accounts: random, stored only as hashes, each with its scopes, an expiry and a revocation.
 * Checked on every call, so expiry and revocation take effect at once.
 */
@Repository
class ApiKeys {

    static final String PREFIX = "mdk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Key(long id, String account, String name, Set<String> scopes, String issuedBy, Instant issuedAt,
               Instant expiresAt, Instant revokedAt, String revokedBy) {
        boolean live(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** The new key in clear, returned this once, and its id. */
    record Issued(long id, String key) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", key=******]";
        }
    }

    static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    Issued issue(long userId, String name, Set<String> scopes, Instant expiresAt, String by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into api_keys(user_id, name, key_hash, scopes, issued_by, issued_at, expires_at)
                        values (:user, :name, :hash, string_to_array(:scopes, ','), :by, :now, :until)""")
                .param("user", userId).param("name", name).param("hash", ApiTokens.hash(key))
                .param("scopes", String.join(",", new TreeSet<>(scopes))).param("by", by)
                .param("now", Timestamp.from(clock.instant())).param("until", Timestamp.from(expiresAt))
                .update(keys, "id");
        return new Issued(keys.getKey().longValue(), key);
    }

    /** The live key's account and scopes; empty for an unknown, expired or revoked key. */
    Optional<Key> live(String key) {
        return jdbc.sql(SELECT + " where k.key_hash = :hash and k.revoked_at is null and k.expires_at > :now")
                .param("hash", ApiTokens.hash(key)).param("now", Timestamp.from(clock.instant()))
                .query(this::map).optional();
    }

    List<Key> of(long userId) {
        return jdbc.sql(SELECT + " where k.user_id = :user order by k.id desc").param("user", userId)
                .query(this::map).list();
    }

    Optional<Key> find(long id) {
        return jdbc.sql(SELECT + " where k.id = :id").param("id", id).query(this::map).optional();
    }

    boolean revoke(long id, String by) {
        return jdbc.sql("update api_keys set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("id", id).param("by", by).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    private static final String SELECT = """
            select k.*, u.username from api_keys k join users u on u.id = k.user_id""";

    private Key map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Array scopes = rs.getArray("scopes");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Key(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                new TreeSet<>(List.of((String[]) scopes.getArray())), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }
}
