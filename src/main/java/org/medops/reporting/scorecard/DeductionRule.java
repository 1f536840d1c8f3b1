package org.medops.reporting.scorecard;

/** Why a deduction was made: a rule of seed 001's card applied to a recorded fact, or a reviewer's own. */
enum DeductionRule {
    MISSED_INSPECTION, LATE_ARRIVAL, UNRESOLVED, SERVER_OUTAGE, SERVER_OUTAGE_CAP, BACKUP_FAILURE, UNANSWERED_CALL,
    REWORK, COMPLAINT, ATTITUDE, CONDUCT, DISCIPLINE_BREACH, SAFETY_ACCIDENT, WRONG_EXTRACTION, DATA_SECURITY,
    DATA_LEAK, MANUAL
}
