package org.medops.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of walking the whole chain.
 *
 * @param firstBrokenSeq the first record of the first broken range, or null
 * @param problem        the problem of that range; null when intact
 * @param broken         every broken range in order of sequence: {@code content-altered}, {@code link-broken},
 *                       {@code record-missing}, {@code tail-truncated}, {@code head-mismatch},
 *                       {@code checkpoint-mismatch} (the chain was recomputed somewhere in the range),
 *                       {@code checkpoint-beyond-head}, {@code checkpoint-invalid}
 * @param rangesCut      true when there were more than {@link Ranges#MAX} ranges and the rest were left off
 * @param checkpointsMatched how many signed checkpoints the walk found its records agreeing with
 * @param lastCheckpoint the newest valid checkpoint, or null when none was written yet
 * @param byAlgorithm    how many records each hash algorithm covers (SHA-256, SM3), in the order first met
 * @param algorithmRuns  consecutive records under one algorithm, in order: which algorithm each record uses
 */
record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSeq, String problem,
                         List<BrokenRange> broken, boolean rangesCut, int checkpointsMatched,
                         Checkpoint lastCheckpoint, Map<String, Long> byAlgorithm, List<AlgorithmRun> algorithmRuns) {

    record BrokenRange(long fromSeq, long toSeq, String problem) {
    }

    record AlgorithmRun(String algorithm, long fromSeq, long toSeq) {
    }

    static ChainVerification of(long checked, Ranges ranges, int checkpointsMatched, Checkpoint lastCheckpoint,
                                Algorithms algorithms) {
        List<BrokenRange> broken = ranges.sorted();
        BrokenRange first = broken.isEmpty() ? null : broken.get(0);
        return new ChainVerification(broken.isEmpty(), checked, first == null ? null : first.fromSeq(),
                first == null ? null : first.problem(), broken, ranges.cut, checkpointsMatched, lastCheckpoint,
                Map.copyOf(algorithms.counts), List.copyOf(algorithms.runs));
    }

    /** Counts records per algorithm and joins consecutive records of one algorithm into runs. */
    static final class Algorithms {
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<AlgorithmRun> runs = new ArrayList<>();

        void add(long seq, String algorithm) {
            counts.merge(algorithm, 1L, Long::sum);
            AlgorithmRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.algorithm().equals(algorithm)) {
                runs.set(runs.size() - 1, new AlgorithmRun(algorithm, last.fromSeq(), seq));
            } else if (runs.size() < Ranges.MAX) {
                runs.add(new AlgorithmRun(algorithm, seq, seq));
            }
        }
    }

    /** Collects ranges, merging one that continues the previous range of the same problem. */
    static final class Ranges {
        static final int MAX = 1000;
        private final List<BrokenRange> ranges = new ArrayList<>();
        private boolean cut;

        void add(long from, long to, String problem) {
            if (!ranges.isEmpty()) {
                BrokenRange previous = ranges.get(ranges.size() - 1);
                if (previous.problem().equals(problem) && from <= previous.toSeq() + 1 && to >= previous.fromSeq()) {
                    ranges.set(ranges.size() - 1, new BrokenRange(Math.min(from, previous.fromSeq()),
                            Math.max(to, previous.toSeq()), problem));
                    return;
                }
            }
            if (ranges.size() >= MAX) {
                cut = true;
                return;
            }
            ranges.add(new BrokenRange(from, to, problem));
        }

        List<BrokenRange> sorted() {
            List<BrokenRange> copy = new ArrayList<>(ranges);
            copy.sort(Comparator.comparingLong(BrokenRange::fromSeq).thenComparingLong(BrokenRange::toSeq));
            return copy;
        }
    }
}
