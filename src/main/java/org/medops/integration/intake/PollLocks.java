package org.medops.integration.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One node polls a database or file source at a time: a transaction-scoped PostgreSQL advisory lock per channel,
 * taken without waiting at the start of each poll (a node that does not get it skips the round) and released at its
 * end, so a directory on shared storage or a query's rows are not read by two nodes at once.
 */
@Repository
public class PollLocks {

    /** The first key of the two-key advisory lock, so these locks never collide with others' one-key locks. */
    private static final int NAMESPACE = 2613;

    private final JdbcClient jdbc;

    PollLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: the lock lasts until it ends. */
    public boolean tryLock(String channel) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:namespace, hashtext(:channel))")
                .param("namespace", NAMESPACE).param("channel", channel).query(Boolean.class).single());
    }
}
