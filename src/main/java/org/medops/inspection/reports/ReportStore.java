package org.medops.inspection.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.ChecklistContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The saved and signed reports; findings kept as JSON. */
@Repository
class ReportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select round_id, findings, remarks, version, updated_at, updated_by, signed_by, signed_name, sign_statement,
                signed_at, signed_content, content_hash, checklist
            from inspection_reports""";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InspectionReport> find(long roundId) {
        return jdbc.sql(SELECT + " where round_id = :id").param("id", roundId).query(this::row).optional();
    }

    /** Locks the round's report row, or — none saved yet — the round row, so two first saves cannot interleave. */
    Optional<InspectionReport> lock(long roundId) {
        jdbc.sql("select id from inspection_rounds where id = :id for update").param("id", roundId)
                .query(Long.class).optional();
        return jdbc.sql(SELECT + " where round_id = :id for update").param("id", roundId).query(this::row).optional();
    }

    void save(InspectionReport r) {
        SignOff s = r.signOff();
        jdbc.sql("""
                        insert into inspection_reports(round_id, findings, remarks, version, updated_at, updated_by,
                            signed_by, signed_name, sign_statement, signed_at, signed_content, content_hash, checklist)
                        values (:id, cast(:findings as jsonb), :remarks, :version, :updatedAt, :updatedBy, :signedBy,
                            :signedName, :statement, :signedAt, :content, :hash, cast(:checklist as jsonb))
                        on conflict (round_id) do update set findings = excluded.findings, remarks = excluded.remarks,
                            version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                            signed_by = excluded.signed_by, signed_name = excluded.signed_name,
                            sign_statement = excluded.sign_statement, signed_at = excluded.signed_at,
                            signed_content = excluded.signed_content, content_hash = excluded.content_hash,
                            checklist = excluded.checklist
                        where inspection_reports.signed_at is null""")
                .param("id", r.roundId()).param("findings", JSON.writeValueAsString(r.findings()))
                .param("remarks", r.remarks()).param("version", r.version())
                .param("updatedAt", Timestamp.from(r.updatedAt())).param("updatedBy", r.updatedBy())
                .param("signedBy", s == null ? null : s.signedBy()).param("signedName", s == null ? null : s.name())
                .param("statement", s == null ? null : s.statement())
                .param("signedAt", s == null ? null : Timestamp.from(s.at()))
                .param("content", r.signedContent()).param("hash", r.hash())
                .param("checklist", r.checklist().isEmpty() ? null : JSON.writeValueAsString(r.checklist())).update();
    }

    /** Which of these rounds have a saved report, and which of those are signed (round id → signed at or null). */
    List<State> states(List<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select round_id, signed_at, signed_name from inspection_reports where round_id in (:ids)")
                .param("ids", roundIds)
                .query((rs, n) -> new State(rs.getLong(1), instant(rs, "signed_at"), rs.getString(3))).list();
    }

    record State(long roundId, Instant signedAt, String signedName) {
    }

    private InspectionReport row(ResultSet rs, int n) throws SQLException {
        Instant signedAt = instant(rs, "signed_at");
        SignOff signOff = signedAt == null ? null : new SignOff(rs.getString("signed_by"), rs.getString("signed_name"),
                rs.getString("sign_statement"), signedAt);
        return new InspectionReport(rs.getLong("round_id"),
                JSON.readValue(rs.getString("findings"), new TypeReference<List<Finding>>() { }),
                rs.getString("remarks"), rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"),
                signOff, rs.getString("signed_content"), rs.getString("content_hash"), checklist(rs.getString("checklist")));
    }

    private static List<ChecklistContributor.Entry> checklist(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<ChecklistContributor.Entry>>() { });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
