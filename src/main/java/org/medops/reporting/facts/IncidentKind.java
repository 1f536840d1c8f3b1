package org.medops.reporting.facts;

/**
 * What the hospital holds against the vendor, each deducted under its scorecard item (seed 001): attitude and
 * complaints (item 7), conduct (item 8), data security (item 10). A breach of medical discipline or 商业统方, and a
 * safety accident with serious loss, fail the quarter outright (the card's notes 6 and 7).
 */
public enum IncidentKind {
    COMPLAINT, ATTITUDE, CONDUCT, DISCIPLINE_BREACH, SAFETY_ACCIDENT, DATA_SECURITY, DATA_LEAK;

    /** Data-security incidents are weighed case by case: at least 10 points; a leak is always 40. */
    public boolean needsPoints() {
        return this == DATA_SECURITY;
    }
}
