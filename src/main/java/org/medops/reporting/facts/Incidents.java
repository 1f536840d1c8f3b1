package org.medops.reporting.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Incidents implements ListSource<FactFilter, Incident> {

    static final SortColumns SORT = SortColumns.of("occurredOn", false, "i.id", "occurredOn", "i.occurred_on",
            "kind", "i.kind", "department", "i.department");

    private static final String SELECT = """
            select i.*, (select count(*) from reporting_incident_evidence e where e.incident_id = i.id) as evidence_count
            from reporting_incidents i""";
    private static final String WHERE = """
             where (cast(:from as date) is null or i.occurred_on >= cast(:from as date))
               and (cast(:to as date) is null or i.occurred_on <= cast(:to as date))
               and (cast(:like as varchar) is null or i.summary ilike :like or i.department ilike :like)""";

    /** An evidence file's bytes, for download. */
    record Evidence(long id, long incidentId, String filename, String contentType, int sizeBytes, byte[] content,
                    String uploadedBy, Instant uploadedAt) {
    }

    /** An evidence file without its bytes, for lists. */
    record EvidenceFile(long id, String filename, String contentType, int sizeBytes, String uploadedBy,
                        Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FactRequests.NewIncident i, String by, Instant now) {
        return jdbc.sql("""
                        insert into reporting_incidents(occurred_on, kind, department, summary, points, entered_by,
                            entered_at)
                        values (:on, :kind, :department, :summary, :points, :by, :now) returning id""")
                .param("on", i.occurredOn()).param("kind", i.kind().name()).param("department", i.department().strip())
                .param("summary", i.summary().strip())
                .param("points", i.kind().needsPoints() ? i.points() : null).param("by", by)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<Incident> find(long id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(Incident.class).optional();
    }

    List<Incident> between(LocalDate first, LocalDate last) {
        return jdbc.sql(SELECT + " where i.occurred_on between :first and :last order by i.occurred_on, i.id")
                .param("first", first).param("last", last).query(Incident.class).list();
    }

    long attach(long incidentId, String filename, String contentType, byte[] content, String by, Instant at) {
        return jdbc.sql("""
                        insert into reporting_incident_evidence(incident_id, filename, content_type, size_bytes, content,
                            uploaded_by, uploaded_at)
                        values (:incident, :filename, :type, :size, :content, :by, :at) returning id""")
                .param("incident", incidentId).param("filename", filename).param("type", contentType)
                .param("size", content.length).param("content", content).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    List<EvidenceFile> evidence(long incidentId) {
        return jdbc.sql("""
                        select id, filename, content_type, size_bytes, uploaded_by, uploaded_at
                        from reporting_incident_evidence where incident_id = :incident order by id""")
                .param("incident", incidentId).query(EvidenceFile.class).list();
    }

    Optional<Evidence> evidenceFile(long incidentId, long fileId) {
        return jdbc.sql("select * from reporting_incident_evidence where incident_id = :incident and id = :id")
                .param("incident", incidentId).param("id", fileId).query(Evidence.class).optional();
    }

    @Override
    public List<Incident> rows(FactFilter filter, ListRequest.Sort sort, long offset, int limit) {
        return Facts.bind(jdbc.sql(SELECT + " " + WHERE + " order by " + SORT.orderBy(sort)
                        + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(Incident.class).list();
    }

    @Override
    public long count(FactFilter filter) {
        return Facts.bind(jdbc.sql("select count(*) from reporting_incidents i" + " " + WHERE), filter)
                .query(Long.class).single();
    }
}
