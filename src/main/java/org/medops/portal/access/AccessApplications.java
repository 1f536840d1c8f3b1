package org.medops.portal.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccessApplications {

    private final JdbcClient jdbc;

    AccessApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String channel, String service, String purpose, Long volume, String contact, String applicant,
                Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into access_applications(channel_code, service_code, purpose, expected_daily_volume, contact,
                    status, applicant, submitted_at) values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)""")
                .params(channel, service, purpose, volume, contact, applicant, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AccessApplication> findForUpdate(long id) {
        return jdbc.sql("select * from access_applications where id = ? for update").param(id)
                .query(AccessApplication.class).optional();
    }

    Optional<AccessApplication> find(long id) {
        return jdbc.sql("select * from access_applications where id = ?").param(id)
                .query(AccessApplication.class).optional();
    }

    /** How many the queue filtered by {@code status} shows. */
    long count(String status) {
        return jdbc.sql("select count(*) from access_applications where status = :status").param("status", status)
                .query(Long.class).single();
    }

    List<AccessApplication> list(String status) {
        if (status == null || status.isBlank()) {
            return jdbc.sql("select * from access_applications order by id desc limit 500")
                    .query(AccessApplication.class).list();
        }
        return jdbc.sql("select * from access_applications where status = ? order by submitted_at limit 500")
                .param(status).query(AccessApplication.class).list();
    }

    List<AccessApplication> ofChannel(String channel) {
        return jdbc.sql("select * from access_applications where channel_code = ? order by id desc limit 500")
                .param(channel).query(AccessApplication.class).list();
    }

    boolean pending(String channel, String service) {
        return jdbc.sql("select count(*) from access_applications where channel_code = ? and service_code = ? "
                + "and status = 'SUBMITTED'").params(channel, service).query(Long.class).single() > 0;
    }

    void decide(long id, String status, String reason, Long dailyQuota, String by, Instant at) {
        jdbc.sql("""
                update access_applications set status = ?, reason = ?, daily_quota = ?, decided_by = ?, decided_at = ?
                where id = ?""")
                .params(status, reason, dailyQuota, by, Timestamp.from(at), id).update();
    }

    void revoke(long id, String by, Instant at) {
        jdbc.sql("update access_applications set status = 'REVOKED', revoked_by = ?, revoked_at = ? where id = ?")
                .params(by, Timestamp.from(at), id).update();
    }
}
