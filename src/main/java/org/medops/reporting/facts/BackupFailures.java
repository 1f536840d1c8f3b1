package org.medops.reporting.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BackupFailures {

    private final JdbcClient jdbc;

    BackupFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long roundId, String target, String check, String value, Instant at) {
        jdbc.sql("""
                        insert into reporting_backup_failures(round_id, target, check_code, value, failed_at)
                        values (:round, :target, :check, :value, :at) on conflict do nothing""")
                .param("round", roundId).param("target", target).param("check", check).param("value", value)
                .param("at", Timestamp.from(at)).update();
    }

    List<BackupFailure> between(Instant from, Instant to) {
        return jdbc.sql("""
                        select id, round_id, target, check_code, value, failed_at from reporting_backup_failures
                        where failed_at >= :from and failed_at < :to order by failed_at, id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(BackupFailure.class).list();
    }
}
