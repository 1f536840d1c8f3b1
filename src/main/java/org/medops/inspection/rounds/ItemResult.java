package org.medops.inspection.rounds;

/** One check's outcome; ERROR means the check could not be made (unreachable, refused, timed out), with why. */
public enum ItemResult {
    PASS, WARN, FAIL, ERROR
}
