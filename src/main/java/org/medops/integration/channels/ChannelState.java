package org.medops.integration.channels;

/** What a node compares, twice a second, to know whether a deployed channel changed. */
public record ChannelState(String code, int version, boolean enabled) {
}
