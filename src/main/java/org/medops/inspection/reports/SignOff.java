package org.medops.inspection.reports;

import java.time.Instant;

/** The information department's sign-off: the account that signed, the name as signed, the statement, when. */
public record SignOff(String signedBy, String name, String statement, Instant at) {
}
