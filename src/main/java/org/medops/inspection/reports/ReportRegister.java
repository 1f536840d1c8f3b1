package org.medops.inspection.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.medops.inspection.rounds.RoundStatus;
import org.medops.inspection.rounds.Template;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report register (巡检报告台账): every round with its counts per result and its report's state, newest first.
 * It reads the round tables directly for the list alone; one report's content comes through the round reader.
 */
@Repository
class ReportRegister implements ListSource<ReportRegister.Filter, ReportRegister.Row> {

    static final SortColumns SORT = SortColumns.of("startedAt", false, "r.id", "startedAt", "r.started_at",
            "template", "r.template", "signedAt", "p.signed_at");

    /** {@code state}: {@code signed}, {@code unsigned} or null for all. */
    record Filter(String state, Template template) {
    }

    record Row(long roundId, Template template, RoundStatus status, Instant startedAt, Instant finishedAt, int pass,
               int warn, int fail, int error, boolean saved, Instant signedAt, String signedName) {
    }

    private static final String FROM = """
            from inspection_rounds r left join inspection_reports p on p.round_id = r.id
            where (cast(:template as varchar) is null or r.template = :template)
              and (cast(:state as varchar) is null or (:state = 'signed') = (p.signed_at is not null))""";

    private final JdbcClient jdbc;

    ReportRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return jdbc.sql("""
                        select r.id, r.template, r.status, r.started_at, r.finished_at,
                            (select count(*) from inspection_items i where i.round_id = r.id and i.result = 'PASS') as pass,
                            (select count(*) from inspection_items i where i.round_id = r.id and i.result = 'WARN') as warn,
                            (select count(*) from inspection_items i where i.round_id = r.id and i.result = 'FAIL') as fail,
                            (select count(*) from inspection_items i where i.round_id = r.id and i.result = 'ERROR') as error,
                            p.round_id is not null as saved, p.signed_at, p.signed_name
                        """ + FROM + " order by " + SORT.orderBy(sort) + " limit :limit offset :offset")
                .param("template", filter.template() == null ? null : filter.template().name())
                .param("state", filter.state()).param("limit", limit).param("offset", offset)
                .query(this::row).list();
    }

    @Override
    public long count(Filter filter) {
        return jdbc.sql("select count(*) " + FROM)
                .param("template", filter.template() == null ? null : filter.template().name())
                .param("state", filter.state()).query(Long.class).single();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String template = rs.getString("template");
        return new Row(rs.getLong("id"), template == null ? null : Template.valueOf(template),
                RoundStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getInt("pass"), rs.getInt("warn"), rs.getInt("fail"), rs.getInt("error"), rs.getBoolean("saved"),
                instant(rs, "signed_at"), rs.getString("signed_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
