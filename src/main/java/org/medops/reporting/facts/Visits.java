package org.medops.reporting.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Visits implements ListSource<FactFilter, Visit> {

    static final SortColumns SORT = SortColumns.of("visitedOn", false, "id", "visitedOn", "visited_on",
            "department", "department", "satisfaction", "satisfaction");

    private static final String WHERE = """
             from reporting_visits
             where (cast(:from as date) is null or visited_on >= cast(:from as date))
               and (cast(:to as date) is null or visited_on <= cast(:to as date))
               and (cast(:like as varchar) is null or visitor ilike :like or department ilike :like
                    or findings ilike :like or follow_up ilike :like)""";

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FactRequests.NewVisit v, String by, Instant now) {
        return jdbc.sql("""
                        insert into reporting_visits(visited_on, visitor, department, findings, satisfaction, follow_up,
                            logged_by, logged_at)
                        values (:on, :visitor, :department, :findings, :satisfaction, :followUp, :by, :now) returning id""")
                .param("on", v.visitedOn()).param("visitor", v.visitor().strip())
                .param("department", v.department().strip()).param("findings", v.findings().strip())
                .param("satisfaction", v.satisfaction()).param("followUp", FilterText.orNull(v.followUp()))
                .param("by", by).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    List<Visit> between(LocalDate first, LocalDate last) {
        return jdbc.sql("select * from reporting_visits where visited_on between :first and :last order by visited_on, id")
                .param("first", first).param("last", last).query(Visit.class).list();
    }

    @Override
    public List<Visit> rows(FactFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return Facts.bind(jdbc.sql("select *" + " " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Visit.class).list();
    }

    @Override
    public long count(FactFilter filter) {
        return Facts.bind(jdbc.sql("select count(*)" + " " + WHERE), filter).query(Long.class).single();
    }
}
