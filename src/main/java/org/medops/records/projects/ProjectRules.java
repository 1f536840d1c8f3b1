package org.medops.records.projects;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contract's numbers (seed 000): 0.5 % of the fee per working day of the vendor's delay on delivery, the
 * hospital's right to terminate after 10; the test report's working days after delivery, which the seed leaves open.
 */
@ConfigurationProperties("medops.records.projects")
record ProjectRules(@DefaultValue("0.005") BigDecimal penaltyPerDay, @DefaultValue("10") int warningDays,
                    @DefaultValue("5") int testReportDays) {
}
