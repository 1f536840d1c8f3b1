package org.medops.inspection.reports;

/** {@code POST …/report/sign}: the name as signed (required) and the statement (a standard one when left out). */
record SignRequest(String name, String statement) {
}
