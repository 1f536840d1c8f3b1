package org.medops.inspection.reports;

import java.util.List;

/** {@code PUT …/report}: the findings as they should stand (null: unchanged) and the engineer's remarks (null: unchanged). */
record ReportEdit(List<Finding> findings, String remarks) {
}
