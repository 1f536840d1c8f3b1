package org.medops.records.versions;

import java.time.LocalDate;

/**
 * "At least one new version a year" (seed 001, 数据中心): a system is due once a year has passed since the version it
 * runs was installed; one with no version registered is unknown, which the page says too.
 */
enum VersionCadence {
    NONE_REGISTERED, OVERDUE, DUE_SOON, ON_TRACK;

    /** How many days before the year is up the page warns. */
    static final int WARN_DAYS = 30;

    static VersionCadence of(LocalDate lastInstalled, LocalDate today) {
        if (lastInstalled == null) {
            return NONE_REGISTERED;
        }
        LocalDate due = dueBy(lastInstalled);
        if (today.isAfter(due)) {
            return OVERDUE;
        }
        return today.isAfter(due.minusDays(WARN_DAYS)) ? DUE_SOON : ON_TRACK;
    }

    /** The day by which the next version should be installed: a year after the last one. */
    static LocalDate dueBy(LocalDate lastInstalled) {
        return lastInstalled == null ? null : lastInstalled.plusYears(1);
    }

    public String badge() {
        return switch (this) {
            case NONE_REGISTERED -> "bg-secondary-lt";
            case OVERDUE -> "bg-red-lt";
            case DUE_SOON -> "bg-yellow-lt";
            case ON_TRACK -> "bg-green-lt";
        };
    }

    public boolean warning() {
        return this != ON_TRACK;
    }
}
