package org.medops.records.projects;

/**
 * The milestones of seed 000's optimisation procedure in their order, who owes each, how many working days after the
 * previous one's completion (the project's start for the first) it is due, and the archive's type for its document.
 * The seed gives the test report no deadline of its own; {@link ProjectRules#testReportDays()} sets one.
 */
public enum MilestoneCode {
    RESEARCH_REPORT(Party.VENDOR, 3, "RESEARCH_REPORT"),
    PLAN(Party.VENDOR, 5, "OPTIMISATION_PLAN"),
    CONFIRMATION(Party.HOSPITAL, 3, "PLAN_CONFIRMATION"),
    DELIVERY(Party.VENDOR, 30, "DELIVERY_NOTE"),
    TEST_REPORT(Party.VENDOR, -1, "TEST_REPORT"),
    ACCEPTANCE(Party.HOSPITAL, 7, "ACCEPTANCE_FORM");

    private final Party party;
    private final int workingDays;
    private final String documentType;

    MilestoneCode(Party party, int workingDays, String documentType) {
        this.party = party;
        this.workingDays = workingDays;
        this.documentType = documentType;
    }

    public Party party() {
        return party;
    }

    int workingDays(ProjectRules rules) {
        return this == TEST_REPORT ? rules.testReportDays() : workingDays;
    }

    public String documentType() {
        return documentType;
    }

    /** The hospital signs what it owes and the test report's scenario checklist. */
    boolean hospitalSigns() {
        return party == Party.HOSPITAL || this == TEST_REPORT;
    }

    MilestoneCode next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /** A code named in a path: one that names no milestone names nothing there, so it is not found (404). */
    static MilestoneCode inPath(long projectId, String code) {
        try {
            return parse(code);
        } catch (org.medops.shared.ProblemException e) {
            throw org.medops.shared.ProblemException.notFound("project-document", projectId + "/" + code);
        }
    }

    static MilestoneCode parse(String code) {
        for (MilestoneCode c : values()) {
            if (c.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return c;
            }
        }
        throw org.medops.shared.ProblemException.invalid("project-milestone-invalid", String.valueOf(code));
    }
}
