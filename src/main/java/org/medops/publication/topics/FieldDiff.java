package org.medops.publication.topics;

/** One field's change between two states of a record; null where the field was not set. */
public record FieldDiff(String field, String before, String after) {
}
