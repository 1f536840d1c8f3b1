package org.medops.integration.transform;

/** What the filter and transformer made of a message: passed on (with its output, null when not transformed), filtered or failed. */
public record Processed(Outcome outcome, String transformed, String error) {

    public enum Outcome { PASSED, FILTERED, FAILED }

    static Processed passed(String transformed) {
        return new Processed(Outcome.PASSED, transformed, null);
    }

    static Processed filtered() {
        return new Processed(Outcome.FILTERED, null, null);
    }

    static Processed failed(String error) {
        return new Processed(Outcome.FAILED, null, error);
    }
}
