package org.medops.opsdesk.defects;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The defect list: the list contract's filters over the register, with people and systems by name. */
@Repository
class DefectQueries implements ListSource<DefectQueries.Filter, DefectQueries.DefectRow> {

    /** One line of the list (and of the API's page): what the table shows and the export writes. */
    record DefectRow(long id, String title, String systemCode, String systemName, DefectSeverity severity,
                     String product, String productVersion, DefectStatus status, String fixedVersion,
                     String reportedBy, String reportedByName, Instant reportedAt, Instant closedAt) {
    }

    /** Every criterion optional; {@code statuses} empty = any; {@code reporter} the reporting engineer's username. */
    record Filter(Set<DefectStatus> statuses, String system, DefectSeverity severity, String reporter, String text) {
        Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    record Reporter(String username, String displayName) {
    }

    /** The columns the list sorts by (the header names); severities critical first, statuses in lifecycle order. */
    static final SortColumns SORT = SortColumns.of("reportedAt", false, "d.id",
            "id", "d.id",
            "title", "d.title",
            "system", "coalesce(y.name, d.system_code)",
            "severity", "case d.severity when 'CRITICAL' then 0 when 'MAJOR' then 1 when 'MINOR' then 2 else 3 end",
            "product", "d.product",
            "status", "case d.status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 when 'FIXING' then 2"
                    + " when 'FIXED' then 3 when 'VERIFIED' then 4 else 5 end",
            "reporter", "coalesce(u.display_name, d.reported_by)",
            "reportedAt", "d.reported_at");

    private static final String FROM = """
            from opsdesk_defects d
            left join opsdesk_systems y on y.code = d.system_code
            left join users u on u.username = d.reported_by
            where (:anyStatus or d.status in (:statuses))
              and (cast(:system as varchar) is null or d.system_code = :system)
              and (cast(:severity as varchar) is null or d.severity = :severity)
              and (cast(:reporter as varchar) is null or d.reported_by = :reporter)
              and (cast(:like as varchar) is null or d.title ilike :like or d.description ilike :like
                   or d.product ilike :like)
            """;

    private final JdbcClient jdbc;

    DefectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows from {@code offset}, at most {@code limit} (an export reads past one page). */
    @Override
    public List<DefectRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select d.id, d.title, d.system_code, coalesce(y.name, d.system_code) as system_name, d.severity,
                            d.product, d.product_version, d.status, d.fixed_version, d.reported_by,
                            coalesce(u.display_name, d.reported_by) as reported_by_name, d.reported_at, d.closed_at
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(DefectRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    /** Everyone who reported defects, by display name, for the pick-list. */
    List<Reporter> reporters() {
        return jdbc.sql("""
                select distinct d.reported_by as username, coalesce(u.display_name, d.reported_by) as display_name
                from opsdesk_defects d left join users u on u.username = d.reported_by
                order by display_name""").query(Reporter.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("anyStatus", f.statuses().isEmpty())
                .param("statuses", f.statuses().isEmpty() ? List.of("-") : f.statuses().stream().map(Enum::name).toList())
                .param("system", FilterText.orNull(f.system()))
                .param("severity", f.severity() == null ? null : f.severity().name())
                .param("reporter", FilterText.orNull(f.reporter()))
                .param("like", FilterText.containing(f.text()));
    }
}
