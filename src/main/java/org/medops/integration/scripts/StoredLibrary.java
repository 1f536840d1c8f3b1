package org.medops.integration.scripts;

import java.time.Instant;

/** A code library as stored: its current source and version. */
public record StoredLibrary(String code, String source, int version, Instant updatedAt, String updatedBy) {
}
