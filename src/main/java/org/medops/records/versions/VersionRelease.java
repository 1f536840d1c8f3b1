package org.medops.records.versions;

import java.time.Instant;
import java.time.LocalDate;

/** A version the vendor released for a system (发布版本), installed or not. */
record VersionRelease(long id, String systemCode, String version, LocalDate releasedOn, String notes,
                      String recordedBy, Instant recordedAt) {
}
