package org.medops.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What a gateway node needs to know of a channel. Secrets stay sealed; the node opens them with
 * {@link org.medops.shared.Secrets}, so neither the database nor the node's disk cache holds them in clear.
 */
public record ChannelAccess(String code, String appKey, boolean enabled, List<String> ipAllowList,
                            Integer quotaPerSecond, Long quotaPerDay, List<SealedSecret> secrets) {

    /** A secret that verifies signatures until {@code validUntil} (null: until rotated). */
    public record SealedSecret(String sealed, Instant validUntil) {
        public boolean validAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }
    }
}
