package org.medops.integration.channels;

import java.time.Instant;

/** A channel as stored: its document exactly as saved, the version of that document and whether it runs. */
public record StoredChannel(String code, String document, int version, boolean enabled, Instant updatedAt,
                            String updatedBy) {
}
