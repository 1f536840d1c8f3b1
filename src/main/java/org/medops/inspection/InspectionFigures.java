package org.medops.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The inspection rounds of a period for the service reports (reporting): how many rounds ran by template, how many
 * reports were signed, the items by result and the failing and warning items as findings. Implemented by the
 * inspection reports feature. Periods are half-open: {@code from} included, {@code to} excluded.
 */
public interface InspectionFigures {

    /** {@code template} is the round template's code, {@code ALL} for a round of every check. */
    record TemplateCount(String template, long rounds) {
    }

    /** A failing, erroring or warning item of a finished round; {@code check} is already in the reader's words. */
    record Finding(long roundId, String target, String check, String result, String value, Instant checkedAt) {
    }

    record Rounds(long rounds, long finished, long signedReports, List<TemplateCount> byTemplate, long items,
                  long pass, long warn, long fail, long error, List<Finding> findings) {
    }

    /** At most {@code findingLimit} findings, failures first, newest first. */
    Rounds rounds(Instant from, Instant to, int findingLimit, Locale locale);
}
