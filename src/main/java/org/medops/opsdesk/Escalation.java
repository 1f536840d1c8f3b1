package org.medops.opsdesk;

import java.util.List;

/** Who hears about a clock once it has used {@code percent} of its target (100: breached). */
record Escalation(int percent, String audience, List<Long> targetIds) {

    Escalation {
        targetIds = List.copyOf(targetIds);
    }
}
