package org.medops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** One entry of the trail. Its hash covers every field and the previous entry's hash. */
record AuditRecord(long seq, Instant occurredAt, String actor, String clientIp, String action,
                   String targetType, String targetId, String outcome, String details,
                   String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    /** Builds the next record of the chain; time is cut to the microseconds PostgreSQL keeps. */
    static AuditRecord next(long seq, String prevHash, Instant at, String actor, String clientIp,
                            String action, String targetType, String targetId, String outcome,
                            String details) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        String hash = hashOf(seq, stored, actor, clientIp, action, targetType, targetId, outcome,
                details, prevHash);
        return new AuditRecord(seq, stored, actor, clientIp, action, targetType, targetId, outcome,
                details, prevHash, hash);
    }

    /** True when the stored hash still matches the stored content. */
    boolean intact() {
        return hash.equals(hashOf(seq, occurredAt, actor, clientIp, action, targetType, targetId,
                outcome, details, prevHash));
    }

    private static String hashOf(long seq, Instant at, String actor, String clientIp, String action,
                                 String targetType, String targetId, String outcome, String details,
                                 String prevHash) {
        // Length-prefixed fields: no choice of values can make two records serialize alike.
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, clientIp, action,
                targetType, targetId, outcome, details, prevHash}) {
            String value = field == null ? "" : field;
            canonical.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
