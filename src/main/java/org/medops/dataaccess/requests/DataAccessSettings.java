package org.medops.dataaccess.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many committee members must approve a request (two by default: 双人审批), and the longest grant that may be
 * asked for, in hours (never more than 24).
 */
@ConfigurationProperties("medops.data-access")
record DataAccessSettings(@DefaultValue("2") int approvals, @DefaultValue("24") int maxHours) {

    DataAccessSettings {
        if (approvals < 1) {
            throw new IllegalArgumentException("medops.data-access.approvals must be at least 1");
        }
        if (maxHours < 1 || maxHours > 24) {
            throw new IllegalArgumentException("medops.data-access.max-hours must be between 1 and 24");
        }
    }
}
