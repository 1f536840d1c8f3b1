package org.medops.inspection.checks;

/** What one check found: its verdict, the measured value, the limit it was held against and the evidence (the
 * command or query and its trimmed output). */
public record CheckResult(CheckCode check, Outcome outcome, String value, String threshold, String evidence) {

    static final int MAX_EVIDENCE = 4000;

    public CheckResult {
        evidence = trim(evidence, MAX_EVIDENCE);
        value = trim(value, 500);
    }

    public static CheckResult error(CheckCode check, String why, String evidence) {
        return new CheckResult(check, Outcome.ERROR, why, null, evidence == null ? why : evidence);
    }

    static String trim(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 12) + "\n… (trimmed)";
    }
}
