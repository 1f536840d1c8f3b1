package org.medops.opsdesk;

import java.time.ZoneId;

import org.medops.settings.Settings;
import org.springframework.stereotype.Component;

/** The zone the console shows and reads times in (系统配置), so typed times mean what the page showed. */
@Component
public class HospitalZone {

    private final Settings settings;

    HospitalZone(Settings settings) {
        this.settings = settings;
    }

    public ZoneId get() {
        return settings.current().zone();
    }
}
