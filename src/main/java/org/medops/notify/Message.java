package org.medops.notify;

/**
 * What is sent: a title and a plain-text body (rendered as markdown by the robots), a severity
 * and the reference of what it is about (e.g. {@code alert:42}) for the delivery records.
 */
public record Message(String title, String text, String severity, String reference) {
}
