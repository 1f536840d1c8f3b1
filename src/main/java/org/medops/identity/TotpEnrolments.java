package org.medops.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's TOTP secret (sealed), whether it is confirmed, the last step used, and its recovery codes (hashed). */
@Repository
class TotpEnrolments {

    private final JdbcClient jdbc;

    TotpEnrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Enrolment(long userId, String sealedSecret, Instant confirmedAt, long lastStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    Optional<Enrolment> find(long userId) {
        return jdbc.sql("select user_id, secret, confirmed_at, last_step from user_totp where user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new Enrolment(rs.getLong("user_id"), rs.getString("secret"),
                        rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getLong("last_step")))
                .optional();
    }

    boolean confirmed(long userId) {
        return jdbc.sql("select exists (select 1 from user_totp where user_id = :user and confirmed_at is not null)")
                .param("user", userId).query(Boolean.class).single();
    }

    /** A new, unconfirmed secret with new recovery codes; whatever was there before is gone. */
    void begin(long userId, String sealedSecret, List<String> recoveryCodeHashes, Instant now) {
        remove(userId);
        jdbc.sql("insert into user_totp(user_id, secret, created_at) values (:user, :secret, :now)")
                .param("user", userId).param("secret", sealedSecret).param("now", Timestamp.from(now)).update();
        for (String hash : recoveryCodeHashes) {
            jdbc.sql("insert into user_recovery_codes(user_id, code_hash) values (:user, :hash)")
                    .param("user", userId).param("hash", hash).update();
        }
    }

    void confirm(long userId, Instant now) {
        jdbc.sql("update user_totp set confirmed_at = :now where user_id = :user")
                .param("user", userId).param("now", Timestamp.from(now)).update();
    }

    /** Takes the time step for good; false when it (or a later one) was used already: a code works once. */
    boolean useStep(long userId, long step) {
        return jdbc.sql("update user_totp set last_step = :step where user_id = :user and last_step < :step")
                .param("user", userId).param("step", step).update() == 1;
    }

    /** Spends a recovery code; false when there is no such unused code. */
    boolean useRecoveryCode(long userId, String hash, Instant now) {
        return jdbc.sql("""
                        update user_recovery_codes set used_at = :now
                        where id = (select id from user_recovery_codes
                                    where user_id = :user and code_hash = :hash and used_at is null limit 1)""")
                .param("user", userId).param("hash", hash).param("now", Timestamp.from(now)).update() == 1;
    }

    int unusedRecoveryCodes(long userId) {
        return jdbc.sql("select count(*) from user_recovery_codes where user_id = :user and used_at is null")
                .param("user", userId).query(Integer.class).single();
    }

    boolean remove(long userId) {
        jdbc.sql("delete from user_recovery_codes where user_id = :user").param("user", userId).update();
        return jdbc.sql("delete from user_totp where user_id = :user").param("user", userId).update() == 1;
    }
}
