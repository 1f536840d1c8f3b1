package org.medops.inspection.rounds;

import java.util.List;

/** Asks for a round now (published by the schedules when one falls due); {@code targets} empty means every active
 * target, {@code template} null means each target's full check list. */
public record RoundDue(Template template, List<String> targets, RoundTrigger trigger, Long scheduleId,
        String requestedBy) {

    public RoundDue {
        targets = List.copyOf(targets);
    }
}
