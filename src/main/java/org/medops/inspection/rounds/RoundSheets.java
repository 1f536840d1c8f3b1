package org.medops.inspection.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads rounds with their items, the target's name joined in. */
@Repository
class RoundSheets implements RoundReader {

    private final JdbcClient jdbc;

    RoundSheets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RoundSheet> find(long roundId) {
        return jdbc.sql("""
                        select id, template, status, trigger, started_by, started_at, finished_at
                        from inspection_rounds where id = :id""")
                .param("id", roundId)
                .query((rs, n) -> new RoundSheet(rs.getLong("id"), template(rs.getString("template")),
                        RoundStatus.valueOf(rs.getString("status")), RoundTrigger.valueOf(rs.getString("trigger")),
                        rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "finished_at"),
                        items(roundId)))
                .optional();
    }

    @Override
    public List<Long> done(Template template, int limit) {
        return jdbc.sql("""
                        select id from inspection_rounds where template = :template and status = 'DONE'
                        order by started_at desc, id desc limit :limit""")
                .param("template", template.name()).param("limit", limit).query(Long.class).list();
    }

    private List<RoundItem> items(long roundId) {
        return jdbc.sql("""
                        select i.target_code, coalesce(t.name, i.target_code) as target_name, i.check_code, i.result,
                            i.value, i.threshold, i.evidence, i.checked_at
                        from inspection_items i left join inspection_targets t on t.code = i.target_code
                        where i.round_id = :id order by i.target_code, i.id""")
                .param("id", roundId)
                .query((rs, n) -> new RoundItem(rs.getString("target_code"), rs.getString("target_name"),
                        rs.getString("check_code"), ItemResult.valueOf(rs.getString("result")), rs.getString("value"),
                        rs.getString("threshold"), rs.getString("evidence"), instant(rs, "checked_at")))
                .list();
    }

    private static Template template(String code) {
        return code == null ? null : Template.valueOf(code);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
