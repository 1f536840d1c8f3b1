package org.medops.records.plans;

import java.time.LocalDate;

/**
 * The figures a service report quotes for a period {@code [from, to)}: plans in force, their reviews overdue as of
 * {@code to}'s eve, drills held, and how many of the measured ones recovered within the plan's RTO.
 */
record PlanFigures(LocalDate from, LocalDate to, long plans, long reviewsOverdue, long drills, long drillsMeasured,
                   long drillsWithinRto) {
}
