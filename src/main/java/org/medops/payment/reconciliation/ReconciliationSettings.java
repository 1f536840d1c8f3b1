package org.medops.payment.reconciliation;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone          the zone business days are counted in (bills print local times)
 * @param pendingWindow how close to midnight an unmatched line may be and still wait for the next day's bill or records
 * @param pendingDays   after how many days a line still waiting becomes a mismatch
 */
@ConfigurationProperties("medops.reconciliation")
record ReconciliationSettings(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("10m") Duration pendingWindow,
                              @DefaultValue("1") int pendingDays) {
}
