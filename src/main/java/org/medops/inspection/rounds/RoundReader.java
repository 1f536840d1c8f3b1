package org.medops.inspection.rounds;

import java.util.List;
import java.util.Optional;

/** Reads a round with its items, for the modules beside the round runner (reports, history, schedules). */
public interface RoundReader {

    Optional<RoundSheet> find(long roundId);

    /** The finished rounds of a template, newest first. */
    List<Long> done(Template template, int limit);
}
