package org.medops.opsdesk;

/** A ticket's urgency; each has its own SLA policy (seed 000 priorities merged with seed 001 grades). */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
