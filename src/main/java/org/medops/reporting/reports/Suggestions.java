package org.medops.reporting.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each period's suggestions (优化建议), one text per quarter or year, versioned so two editors cannot overwrite. */
@Repository
class Suggestions {

    private final JdbcClient jdbc;

    Suggestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceReport.Suggestions> of(ReportPeriod period) {
        return jdbc.sql("""
                        select text, updated_by, updated_at, version from reporting_report_suggestions
                        where period = :period""")
                .param("period", period.toString())
                .query((rs, n) -> new ServiceReport.Suggestions(rs.getString("text"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .optional();
    }

    /** Saves when {@code expectedVersion} is the stored one (0 for none yet); false when someone saved in between. */
    boolean save(ReportPeriod period, String text, int expectedVersion, String by, Instant at) {
        if (expectedVersion == 0) {
            return jdbc.sql("""
                            insert into reporting_report_suggestions (period, text, version, updated_by, updated_at)
                            values (:period, :text, 1, :by, :at) on conflict (period) do nothing""")
                    .param("period", period.toString()).param("text", text).param("by", by)
                    .param("at", Timestamp.from(at)).update() == 1;
        }
        return jdbc.sql("""
                        update reporting_report_suggestions set text = :text, version = version + 1, updated_by = :by,
                            updated_at = :at
                        where period = :period and version = :version""")
                .param("period", period.toString()).param("text", text).param("by", by)
                .param("at", Timestamp.from(at)).param("version", expectedVersion).update() == 1;
    }
}
