package org.medops.signature.ca;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CA's root and the signers' keys and certificates; private keys only as sealed by shared.Secrets. */
@Repository
class Authority {

    /** Serializes the first use of the CA and each signer's first key across nodes. */
    private static final long CA_LOCK = 0x4D65644F70734341L;

    private final JdbcClient jdbc;

    Authority(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String certificate, String sealedKey) {
    }

    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CA_LOCK).query(Object.class).single();
    }

    Optional<Stored> root() {
        return jdbc.sql("select certificate, sealed_private_key from signature_authority where id = 1")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    void saveRoot(String certificate, String sealedKey, Instant at) {
        jdbc.sql("""
                insert into signature_authority(id, certificate, sealed_private_key, created_at)
                values (1, :certificate, :key, :at)""")
                .param("certificate", certificate).param("key", sealedKey).param("at", Timestamp.from(at)).update();
    }

    Optional<Stored> signer(String username) {
        return jdbc.sql("select certificate, sealed_private_key from signature_signers where username = :username")
                .param("username", username).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    /** An expired certificate's key is replaced; the signatures it made keep their certificate inside the PDF. */
    void deleteSigner(String username) {
        jdbc.sql("delete from signature_signers where username = :username").param("username", username).update();
    }

    void saveSigner(String username, String name, String serial, String certificate, String sealedKey, Instant at) {
        jdbc.sql("""
                insert into signature_signers(username, name, serial, certificate, sealed_private_key, issued_at)
                values (:username, :name, :serial, :certificate, :key, :at)""")
                .param("username", username).param("name", name).param("serial", serial)
                .param("certificate", certificate).param("key", sealedKey).param("at", Timestamp.from(at)).update();
    }
}
