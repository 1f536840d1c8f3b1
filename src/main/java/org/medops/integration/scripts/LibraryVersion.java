package org.medops.integration.scripts;

import java.time.Instant;

/** One saved version of a library. */
record LibraryVersion(String code, int version, Instant savedAt, String savedBy) {
}
