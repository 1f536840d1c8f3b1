package org.medops.signature;

import java.util.List;

/**
 * A plain document to sign when the signed thing has no PDF of its own (a scorecard, a change authorization): a
 * title and lines of label and value, printed as they are given.
 */
public record Sheet(String title, List<Line> lines) {

    public Sheet {
        lines = List.copyOf(lines);
    }

    public record Line(String label, String value) {
    }
}
