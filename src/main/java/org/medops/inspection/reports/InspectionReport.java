package org.medops.inspection.reports;

import java.time.Instant;
import java.util.List;

import org.medops.inspection.ChecklistContributor;
import org.medops.shared.ProblemException;

/**
 * A round's report as stored once first saved or signed. A signed report is frozen: {@link #edit} and
 * {@link #sign} refuse it with 409, and {@code signedContent} with its SHA-256 {@code hash} is what was signed.
 * {@code checklist}: the contributed checklist lines as signed (empty until signed: a draft shows them live).
 */
record InspectionReport(long roundId, List<Finding> findings, String remarks, int version, Instant updatedAt,
                        String updatedBy, SignOff signOff, String signedContent, String hash,
                        List<ChecklistContributor.Entry> checklist) {

    static final int MAX_REMARKS = 8000;
    static final int MAX_FINDINGS = 500;

    InspectionReport {
        findings = List.copyOf(findings);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    static InspectionReport draft(long roundId, List<Finding> findings, Instant at, String by) {
        return new InspectionReport(roundId, findings, null, 0, at, by, null, null, null, List.of());
    }

    boolean signed() {
        return signOff != null;
    }

    InspectionReport edit(List<Finding> newFindings, String newRemarks, Instant at, String by) {
        refuseIfSigned();
        List<Finding> kept = newFindings == null ? findings
                : newFindings.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (kept.size() > MAX_FINDINGS) {
            throw ProblemException.invalid("inspection-report-too-many-findings", MAX_FINDINGS);
        }
        String text = newRemarks == null ? remarks : newRemarks.strip();
        if (text != null && text.length() > MAX_REMARKS) {
            throw ProblemException.invalid("inspection-report-remarks-too-long", MAX_REMARKS);
        }
        return new InspectionReport(roundId, kept, text == null || text.isEmpty() ? null : text, version + 1, at, by,
                null, null, null, List.of());
    }

    InspectionReport sign(SignOff by, String content, String contentHash, List<ChecklistContributor.Entry> signedChecklist) {
        refuseIfSigned();
        return new InspectionReport(roundId, findings, remarks, version + 1, updatedAt, updatedBy, by, content,
                contentHash, signedChecklist);
    }

    private void refuseIfSigned() {
        if (signed()) {
            throw ProblemException.conflict("inspection-report-signed", String.valueOf(roundId));
        }
    }
}
