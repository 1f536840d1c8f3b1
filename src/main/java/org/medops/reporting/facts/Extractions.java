package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Extractions implements ListSource<FactFilter, Extraction> {

    static final SortColumns SORT = SortColumns.of("requestedAt", false, "id", "requestedAt", "requested_at",
            "dueOn", "due_on", "department", "department");

    private static final String SELECT = """
            select id, requested_at, requester, department, subject, due_on, delivered_at, file_name, accuracy_percent,
                accurate, confirmed_by, confirmed_at, logged_by from reporting_extractions""";
    private static final String WHERE = """
             where (cast(:from as date) is null or (requested_at at time zone :zone)::date >= cast(:from as date))
               and (cast(:to as date) is null or (requested_at at time zone :zone)::date <= cast(:to as date))
               and (cast(:like as varchar) is null or subject ilike :like or requester ilike :like
                    or department ilike :like)""";

    /** A delivered file's bytes. */
    record Delivered(String fileName, String fileType, byte[] fileContent) {
    }

    private final JdbcClient jdbc;

    Extractions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FactRequests.NewExtraction e, Instant at, String by) {
        return jdbc.sql("""
                        insert into reporting_extractions(requested_at, requester, department, subject, due_on, logged_by)
                        values (:at, :requester, :department, :subject, :due, :by) returning id""")
                .param("at", Timestamp.from(at)).param("requester", e.requester().strip())
                .param("department", e.department().strip()).param("subject", e.subject().strip())
                .param("due", e.dueOn()).param("by", by).query(Long.class).single();
    }

    Optional<Extraction> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Extraction.class).optional();
    }

    void deliver(long id, String fileName, String type, byte[] content, Instant at) {
        jdbc.sql("""
                        update reporting_extractions set delivered_at = :at, file_name = :name, file_type = :type,
                            file_content = :content, accuracy_percent = null, accurate = null, confirmed_by = null,
                            confirmed_at = null
                        where id = :id""")
                .param("at", Timestamp.from(at)).param("name", fileName).param("type", type).param("content", content)
                .param("id", id).update();
    }

    void confirm(long id, BigDecimal accuracy, boolean accurate, String by, Instant at) {
        jdbc.sql("""
                        update reporting_extractions set accuracy_percent = :accuracy, accurate = :accurate,
                            confirmed_by = :by, confirmed_at = :at where id = :id""")
                .param("accuracy", accuracy).param("accurate", accurate).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    Optional<Delivered> file(long id) {
        return jdbc.sql("select file_name, file_type, file_content from reporting_extractions"
                        + " where id = :id and file_content is not null")
                .param("id", id).query(Delivered.class).optional();
    }

    /** Extractions confirmed in {@code [from, to)}: the quarter the requester judged them is the one that counts. */
    List<Extraction> confirmedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where confirmed_at >= :from and confirmed_at < :to order by confirmed_at, id")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Extraction.class).list();
    }

    @Override
    public List<Extraction> rows(FactFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return Facts.bind(jdbc.sql(SELECT + " " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Extraction.class).list();
    }

    @Override
    public long count(FactFilter filter) {
        return Facts.bind(jdbc.sql("select count(*) from reporting_extractions" + " " + WHERE), filter)
                .query(Long.class).single();
    }
}
