package org.medops.inspection.reports;

import org.medops.inspection.rounds.ItemResult;

/**
 * One finding of a report (发现问题/隐患): on which target and check, how it turned out, what was found, the likely
 * cause and the suggested action. Pre-filled from a FAIL/WARN/ERROR item; the engineer edits, adds or removes them.
 */
public record Finding(String target, String check, ItemResult result, String finding, String cause, String action) {

    static final int MAX_TEXT = 2000;

    public Finding {
        target = trim(target, 200);
        check = trim(check, 64);
        finding = trim(finding, MAX_TEXT);
        cause = trim(cause, MAX_TEXT);
        action = trim(action, MAX_TEXT);
    }

    boolean isEmpty() {
        return (finding == null || finding.isEmpty()) && (cause == null || cause.isEmpty())
                && (action == null || action.isEmpty());
    }

    private static String trim(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
