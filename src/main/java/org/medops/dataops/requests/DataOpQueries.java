package org.medops.dataops.requests;

import java.time.Instant;
import java.util.List;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The request list: by status and target, newest first by default. No SQL text and no before-image in a row. */
@Repository
class DataOpQueries implements ListSource<DataOpQueries.Filter, DataOpQueries.Row> {

    /** One line of the list and of the API's page. */
    record Row(long id, String target, String reason, Status status, long expectedRows, Long affectedRows,
               String requestedBy, Instant requestedAt, Long rollbackOf) {
    }

    /** Both optional. */
    record Filter(Status status, String target) {
    }

    static final SortColumns SORT = SortColumns.of("requestedAt", false, "r.id",
            "id", "r.id",
            "target", "r.target_code",
            "status", "r.status",
            "requestedAt", "r.requested_at");

    private static final String FROM = """
            from dataops_requests r
            where (cast(:status as varchar) is null or r.status = :status)
              and (cast(:target as varchar) is null or r.target_code = :target)
            """;

    private final JdbcClient jdbc;

    DataOpQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select r.id, r.target_code, r.reason, r.status, r.expected_rows,
                            cast(r.execution ->> 'totalRows' as bigint) as affected_rows, r.requested_by, r.requested_at,
                            r.rollback_of
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("target_code"), rs.getString("reason"),
                        Status.valueOf(rs.getString("status")), rs.getLong("expected_rows"),
                        rs.getObject("affected_rows", Long.class), rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(), rs.getObject("rollback_of", Long.class)))
                .list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("status", f.status() == null ? null : f.status().name())
                .param("target", FilterText.orNull(f.target()));
    }
}
