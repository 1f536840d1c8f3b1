package org.medops.inspection.rounds;

import java.time.Instant;

/** One result of a round: which check on which target, its outcome, what was measured against what limit, and the
 * evidence (the command or query and its trimmed output). */
public record RoundItem(String targetCode, String targetName, String checkCode, ItemResult result, String value,
        String threshold, String evidence, Instant checkedAt) {
}
