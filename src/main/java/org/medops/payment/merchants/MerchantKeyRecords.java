package org.medops.payment.merchants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Merchants' sealed keys; the current one of a kind has no retirement. */
@Repository
class MerchantKeyRecords {

    private final JdbcClient jdbc;

    MerchantKeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sealed value of the current key of that kind. */
    record Sealed(String sealed, String serial) {
    }

    void rotate(String merchant, KeyKind kind, String sealed, String serial, String fingerprint, Instant expiresAt,
                String by, Instant at) {
        jdbc.sql("""
                        update payment_merchant_keys set retired_at = :at
                        where merchant = :merchant and kind = :kind and retired_at is null""")
                .param("at", Timestamp.from(at)).param("merchant", merchant).param("kind", kind.name()).update();
        jdbc.sql("""
                        insert into payment_merchant_keys(merchant, kind, sealed, serial, fingerprint, expires_at,
                            uploaded_by, uploaded_at)
                        values (:merchant, :kind, :sealed, :serial, :fingerprint, :expiresAt, :by, :at)""")
                .param("merchant", merchant).param("kind", kind.name()).param("sealed", sealed)
                .param("serial", serial).param("fingerprint", fingerprint)
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    Optional<Sealed> current(String merchant, KeyKind kind) {
        return jdbc.sql("""
                        select sealed, serial from payment_merchant_keys
                        where merchant = :merchant and kind = :kind and retired_at is null""")
                .param("merchant", merchant).param("kind", kind.name())
                .query((rs, row) -> new Sealed(rs.getString("sealed"), rs.getString("serial"))).optional();
    }

    /** Current keys first, then the retired ones, newest first. */
    List<MerchantKey> of(String merchant) {
        return jdbc.sql("""
                        select * from payment_merchant_keys where merchant = :merchant
                        order by retired_at is not null, kind, uploaded_at desc, id desc limit 100""")
                .param("merchant", merchant).query(this::map).list();
    }

    private MerchantKey map(ResultSet rs, int row) throws SQLException {
        return new MerchantKey(KeyKind.valueOf(rs.getString("kind")), rs.getString("serial"),
                rs.getString("fingerprint"), instant(rs, "expires_at"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
