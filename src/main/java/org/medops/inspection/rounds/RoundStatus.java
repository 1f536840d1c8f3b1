package org.medops.inspection.rounds;

public enum RoundStatus {
    RUNNING, DONE
}
