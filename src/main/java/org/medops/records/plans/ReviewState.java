package org.medops.records.plans;

import java.time.LocalDate;

/** A plan is reviewed every year: overdue after its due date, due soon in the month before. */
enum ReviewState {
    OVERDUE, DUE_SOON, CURRENT;

    static final int WARN_DAYS = 30;

    static ReviewState of(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return OVERDUE;
        }
        return today.isAfter(due.minusDays(WARN_DAYS)) ? DUE_SOON : CURRENT;
    }

    public String badge() {
        return switch (this) {
            case OVERDUE -> "bg-red-lt";
            case DUE_SOON -> "bg-yellow-lt";
            case CURRENT -> "bg-green-lt";
        };
    }
}
