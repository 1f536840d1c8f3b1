package org.medops.inspection.rounds;

import java.util.Optional;

/** Reads a round with its items, for the modules beside the round runner (reports, history, schedules). */
public interface RoundReader {

    Optional<RoundSheet> find(long roundId);
}
