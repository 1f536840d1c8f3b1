package org.medops.inspection.checks;

/** A check's verdict; ERROR means it could not be made (unreachable, refused, timed out), with why. */
public enum Outcome {
    PASS, WARN, FAIL, ERROR
}
