package org.medops.inspection.rounds;

/** Who started a round: a person now, or a schedule when it fell due. */
public enum RoundTrigger {
    MANUAL, SCHEDULE
}
