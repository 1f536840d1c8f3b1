package org.medops.opsdesk.changes;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change list: the list contract's filters over the register, with people and systems by name. */
@Repository
class ChangeQueries implements ListSource<ChangeQueries.Filter, ChangeQueries.ChangeRow> {

    /** One line of the list (and of the API's page): what the table shows and the export writes. */
    record ChangeRow(long id, String title, String systemCode, String systemName, ChangeEnvironment environment,
                     ChangeRisk risk, Instant plannedStart, Instant plannedEnd, ChangeStatus status, ChangeResult result,
                     String requestedBy, String requestedByName, String authorizerName) {
    }

    /** Every criterion optional; {@code statuses} empty = any; {@code requester} a username. */
    record Filter(Set<ChangeStatus> statuses, String system, ChangeRisk risk, ChangeEnvironment environment,
                  String requester, String text) {
        Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    record Requester(String username, String displayName) {
    }

    /** The columns the list sorts by (the header names); risks high first, statuses in lifecycle order. */
    static final SortColumns SORT = SortColumns.of("plannedStart", false, "c.id",
            "id", "c.id",
            "title", "c.title",
            "system", "coalesce(y.name, c.system_code)",
            "environment", "c.environment",
            "risk", "case c.risk when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end",
            "plannedStart", "c.planned_start",
            "status", "case c.status when 'REQUESTED' then 0 when 'AUTHORIZED' then 1 when 'IN_PROGRESS' then 2"
                    + " when 'COMPLETED' then 3 when 'REFUSED' then 4 else 5 end",
            "requester", "coalesce(u.display_name, c.requested_by)");

    private static final String FROM = """
            from opsdesk_changes c
            left join opsdesk_systems y on y.code = c.system_code
            left join users u on u.username = c.requested_by
            where (:anyStatus or c.status in (:statuses))
              and (cast(:system as varchar) is null or c.system_code = :system)
              and (cast(:risk as varchar) is null or c.risk = :risk)
              and (cast(:environment as varchar) is null or c.environment = :environment)
              and (cast(:requester as varchar) is null or c.requested_by = :requester)
              and (cast(:like as varchar) is null or c.title ilike :like or c.plan ilike :like)
            """;

    private final JdbcClient jdbc;

    ChangeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows from {@code offset}, at most {@code limit} (an export reads past one page). */
    @Override
    public List<ChangeRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select c.id, c.title, c.system_code, coalesce(y.name, c.system_code) as system_name,
                            c.environment, c.risk, c.planned_start, c.planned_end, c.status, c.result, c.requested_by,
                            coalesce(u.display_name, c.requested_by) as requested_by_name, c.authorizer_name
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(ChangeRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    /** Everyone who requested changes, by display name, for the pick-list. */
    List<Requester> requesters() {
        return jdbc.sql("""
                select distinct c.requested_by as username, coalesce(u.display_name, c.requested_by) as display_name
                from opsdesk_changes c left join users u on u.username = c.requested_by
                order by display_name""").query(Requester.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("anyStatus", f.statuses().isEmpty())
                .param("statuses", f.statuses().isEmpty() ? List.of("-") : f.statuses().stream().map(Enum::name).toList())
                .param("system", FilterText.orNull(f.system()))
                .param("risk", f.risk() == null ? null : f.risk().name())
                .param("environment", f.environment() == null ? null : f.environment().name())
                .param("requester", FilterText.orNull(f.requester()))
                .param("like", FilterText.containing(f.text()));
    }
}
