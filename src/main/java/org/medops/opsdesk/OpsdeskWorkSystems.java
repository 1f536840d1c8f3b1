package org.medops.opsdesk;

import java.util.List;

import org.medops.shared.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The managed list of hospital systems as the requirement, defect and change forms offer it. */
@Repository
class OpsdeskWorkSystems {

    private final JdbcClient jdbc;

    OpsdeskWorkSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OpsdeskSystem> active() {
        return jdbc.sql("select code, name from opsdesk_systems where active order by sort_order, code")
                .query(OpsdeskSystem.class).list();
    }

    /** Refuses an unknown or retired system with a readable problem rather than a foreign-key error. */
    void requireActive(String code) {
        boolean known = code != null && jdbc.sql("select count(*) from opsdesk_systems where code = ? and active")
                .param(code).query(Long.class).single() > 0;
        if (!known) {
            throw ProblemException.invalid("opsdesk-system-unknown", code);
        }
    }

    record OpsdeskSystem(String code, String name) {
    }
}
