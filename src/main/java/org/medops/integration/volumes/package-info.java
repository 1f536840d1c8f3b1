/**
 * Message-volume analysis (消息量分析): volumes per channel and destination by hour, day and month from the
 * statistics rollup, peaks, this month against last, mean and p95 delivery latency from the delivery rows, error
 * share, storage used per channel and its linear projection, charts, an Excel export and a written summary for
 * the quarterly service report. Keyed by channel code (a per-system roll-up goes on top of it).
 */
@ApplicationModule
package org.medops.integration.volumes;

import org.springframework.modulith.ApplicationModule;
