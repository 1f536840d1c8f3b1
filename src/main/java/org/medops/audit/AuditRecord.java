package org.medops.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.medops.shared.CryptoSuite;

/**
 * One entry of the trail. Its hash covers every field and the previous entry's hash; {@code algorithm} names the
 * hash function (SHA-256, or SM3 under the commercial suite), so a chain that switched keeps verifying.
 */
record AuditRecord(long seq, Instant occurredAt, String actor, String clientIp, String action,
                   String targetType, String targetId, String outcome, String details,
                   String prevHash, String hash, String algorithm) {

    static final String GENESIS = "0".repeat(64);

    /** Builds the next record of the chain; time is cut to the microseconds PostgreSQL keeps. */
    static AuditRecord next(long seq, String prevHash, Instant at, String actor, String clientIp,
                            String action, String targetType, String targetId, String outcome,
                            String details, CryptoSuite.Digest digest) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        String hash = hashOf(digest, seq, stored, actor, clientIp, action, targetType, targetId, outcome,
                details, prevHash);
        return new AuditRecord(seq, stored, actor, clientIp, action, targetType, targetId, outcome,
                details, prevHash, hash, digest.algorithm());
    }

    /** True when the stored hash still matches the stored content under the stored algorithm. */
    boolean intact() {
        CryptoSuite.Digest digest;
        try {
            digest = CryptoSuite.Digest.named(algorithm);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return hash.equals(hashOf(digest, seq, occurredAt, actor, clientIp, action, targetType, targetId,
                outcome, details, prevHash));
    }

    private static String hashOf(CryptoSuite.Digest digest, long seq, Instant at, String actor, String clientIp,
                                 String action, String targetType, String targetId, String outcome, String details,
                                 String prevHash) {
        // Length-prefixed fields: no choice of values can make two records serialize alike.
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, clientIp, action,
                targetType, targetId, outcome, details, prevHash}) {
            String value = field == null ? "" : field;
            canonical.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
        }
        return digest.hex(canonical.toString());
    }
}
