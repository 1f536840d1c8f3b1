package org.medops.payment.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reconciliation of a merchant's day: where the bill and the HIS records came from, what each side held, and what
 * the matching found.
 */
record Run(long id, String merchantCode, LocalDate businessDate, String channel, Sources sources, Totals totals,
           long matched, long pending, long mismatches, RunStatus status, String startedBy, Instant startedAt) {

    /** {@code billSource} UPLOAD or DOWNLOAD; {@code hisSource} UPLOAD or PLATFORM (no HIS file: the platform's books). */
    record Sources(String billSource, String billName, String billSha256, String hisSource, String hisSha256) {
    }

    record Totals(long channelLines, long channelPayFen, long channelRefundFen, long channelFeeFen, long hisLines,
                  long hisPayFen, long hisRefundFen, long platformLines) {

        long channelNetFen() {
            return channelPayFen - channelRefundFen;
        }

        long hisNetFen() {
            return hisPayFen - hisRefundFen;
        }
    }

    boolean current() {
        return status != RunStatus.SUPERSEDED;
    }
}
