package org.medops.portal.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DeveloperRegistrations {

    /**
     * The review page lists without paging: a hospital sees a handful of registrations a week, so this bound
     * is never reached in use and only keeps a flood of sign-ups from loading every row at once.
     */
    static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;

    DeveloperRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(RegistrationForm form, String username, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into developer_registrations(username, display_name, email, phone, organisation,
                    requested_channel, note, status, submitted_at)
                values (:username, :displayName, :email, :phone, :organisation, :channel, :note, 'SUBMITTED', :at)""")
                .param("username", username)
                .param("displayName", form.displayName().trim())
                .param("email", form.email().trim())
                .param("phone", FilterText.orNull(form.phone()))
                .param("organisation", form.organisation().trim())
                .param("channel", FilterText.orNull(form.channelCode()))
                .param("note", FilterText.orNull(form.note()))
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<DeveloperRegistration> find(long id) {
        return jdbc.sql("select * from developer_registrations where id = :id").param("id", id)
                .query(DeveloperRegistration.class).optional();
    }

    Optional<DeveloperRegistration> findForUpdate(long id) {
        return jdbc.sql("select * from developer_registrations where id = :id for update").param("id", id)
                .query(DeveloperRegistration.class).optional();
    }

    /** All of them newest first, or those in {@code status} oldest first (the review queue's order). */
    List<DeveloperRegistration> list(String status) {
        if (status == null || status.isBlank()) {
            return jdbc.sql("select * from developer_registrations order by id desc limit :limit")
                    .param("limit", LIST_LIMIT).query(DeveloperRegistration.class).list();
        }
        return jdbc.sql("select * from developer_registrations where status = :status order by submitted_at limit :limit")
                .param("status", status).param("limit", LIST_LIMIT).query(DeveloperRegistration.class).list();
    }

    void decide(long id, String status, String channel, String reason, String by, Instant at) {
        jdbc.sql("""
                update developer_registrations set status = :status, channel_code = :channel, reason = :reason,
                    decided_by = :by, decided_at = :at where id = :id""")
                .param("status", status)
                .param("channel", channel)
                .param("reason", reason)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }
}
