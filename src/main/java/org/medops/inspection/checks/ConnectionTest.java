package org.medops.inspection.checks;

/** Whether a target could be reached and signed in to, with what it answered (or why not). */
public record ConnectionTest(boolean ok, String detail) {
}
