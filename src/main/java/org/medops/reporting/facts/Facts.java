package org.medops.reporting.facts;

import org.medops.shared.FilterText;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The list filter's parameters, bound the same way by every fact repository. */
final class Facts {

    private Facts() {
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, FactFilter f) {
        return sql.param("from", f.from()).param("to", f.to()).param("zone", f.zone().getId())
                .param("like", FilterText.containing(f.q()));
    }
}
