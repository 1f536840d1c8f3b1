package org.medops.inspection.checks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many lines of each log file the last round read, so the next reports only what was written since. */
@Repository
class LogMarks {

    private final JdbcClient jdbc;

    LogMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> lines(String target, String path) {
        return jdbc.sql("select lines from inspection_log_marks where target_code = :target and path = :path")
                .param("target", target).param("path", path).query(Long.class).optional();
    }

    void mark(String target, String path, long lines, Instant at) {
        jdbc.sql("""
                        insert into inspection_log_marks(target_code, path, lines, read_at) values (:target, :path, :lines, :at)
                        on conflict (target_code, path) do update set lines = excluded.lines, read_at = excluded.read_at""")
                .param("target", target).param("path", path).param("lines", lines).param("at", Timestamp.from(at))
                .update();
    }
}
