package org.medops.records.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.inspection.SignedInspectionReports;
import org.medops.records.ArchiveSource;
import org.springframework.stereotype.Component;

/**
 * Signed inspection reports as archive documents: the signed canonical text itself, so the archived SHA-256 is the
 * report's own hash and anyone can check one against the other, and beside it the PDF the information department's
 * electronic signature is on (the file a reader opens in the handover package). Only signed reports: a draft
 * changes daily.
 */
@Component
class InspectionReportSource implements ArchiveSource {

    private final SignedInspectionReports reports;

    InspectionReportSource(SignedInspectionReports reports) {
        this.reports = reports;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        List<Document> documents = new ArrayList<>();
        for (SignedInspectionReports.SignedReport r : reports.signedBetween(from, to)) {
            documents.add(new Document("inspection-report:" + r.roundId(), "INSPECTION_REPORT", null,
                    "巡检报告 #" + r.roundId() + "（签署内容）", "1", r.signedAt(), r.signedBy(), r.signedName(),
                    "inspection-report-" + r.roundId() + ".json", "application/json",
                    r.content().getBytes(StandardCharsets.UTF_8)));
            reports.signedPdf(r.roundId()).ifPresent(pdf -> documents.add(new Document(
                    "inspection-report-pdf:" + r.roundId(), "INSPECTION_REPORT", null, "巡检报告 #" + r.roundId(), "1",
                    r.signedAt(), r.signedBy(), r.signedName(), "inspection-report-" + r.roundId() + ".pdf",
                    "application/pdf", pdf)));
        }
        return documents;
    }
}
