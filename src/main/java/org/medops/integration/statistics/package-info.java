/**
 * Message statistics (消息量统计): what each channel received, filtered, queued, sent and errored, and each
 * destination's delivery latency, counted in memory on the message path and added every few seconds to a
 * per-minute and per-hour rollup; the same counts feed the Prometheus meters.
 */
@ApplicationModule
package org.medops.integration.statistics;

import org.springframework.modulith.ApplicationModule;
