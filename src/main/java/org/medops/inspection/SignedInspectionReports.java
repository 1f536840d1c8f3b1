package org.medops.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.signature.SignedDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signed inspection reports for other modules (the records archive files them): exactly the canonical text the
 * information department signed, whose SHA-256 is the report's hash. Read-only; signing stays with the reports.
 */
@Repository
public class SignedInspectionReports {

    /**
     * @param template the round's template code (null: the full round)
     * @param content  the signed canonical JSON
     */
    public record SignedReport(long roundId, String template, Instant startedAt, String signedBy, String signedName,
                               Instant signedAt, String content, String sha256) {
    }

    /** The document type under which the signature module keeps a signed report's PDF (as the reports sign it). */
    static final String SIGNED_PDF_TYPE = "inspection-report";

    private final JdbcClient jdbc;
    private final SignedDocuments signatures;

    SignedInspectionReports(JdbcClient jdbc, SignedDocuments signatures) {
        this.jdbc = jdbc;
        this.signatures = signatures;
    }

    /**
     * The PDF the information department's electronic signature was put on, byte for byte; empty when the report was
     * signed without one (no CJK font on the server).
     */
    public Optional<byte[]> signedPdf(long roundId) {
        return signatures.pdf(SIGNED_PDF_TYPE, String.valueOf(roundId));
    }

    /** Reports signed at or after {@code from} and before {@code to}, oldest first. */
    public List<SignedReport> signedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select r.id, r.template, r.started_at, p.signed_by, p.signed_name, p.signed_at, p.signed_content,
                            p.content_hash
                        from inspection_reports p join inspection_rounds r on r.id = p.round_id
                        where p.signed_at is not null and p.signed_at >= :from and p.signed_at < :to
                        order by p.signed_at, r.id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new SignedReport(rs.getLong("id"), rs.getString("template"),
                        rs.getTimestamp("started_at").toInstant(), rs.getString("signed_by"), rs.getString("signed_name"),
                        rs.getTimestamp("signed_at").toInstant(), rs.getString("signed_content"),
                        rs.getString("content_hash")))
                .list();
    }
}
