/**
 * Inspection history (巡检历史): each target's results over time, the measured values read back from the text the
 * round runner wrote (partition usage, backup age and any other number, tolerant of how it was written), and the
 * year's rounds against the plan (each planned occurrence of the schedules done or missed), which the service
 * report and the vendor scorecard read through {@code GET /api/v1/inspection/plan?year=}.
 */
@ApplicationModule(displayName = "Inspection history")
package org.medops.inspection.history;

import org.springframework.modulith.ApplicationModule;
