package org.medops.integration.channels;

import java.time.Instant;

/** One saved version of a channel's document. */
public record ChannelVersion(String code, int version, Instant savedAt, String savedBy) {
}
