package org.medops.records.versions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version a system runs or ran: installed on a day by someone, with its release notes, and the change (and
 * upgrade) that installed it when it came through one.
 */
record InstalledVersion(long id, String systemCode, String version, LocalDate installedOn, String installedBy,
                        String releaseNotes, Long changeId, Long upgradeId, String recordedBy, Instant recordedAt) {
}
