package org.medops.payment.reconciliation;

import java.time.Instant;
import java.util.List;

import org.medops.shared.ProblemException;

/**
 * A difference one run found, with the amounts each side holds (fen; null where a side has nothing) and, once
 * handled, how, by whom and why. {@code detailCode} and {@code detailArgs} explain it in the bundles' words.
 */
record Mismatch(long id, long runId, Category category, String kind, String outTradeNo, String outRefundNo,
                Long hisAmountFen, Long channelAmountFen, Long platformAmountFen, String detailCode,
                List<String> detailArgs, Handling handling) {

    static final int MAX_NOTE = 1000;

    record Handling(Resolution resolution, String note, String by, Instant at) {
    }

    boolean resolved() {
        return handling != null;
    }

    Mismatch resolve(Resolution resolution, String note, String by, Instant at) {
        if (resolved()) {
            throw ProblemException.conflict("recon-mismatch-resolved", id);
        }
        if (resolution == null) {
            throw ProblemException.invalid("recon-resolution-required");
        }
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw ProblemException.invalid("recon-resolution-note-required");
        }
        if (why.length() > MAX_NOTE) {
            throw ProblemException.invalid("recon-resolution-note-too-long", MAX_NOTE);
        }
        return new Mismatch(id, runId, category, kind, outTradeNo, outRefundNo, hisAmountFen, channelAmountFen,
                platformAmountFen, detailCode, detailArgs, new Handling(resolution, why, by, at));
    }
}
