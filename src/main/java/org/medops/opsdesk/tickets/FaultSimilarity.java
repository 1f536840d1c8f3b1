package org.medops.opsdesk.tickets;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * What a fault report says, as the set of character bigrams of its title and phenomenon, so two reports can be
 * compared: Chinese has no spaces between words, so characters, not words, are the unit. Case, width,
 * whitespace and punctuation do not count; a number does (窗口 6 and 窗口 9 differ a little).
 */
record FaultSimilarity(Set<String> bigrams) {

    /** Half the bigrams shared (Jaccard): the same fault told again, not merely the same system. */
    static final double SAME_FAULT = 0.5;

    FaultSimilarity {
        bigrams = Set.copyOf(bigrams);
    }

    static FaultSimilarity of(String title, String phenomenon) {
        Set<String> bigrams = new HashSet<>();
        // Title and phenomenon each on their own: the seam between them is no part of what either says.
        addBigrams(title, bigrams);
        addBigrams(phenomenon, bigrams);
        return new FaultSimilarity(bigrams);
    }

    /** Jaccard similarity of the two bigram sets, 0 (nothing shared) to 1 (the same text after normalising). */
    double to(FaultSimilarity other) {
        if (bigrams.isEmpty() || other.bigrams.isEmpty()) {
            return 0;
        }
        long shared = bigrams.stream().filter(other.bigrams::contains).count();
        return (double) shared / (bigrams.size() + other.bigrams.size() - shared);
    }

    boolean sameFaultAs(FaultSimilarity other) {
        return to(other) >= SAME_FAULT;
    }

    private static void addBigrams(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        int[] kept = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit).toArray();
        if (kept.length == 1) {
            into.add(new String(kept, 0, 1));
        }
        for (int i = 0; i + 1 < kept.length; i++) {
            into.add(new String(kept, i, 2));
        }
    }
}
