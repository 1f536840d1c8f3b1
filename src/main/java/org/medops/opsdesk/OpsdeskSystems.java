package org.medops.opsdesk;

import java.util.List;

import org.medops.shared.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The managed list of hospital systems faults are reported against. */
@Repository
public class OpsdeskSystems {

    public record OpsdeskSystem(String code, String name, boolean active) {
    }

    private final JdbcClient jdbc;

    OpsdeskSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OpsdeskSystem> all() {
        return jdbc.sql("select code, name, active from opsdesk_systems order by sort_order, code")
                .query(OpsdeskSystem.class).list();
    }

    public java.util.Optional<OpsdeskSystem> find(String code) {
        return jdbc.sql("select code, name, active from opsdesk_systems where code = :code").param("code", code)
                .query(OpsdeskSystem.class).optional();
    }

    /** Adds a system or renames and (re)activates one; systems are retired, never deleted, as records point at them. */
    public void save(OpsdeskSystem system) {
        jdbc.sql("""
                        insert into opsdesk_systems(code, name, active, sort_order)
                        values (:code, :name, :active, (select coalesce(max(sort_order), 0) + 10 from opsdesk_systems))
                        on conflict (code) do update set name = excluded.name, active = excluded.active""")
                .param("code", system.code()).param("name", system.name()).param("active", system.active()).update();
    }

    public List<OpsdeskSystem> active() {
        return jdbc.sql("select code, name, active from opsdesk_systems where active order by sort_order, code")
                .query(OpsdeskSystem.class).list();
    }

    /** Refuses an unknown or retired system with a readable problem rather than a foreign-key error. */
    public void requireActive(String code) {
        requireActive(java.util.Collections.singletonList(code));
    }

    public void requireActive(List<String> codes) {
        List<String> known = active().stream().map(OpsdeskSystem::code).toList();
        for (String code : codes) {
            if (code == null || !known.contains(code)) {
                throw ProblemException.invalid("unknown-system", code);
            }
        }
    }
}
