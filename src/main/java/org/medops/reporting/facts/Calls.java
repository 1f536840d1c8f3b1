package org.medops.reporting.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Calls implements ListSource<FactFilter, Call> {

    static final SortColumns SORT = SortColumns.of("calledAt", false, "id", "calledAt", "called_at",
            "caller", "caller", "channel", "channel", "answered", "answered");

    private static final String WHERE = """
             from reporting_calls
             where (cast(:from as date) is null or (called_at at time zone :zone)::date >= cast(:from as date))
               and (cast(:to as date) is null or (called_at at time zone :zone)::date <= cast(:to as date))
               and (cast(:like as varchar) is null or caller ilike :like or department ilike :like
                    or summary ilike :like)""";

    private final JdbcClient jdbc;

    Calls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FactRequests.NewCall c, Instant at, boolean byHospital, String by, Instant now) {
        return jdbc.sql("""
                        insert into reporting_calls(called_at, caller, department, channel, answered, ticket_id, summary,
                            by_hospital, logged_by, logged_at)
                        values (:at, :caller, :department, :channel, :answered, :ticket, :summary, :byHospital, :by, :now)
                        returning id""")
                .param("at", Timestamp.from(at)).param("caller", c.caller().strip())
                .param("department", FilterText.orNull(c.department())).param("channel", c.channel().name())
                .param("answered", c.answered()).param("ticket", c.ticketId())
                .param("summary", FilterText.orNull(c.summary())).param("byHospital", byHospital).param("by", by)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    java.util.Optional<Call> find(long id) {
        return jdbc.sql("select * from reporting_calls where id = :id").param("id", id).query(Call.class).optional();
    }

    List<Call> between(Instant from, Instant to) {
        return jdbc.sql("select * from reporting_calls where called_at >= :from and called_at < :to order by called_at, id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Call.class).list();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from reporting_calls)").query(Boolean.class).single();
    }

    @Override
    public List<Call> rows(FactFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return Facts.bind(jdbc.sql("select *" + " " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Call.class).list();
    }

    @Override
    public long count(FactFilter filter) {
        return Facts.bind(jdbc.sql("select count(*)" + " " + WHERE), filter).query(Long.class).single();
    }
}
