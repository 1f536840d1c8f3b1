package org.medops.records.archive;

/** The hospital's signature on a document: the name as signed. */
record SignRequest(String name) {
}
