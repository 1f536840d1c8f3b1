package org.medops.records.archive;

import java.util.List;

/**
 * The document types the upload form offers, in the order the handover index groups them; a source may bring other
 * codes, labelled {@code records.document.type.<code>} like these.
 */
final class DocumentTypes {

    static final List<String> KNOWN = List.of("LOCATION_REPORT", "REPAIR_CONFIRMATION", "INSPECTION_REPORT",
            "ASSESSMENT_REPORT", "UPGRADE_PLAN", "RESEARCH_REPORT", "OPTIMISATION_PLAN", "PLAN_CONFIRMATION",
            "DELIVERY_NOTE", "TEST_REPORT", "ACCEPTANCE_FORM", "USER_MANUAL", "INSTALLATION_MANUAL", "UPDATE_NOTES",
            "TRAINING_MATERIAL", "EMERGENCY_PLAN", "DRILL_RECORD", "SERVICE_REPORT", "SCORECARD", "MAINTENANCE_RECORD", "OTHER");

    private DocumentTypes() {
    }

    static String require(String type) {
        String code = type == null ? "" : type.strip();
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw org.medops.shared.ProblemException.invalid("archive-type-invalid", code);
        }
        return code;
    }
}
