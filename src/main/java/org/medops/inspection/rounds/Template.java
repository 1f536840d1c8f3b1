package org.medops.inspection.rounds;

/** The round templates of the seeds: a daily light round, the quarterly full round, the database performance round
 * (four times a year and before each holiday period) and the monthly backup check. */
public enum Template {
    DAILY, QUARTERLY, DATABASE, BACKUP
}
