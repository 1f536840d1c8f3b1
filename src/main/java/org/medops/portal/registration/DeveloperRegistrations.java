package org.medops.portal.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DeveloperRegistrations {

    private final JdbcClient jdbc;

    DeveloperRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(RegistrationForm form, String username, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into developer_registrations(username, display_name, email, phone, organisation,
                    requested_channel, note, status, submitted_at) values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
                .params(username, form.displayName().trim(), form.email().trim(), blankToNull(form.phone()),
                        form.organisation().trim(), blankToNull(form.channelCode()), blankToNull(form.note()),
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<DeveloperRegistration> find(long id) {
        return jdbc.sql("select * from developer_registrations where id = ?").param(id)
                .query(DeveloperRegistration.class).optional();
    }

    Optional<DeveloperRegistration> findForUpdate(long id) {
        return jdbc.sql("select * from developer_registrations where id = ? for update").param(id)
                .query(DeveloperRegistration.class).optional();
    }

    List<DeveloperRegistration> list(String status) {
        if (status == null || status.isBlank()) {
            return jdbc.sql("select * from developer_registrations order by id desc limit 500")
                    .query(DeveloperRegistration.class).list();
        }
        return jdbc.sql("select * from developer_registrations where status = ? order by submitted_at limit 500")
                .param(status).query(DeveloperRegistration.class).list();
    }

    void decide(long id, String status, String channel, String reason, String by, Instant at) {
        jdbc.sql("""
                update developer_registrations set status = ?, channel_code = ?, reason = ?, decided_by = ?,
                    decided_at = ? where id = ?""")
                .params(status, channel, reason, by, Timestamp.from(at), id).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
