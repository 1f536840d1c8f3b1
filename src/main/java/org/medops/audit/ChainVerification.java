package org.medops.audit;

/**
 * The result of walking the whole chain.
 *
 * @param firstBrokenSeq the first record whose content, link or position is wrong, or null
 * @param problem        {@code content-altered}, {@code link-broken}, {@code record-missing} or
 *                       {@code tail-truncated}; null when intact
 */
record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSeq, String problem) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
