package org.medops.integration.store;

/** Messages of a channel by status; {@code received} counts them all. */
public record ChannelStatistics(long received, long filtered, long queued, long sent, long errored) {
}
