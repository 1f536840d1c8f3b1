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
class Trainings implements ListSource<FactFilter, Training> {

    static final SortColumns SORT = SortColumns.of("heldOn", false, "id", "heldOn", "held_on", "topic", "topic",
            "hours", "hours", "attendees", "attendees");

    private static final String WHERE = """
             from reporting_trainings
             where (cast(:from as date) is null or held_on >= cast(:from as date))
               and (cast(:to as date) is null or held_on <= cast(:to as date))
               and (cast(:like as varchar) is null or topic ilike :like or audience ilike :like
                    or materials ilike :like)""";

    private final JdbcClient jdbc;

    Trainings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FactRequests.NewTraining t, String by, Instant now) {
        return jdbc.sql("""
                        insert into reporting_trainings(held_on, topic, audience, hours, attendees, materials, logged_by,
                            logged_at)
                        values (:on, :topic, :audience, :hours, :attendees, :materials, :by, :now) returning id""")
                .param("on", t.heldOn()).param("topic", t.topic().strip()).param("audience", t.audience().strip())
                .param("hours", t.hours()).param("attendees", t.attendees())
                .param("materials", FilterText.orNull(t.materials())).param("by", by)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    List<Training> between(LocalDate first, LocalDate last) {
        return jdbc.sql("select * from reporting_trainings where held_on between :first and :last order by held_on, id")
                .param("first", first).param("last", last).query(Training.class).list();
    }

    @Override
    public List<Training> rows(FactFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return Facts.bind(jdbc.sql("select *" + " " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Training.class).list();
    }

    @Override
    public long count(FactFilter filter) {
        return Facts.bind(jdbc.sql("select count(*)" + " " + WHERE), filter).query(Long.class).single();
    }
}
