package org.medops.reporting.facts;

/** The kinds of facts, each a list at {@code /reporting/<path>} and {@code /api/v1/reporting/<path>}. */
enum FactKind {
    CALLS("calls"), VISITS("visits"), TRAININGS("trainings"), INCIDENTS("incidents"), EXTRACTIONS("extractions");

    private final String path;

    FactKind(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
