package org.medops.reporting.reports;

/**
 * New suggestions for a period. {@code version} is the one the editor read (0 when there were none); without it the
 * stored text is replaced whatever it is.
 */
record SuggestionsEdit(String text, Integer version) {
}
