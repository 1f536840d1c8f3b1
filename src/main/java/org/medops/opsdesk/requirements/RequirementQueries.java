package org.medops.opsdesk.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requirement list: the list contract's filters over the register, with people and systems by name. */
@Repository
class RequirementQueries implements ListSource<RequirementQueries.Filter, RequirementQueries.RequirementRow> {

    /** One line of the list (and of the API's page): what the table shows and the export writes. */
    record RequirementRow(long id, String title, String systemCode, String systemName, String submitter,
                          RequirementStatus status, BigDecimal personDays, Integer contractYear, LocalDate dueDate,
                          LocalDate plannedDate, Instant submittedAt, String answeredBy, String answeredByName) {

        /** Person-days count only once the requirement is accepted; before that the column shows a dash. */
        public BigDecimal chargedDays() {
            return status.countsAgainstAllowance() ? personDays.stripTrailingZeros() : null;
        }

        public boolean overdue(LocalDate today) {
            return dueDate != null && today.isAfter(dueDate) && status != RequirementStatus.VERIFIED
                    && status != RequirementStatus.DELIVERED && status != RequirementStatus.REJECTED;
        }
    }

    /** Every criterion optional; {@code statuses} empty = any; {@code engineer} the answering engineer's username. */
    record Filter(Set<RequirementStatus> statuses, String system, String engineer, String text) {
        Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    record Engineer(String username, String displayName) {
    }

    /** The columns the list sorts by (the header names), statuses in their lifecycle order. */
    static final SortColumns SORT = SortColumns.of("submittedAt", false, "r.id",
            "id", "r.id",
            "title", "r.title",
            "system", "coalesce(y.name, r.system_code)",
            "submitter", "r.submitter",
            "status", "case r.status when 'SUBMITTED' then 0 when 'UNDER_ANALYSIS' then 1 when 'ACCEPTED' then 2"
                    + " when 'SCHEDULED' then 3 when 'DELIVERED' then 4 when 'VERIFIED' then 5 else 6 end",
            "personDays", "r.person_days",
            "dueDate", "r.due_date",
            "engineer", "coalesce(u.display_name, r.answered_by)",
            "submittedAt", "r.submitted_at");

    private static final String FROM = """
            from opsdesk_requirements r
            left join opsdesk_systems y on y.code = r.system_code
            left join users u on u.username = r.answered_by
            where (:anyStatus or r.status in (:statuses))
              and (cast(:system as varchar) is null or r.system_code = :system)
              and (cast(:engineer as varchar) is null or r.answered_by = :engineer)
              and (cast(:like as varchar) is null or r.title ilike :like or r.description ilike :like
                   or r.submitter ilike :like)
            """;

    private final JdbcClient jdbc;

    RequirementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows from {@code offset}, at most {@code limit} (an export reads past one page). */
    @Override
    public List<RequirementRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select r.id, r.title, r.system_code, coalesce(y.name, r.system_code) as system_name, r.submitter,
                            r.status, r.person_days, r.contract_year, r.due_date, r.planned_date, r.submitted_at,
                            r.answered_by, coalesce(u.display_name, r.answered_by) as answered_by_name
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(RequirementRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    /** The engineers who answered requirements, by display name, for the pick-list. */
    List<Engineer> engineers() {
        return jdbc.sql("""
                select distinct r.answered_by as username, coalesce(u.display_name, r.answered_by) as display_name
                from opsdesk_requirements r left join users u on u.username = r.answered_by
                where r.answered_by is not null order by display_name""").query(Engineer.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("anyStatus", f.statuses().isEmpty())
                .param("statuses", f.statuses().isEmpty() ? List.of("-") : f.statuses().stream().map(Enum::name).toList())
                .param("system", FilterText.orNull(f.system()))
                .param("engineer", FilterText.orNull(f.engineer()))
                .param("like", FilterText.containing(f.text()));
    }
}
