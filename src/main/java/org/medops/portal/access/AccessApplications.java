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

    /**
     * The review queue and a channel's own list show without paging: applications come a few a week, so
     * this bound is never reached in use and only keeps a runaway client from loading every row at once.
     */
    static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;

    AccessApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String channel, String service, String purpose, Long volume, String contact, String applicant,
                Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into access_applications(channel_code, service_code, purpose, expected_daily_volume, contact,
                    status, applicant, submitted_at)
                values (:channel, :service, :purpose, :volume, :contact, 'SUBMITTED', :applicant, :at)""")
                .param("channel", channel)
                .param("service", service)
                .param("purpose", purpose)
                .param("volume", volume)
                .param("contact", contact)
                .param("applicant", applicant)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AccessApplication> findForUpdate(long id) {
        return jdbc.sql("select * from access_applications where id = :id for update").param("id", id)
                .query(AccessApplication.class).optional();
    }

    Optional<AccessApplication> find(long id) {
        return jdbc.sql("select * from access_applications where id = :id").param("id", id)
                .query(AccessApplication.class).optional();
    }

    /** How many the queue filtered by {@code status} shows. */
    long count(String status) {
        return jdbc.sql("select count(*) from access_applications where status = :status").param("status", status)
                .query(Long.class).single();
    }

    /** Whether any application was ever submitted. */
    boolean any() {
        return jdbc.sql("select exists(select 1 from access_applications)").query(Boolean.class).single();
    }

    /** All of them newest first, or those in {@code status} oldest first (the review queue's order). */
    List<AccessApplication> list(String status) {
        if (status == null || status.isBlank()) {
            return jdbc.sql("select * from access_applications order by id desc limit :limit")
                    .param("limit", LIST_LIMIT).query(AccessApplication.class).list();
        }
        return jdbc.sql("select * from access_applications where status = :status order by submitted_at limit :limit")
                .param("status", status).param("limit", LIST_LIMIT).query(AccessApplication.class).list();
    }

    List<AccessApplication> ofChannel(String channel) {
        return jdbc.sql("select * from access_applications where channel_code = :channel order by id desc limit :limit")
                .param("channel", channel).param("limit", LIST_LIMIT).query(AccessApplication.class).list();
    }

    long pendingOf(String channel) {
        return jdbc.sql("select count(*) from access_applications where channel_code = :channel "
                        + "and status = 'SUBMITTED'")
                .param("channel", channel).query(Long.class).single();
    }

    boolean pending(String channel, String service) {
        return jdbc.sql("select count(*) from access_applications where channel_code = :channel "
                        + "and service_code = :service and status = 'SUBMITTED'")
                .param("channel", channel)
                .param("service", service)
                .query(Long.class).single() > 0;
    }

    void decide(long id, String status, String reason, Long dailyQuota, String by, Instant at) {
        jdbc.sql("""
                update access_applications set status = :status, reason = :reason, daily_quota = :quota,
                    decided_by = :by, decided_at = :at
                where id = :id""")
                .param("status", status)
                .param("reason", reason)
                .param("quota", dailyQuota)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void revoke(long id, String by, Instant at) {
        jdbc.sql("update access_applications set status = 'REVOKED', revoked_by = :by, revoked_at = :at where id = :id")
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }
}
