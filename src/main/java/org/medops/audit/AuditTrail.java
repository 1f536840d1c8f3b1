package org.medops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.medops.shared.CryptoSuite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only store of audit records. */
@Repository
class AuditTrail {

    /** Serializes appends across every node sharing the database, so the chain never forks. */
    private static final long CHAIN_LOCK = 0x4D65644F70734175L;

    /** Records per round trip while streaming an export: memory stays flat however long the trail is. */
    private static final int EXPORT_PAGE = 2000;
    /** Records per round trip while verifying the chain. */
    private static final int VERIFY_PAGE = 5000;

    private static final RowMapper<AuditRecord> ROWS = AuditTrail::map;

    private final JdbcClient jdbc;
    private final CryptoSuite.Digest digest;

    AuditTrail(JdbcClient jdbc, @Value("${medops.crypto.suite:international}") String suite) {
        this.jdbc = jdbc;
        this.digest = CryptoSuite.of(suite).digest();
    }

    /** Joins the caller's transaction, so a change and its trace commit or roll back together. */
    @Transactional(propagation = Propagation.REQUIRED)
    AuditRecord append(Instant at, String actor, String clientIp, String action, String targetType,
                       String targetId, String outcome, String details) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).single();
        ChainHead head = jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query(ChainHead.class).optional()
                .orElse(new ChainHead(0, AuditRecord.GENESIS));
        AuditRecord record = AuditRecord.next(head.seq() + 1, head.hash(), at, actor, clientIp, action,
                targetType, targetId, outcome, details, digest);
        jdbc.sql("""
                insert into audit_records(seq, occurred_at, actor, client_ip, action, target_type,
                    target_id, outcome, details, prev_hash, hash, hash_alg)
                values (:seq, :at, :actor, :clientIp, :action, :targetType, :targetId, :outcome, :details,
                    :prevHash, :hash, :alg)""")
                .param("seq", record.seq())
                .param("at", Timestamp.from(record.occurredAt()))
                .param("actor", record.actor())
                .param("clientIp", record.clientIp())
                .param("action", record.action())
                .param("targetType", record.targetType())
                .param("targetId", record.targetId())
                .param("outcome", record.outcome())
                .param("details", record.details())
                .param("prevHash", record.prevHash())
                .param("hash", record.hash())
                .param("alg", record.algorithm())
                .update();
        jdbc.sql("""
                insert into audit_chain_head(id, seq, hash) values (1, :seq, :hash)
                on conflict (id) do update set seq = excluded.seq, hash = excluded.hash""")
                .param("seq", record.seq())
                .param("hash", record.hash())
                .update();
        return record;
    }

    ChainHead head() {
        return jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query(ChainHead.class).optional().orElse(new ChainHead(0, AuditRecord.GENESIS));
    }

    /**
     * Whether the chain runs unbroken from record {@code fromSeq} (which must still carry {@code fromHash};
     * 0 and the genesis hash for the start) to {@code head}: every record intact, contiguous and linked.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    boolean continues(long fromSeq, String fromHash, ChainHead head) {
        if (fromSeq > 0) {
            String stored = jdbc.sql("select hash from audit_records where seq = :seq").param("seq", fromSeq)
                    .query(String.class).optional().orElse(null);
            if (!fromHash.equals(stored)) {
                return false;
            }
        }
        long expectedSeq = fromSeq + 1;
        String expectedPrev = fromHash;
        while (expectedSeq <= head.seq()) {
            List<AuditRecord> page = page(expectedSeq, head.seq());
            if (page.isEmpty()) {
                return false;
            }
            for (AuditRecord record : page) {
                if (record.seq() != expectedSeq || !record.intact() || !record.prevHash().equals(expectedPrev)) {
                    return false;
                }
                expectedSeq++;
                expectedPrev = record.hash();
            }
        }
        return expectedPrev.equals(head.hash());
    }

    /**
     * Walks the whole chain in order, in pages, so memory stays flat however long the trail is, and
     * reports every broken range, not just the first; each record is also held against the signed
     * checkpoints kept outside the database. One snapshot for the whole walk: records appended meanwhile
     * are neither seen nor mistaken for damage.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ChainVerification verify(ChainAnchor.Checkpoints checkpoints) {
        ChainHead head = head();
        ChainVerification.Ranges broken = new ChainVerification.Ranges();
        ChainVerification.Algorithms algorithms = new ChainVerification.Algorithms();
        long expectedSeq = 1;
        String expectedPrev = AuditRecord.GENESIS;
        long checked = 0;
        int anchorsMatched = 0;
        Long lastGoodAnchor = 0L;
        Long mismatchRunEnd = null;
        while (true) {
            List<AuditRecord> page = page(expectedSeq, Long.MAX_VALUE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord record : page) {
                boolean gap = record.seq() != expectedSeq;
                if (gap) {
                    broken.add(expectedSeq, record.seq() - 1, "record-missing");
                }
                if (!record.intact()) {
                    broken.add(record.seq(), record.seq(), "content-altered");
                } else if (!gap && !record.prevHash().equals(expectedPrev)) {
                    // After a gap the link cannot match; the gap is the damage already reported.
                    broken.add(record.seq(), record.seq(), "link-broken");
                }
                Checkpoint anchor = checkpoints.valid().get(record.seq());
                if (anchor != null) {
                    if (anchor.hash().equals(record.hash())) {
                        anchorsMatched++;
                        if (mismatchRunEnd != null) {
                            broken.add(lastGoodAnchor + 1, mismatchRunEnd, "checkpoint-mismatch");
                            mismatchRunEnd = null;
                        }
                        lastGoodAnchor = record.seq();
                    } else {
                        mismatchRunEnd = record.seq();
                    }
                }
                algorithms.add(record.seq(), record.algorithm());
                checked++;
                expectedSeq = record.seq() + 1;
                expectedPrev = record.hash();
            }
        }
        if (mismatchRunEnd != null) {
            broken.add(lastGoodAnchor + 1, mismatchRunEnd, "checkpoint-mismatch");
        }
        long lastSeq = expectedSeq - 1;
        if (head.seq() > lastSeq) {
            broken.add(lastSeq + 1, head.seq(), "tail-truncated");
        } else if (head.seq() < lastSeq) {
            broken.add(head.seq() + 1, lastSeq, "head-mismatch");
        } else if (!head.hash().equals(expectedPrev)) {
            broken.add(lastSeq, lastSeq, "head-mismatch");
        }
        if (!checkpoints.valid().isEmpty() && checkpoints.valid().lastKey() > lastSeq) {
            broken.add(lastSeq + 1, checkpoints.valid().lastKey(), "checkpoint-beyond-head");
        }
        for (Long seq : checkpoints.invalidSeqs()) {
            broken.add(Math.max(seq, 0), Math.max(seq, 0), "checkpoint-invalid");
        }
        return ChainVerification.of(checked, broken, anchorsMatched, checkpoints.newest().orElse(null), algorithms);
    }

    private List<AuditRecord> page(long fromSeq, long toSeq) {
        return jdbc.sql("select * from audit_records where seq >= :from and seq <= :to order by seq limit :size")
                .param("from", fromSeq).param("to", toSeq).param("size", VERIFY_PAGE).query(ROWS).list();
    }

    @Transactional(readOnly = true)
    List<AuditRecord> search(AuditQuery query, int limit, Long beforeSeq) {
        StringBuilder sql = new StringBuilder("select * from audit_records where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        query.actorName().ifPresent(actor -> {
            sql.append(" and actor = :actor");
            params.addValue("actor", actor);
        });
        query.actionPrefix().ifPresent(action -> {
            sql.append(" and action like :action");
            params.addValue("action", escapeLike(action) + "%");
        });
        query.targetText().ifPresent(target -> {
            sql.append(" and (target_id = :target or target_type = :target)");
            params.addValue("target", target);
        });
        if (beforeSeq != null) {
            sql.append(" and seq < :before");
            params.addValue("before", beforeSeq);
        }
        sql.append(" order by seq desc limit :limit");
        params.addValue("limit", limit);
        return jdbc.sql(sql.toString()).paramSource(params).query(ROWS).list();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Streams every matching record, newest first, for export. */
    @Transactional(readOnly = true)
    void forEach(AuditQuery query, Consumer<AuditRecord> consumer) {
        Long before = null;
        while (true) {
            List<AuditRecord> page = search(query, EXPORT_PAGE, before);
            page.forEach(consumer);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            before = page.get(page.size() - 1).seq();
        }
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("client_ip"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"),
                rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("hash_alg"));
    }

    record ChainHead(long seq, String hash) {
    }
}
