package org.medops.opsdesk.requirements;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contract's free allowance for requirements: person-days per request and per contract year
 * (seed {@code 003_…}: ≤ 3 and ≤ 8). A contract year starts on the first day of {@code yearStartsInMonth}.
 */
@ConfigurationProperties("medops.opsdesk.allowance")
record AllowanceSettings(@DefaultValue("3") BigDecimal perRequest, @DefaultValue("8") BigDecimal perYear,
                         @DefaultValue("1") int yearStartsInMonth) {
}
