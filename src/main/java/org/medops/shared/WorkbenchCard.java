package org.medops.shared;

/**
 * One number on a workbench (工作台): a message key for its label, the count, the link to the filtered list whose
 * total is that count, and how urgent it is. {@code section} is the message key of the group it belongs to.
 */
public record WorkbenchCard(String section, String label, long count, String link, Severity severity) {

    public enum Severity {
        /** Work to take up. */
        INFO,
        /** About to go wrong (an SLA due within the hour, a confirmation waiting for days). */
        WARNING,
        /** Already gone wrong (a breached SLA). */
        DANGER
    }

    public static WorkbenchCard of(String section, String label, long count, String link, Severity severity) {
        return new WorkbenchCard(section, label, count, link, severity);
    }
}
