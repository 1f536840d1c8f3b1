package org.medops.inspection.rounds;

import java.time.Instant;
import java.util.List;

/** A round as the report, the history and the scorecard read it; {@code template} is null for a round of each
 * target's full check list. */
public record RoundSheet(long id, Template template, RoundStatus status, RoundTrigger trigger, String startedBy,
        Instant startedAt, Instant finishedAt, List<RoundItem> items) {

    public long count(ItemResult result) {
        return items.stream().filter(item -> item.result() == result).count();
    }
}
