package org.medops.payment.merchants;

import java.time.Instant;

/** A key as the console shows it: which, its serial and expiry, a short fingerprint; never the key itself. */
record MerchantKey(KeyKind kind, String serial, String fingerprint, Instant expiresAt, String uploadedBy,
                   Instant uploadedAt, Instant retiredAt) {

    boolean expiresWithin(Instant now, java.time.Duration window) {
        return expiresAt != null && expiresAt.isBefore(now.plus(window));
    }
}
