package org.medops.opsdesk.sla;

import org.medops.opsdesk.Priority;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SLA policies, one current version per priority; older versions stay for the tickets measured by them. */
@Repository
public class SlaPolicies {

    private static final String SELECT = """
            select id, priority, version, name, calendar_code, targets::text as targets, created_at, created_by
            from sla_policies""";
    private static final TypeReference<List<SlaTarget>> TARGETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SlaPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<SlaPolicy> current() {
        return jdbc.sql(SELECT + " where current order by array_position(array['CRITICAL','HIGH','MEDIUM','LOW'], priority::text)")
                .query(this::map).list();
    }

    public SlaPolicy current(Priority priority) {
        return jdbc.sql(SELECT + " where current and priority = :priority").param("priority", priority.name()).query(this::map).single();
    }

    public Optional<SlaPolicy> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    /** Saves a new version and makes it current; the previous version is kept. */
    SlaPolicy publish(Priority priority, String name, String calendarCode, List<SlaTarget> targets, String by, Instant at) {
        SlaPolicy previous = current(priority);
        jdbc.sql("update sla_policies set current = false where priority = :priority and current")
                .param("priority", priority.name()).update();
        long id = jdbc.sql("""
                        insert into sla_policies(priority, version, name, calendar_code, targets, current, created_at, created_by)
                        values (:priority, :version, :name, :calendarCode, :targets::jsonb, true, :at, :by)
                        returning id""")
                .param("priority", priority.name()).param("version", previous.version() + 1).param("name", name)
                .param("calendarCode", calendarCode).param("targets", json.writeValueAsString(targets))
                .param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    private SlaPolicy map(ResultSet rs, int row) throws SQLException {
        return new SlaPolicy(rs.getLong("id"), Priority.valueOf(rs.getString("priority")), rs.getInt("version"),
                rs.getString("name"), rs.getString("calendar_code"), json.readValue(rs.getString("targets"), TARGETS),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
