package org.medops.gateway;

import java.time.Instant;
import java.util.List;

import org.medops.catalog.ChannelAccess;

/** A channel with its secrets opened, as one node's memory holds it. */
record ChannelRuntime(ChannelAccess access, List<OpenSecret> secrets, IpAllowList allowList) {

    record OpenSecret(String secret, Instant validUntil) {
        boolean validAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }
    }
}
