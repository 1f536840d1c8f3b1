package org.medops.opsdesk.sla;

import java.util.List;

/** Who hears about a clock once it has used {@code percent} of its target (100: breached). */
public record Escalation(int percent, String audience, List<Long> targetIds) {

    public Escalation {
        targetIds = List.copyOf(targetIds);
    }
}
