package org.medops.opsdesk.changes;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The nightly maintenance window production changes must fit in (default 22:00–06:00 in Asia/Shanghai). */
@ConfigurationProperties("medops.opsdesk.maintenance-window")
record MaintenanceWindowSettings(@DefaultValue("22:00") LocalTime start, @DefaultValue("06:00") LocalTime end,
                                 @DefaultValue("Asia/Shanghai") ZoneId zone) {

    MaintenanceWindow window() {
        return new MaintenanceWindow(start, end, zone);
    }
}
