package org.medops.opsdesk.defects;

import java.time.Instant;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A defect (缺陷) of a product, tracked while the product's R&D acknowledges, fixes and ships it. */
record Defect(long id, String title, String description, String systemCode, DefectSeverity severity, String product,
              String productVersion, DefectStatus status, String fixedVersion, String reportedBy, Instant reportedAt,
              Instant closedAt) {

    static Defect report(NewDefect request, String by, Instant at) {
        return new Defect(0, request.title().trim(), request.description().trim(), request.systemCode(),
                request.severity(), request.product().trim(), request.productVersion().trim(), DefectStatus.OPEN, null,
                by, at, null);
    }

    /**
     * Moves the defect on. Fixed needs the version that carries the fix; closing without verification
     * (won't fix, duplicate) and reopening a fixed defect need a note saying why.
     */
    Defect moveTo(DefectStatus target, String version, String note, Instant at) {
        if (target == null || !status.next().contains(target)) {
            throw new ProblemException(HttpStatus.CONFLICT, "defect-transition-illegal", Long.toString(id), status,
                    target);
        }
        boolean reopening = target == DefectStatus.FIXING && (status == DefectStatus.FIXED || status.done());
        boolean closingUnverified = target == DefectStatus.CLOSED && status != DefectStatus.VERIFIED;
        if ((reopening || closingUnverified) && blank(note)) {
            throw ProblemException.invalid("defect-note-required");
        }
        String fixedIn = fixedVersion;
        if (target == DefectStatus.FIXED) {
            if (blank(version)) {
                throw ProblemException.invalid("defect-fixed-version-required");
            }
            fixedIn = version.trim();
        }
        if (reopening) {
            fixedIn = null;
        }
        Instant closed = target.done() ? (closedAt != null ? closedAt : at) : null;
        return new Defect(id, title, description, systemCode, severity, product, productVersion, target, fixedIn,
                reportedBy, reportedAt, closed);
    }

    Defect requireOpenForNotes() {
        if (status == DefectStatus.CLOSED) {
            throw new ProblemException(HttpStatus.CONFLICT, "defect-closed", Long.toString(id));
        }
        return this;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
