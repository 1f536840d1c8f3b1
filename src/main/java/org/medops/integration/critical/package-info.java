/**
 * The critical-value closed loop (危急值闭环): a {@code CRITICAL_VALUE} destination on a channel carrying LIS/PACS
 * results finds critical results (OBX-8 flags such as HH/LL/AA, or an item's configured bounds; or a 危急值 JSON
 * message), keeps one record per result, notifies the ordering clinician and ward, tracks reported → delivered →
 * acknowledged → handled → closed with who and when, escalates an unacknowledged value to the department head and
 * then to the medical affairs office (医务科), and reports stage times by department and month.
 */
@ApplicationModule
package org.medops.integration.critical;

import org.springframework.modulith.ApplicationModule;
