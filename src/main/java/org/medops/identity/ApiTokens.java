package org.medops.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bearer tokens for scripts: random, stored only as hashes, expiring. */
@Repository
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration superuserLifetime;

    /**
     * {@code superuserLifetime}: a superuser's token lives no longer than a superuser's console session idles
     * (账号分级: superuser sessions are shorter), unless set on its own.
     */
    ApiTokens(JdbcClient jdbc, Clock clock, @Value("${medops.api.token-lifetime:8h}") Duration lifetime,
              @Value("${medops.identity.superuser-token-lifetime:${medops.identity.superuser-session-timeout:15m}}")
              Duration superuserLifetime) {
        this.superuserLifetime = superuserLifetime.compareTo(lifetime) < 0 ? superuserLifetime : lifetime;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    IssuedToken issue(long userId) {
        return issue(userId, false, false);
    }

    /**
     * {@code enrolOnly}: the account must enrol its second factor, and this token opens only that;
     * {@code superuser}: a separated administrator's token, with the shorter lifetime.
     */
    IssuedToken issue(long userId, boolean enrolOnly, boolean superuser) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mdp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(superuser || enrolOnly ? superuserLifetime : lifetime);
        jdbc.sql("delete from api_tokens where expires_at < :now").param("now", Timestamp.from(now)).update();
        jdbc.sql("insert into api_tokens(token_hash, user_id, issued_at, expires_at, enrol_only) "
                        + "values (:hash, :user, :now, :until, :enrolOnly)")
                .param("enrolOnly", enrolOnly)
                .param("hash", hash(token))
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(expiresAt))
                .update();
        return new IssuedToken(token, expiresAt);
    }

    /** After a password change, reset or disabling, no token issued before it works any more. */
    void revokeAll(long userId) {
        jdbc.sql("delete from api_tokens where user_id = :user").param("user", userId).update();
    }

    /** Once the second factor is confirmed, the tokens that could only enrol are of no more use. */
    void revokeEnrolOnly(long userId) {
        jdbc.sql("delete from api_tokens where user_id = :user and enrol_only").param("user", userId).update();
    }

    /** The username a live token belongs to. */
    Optional<String> owner(String token) {
        return holder(token).map(Holder::username);
    }

    record Holder(String username, boolean enrolOnly) {
    }

    Optional<Holder> holder(String token) {
        return jdbc.sql("""
                        select u.username, t.enrol_only from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = :hash and t.expires_at > :now""")
                .param("hash", hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Holder(rs.getString("username"), rs.getBoolean("enrol_only"))).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedToken(String token, Instant expiresAt) {
    }
}
