package org.medops.records.projects;

/** A proposed extension of the delivery by a number of working days, with the written reason. */
record ExtensionRequest(Integer workingDays, String reason) {
}
