package org.medops.integration.volumes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The volume demo: 30 days of hourly volumes of the demo channels before the current hour (a day curve, weekends
 * quieter, a little growth), so the volume charts of a demo installation are not empty; relative to the current time.
 * Lives in this module (the demo module may only use the engine's top-level API).
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class VolumesDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(VolumesDemo.class);
    private static final List<String> CHANNELS = List.of("his-adt-emr", "lis-oru-emr", "device-bga-emr");

    private final VolumeBackfill volumes;
    private final Clock clock;

    VolumesDemo(VolumeBackfill volumes, Clock clock) {
        this.volumes = volumes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "message volumes";
    }

    @Override
    public void seed() {
        log.info("Demo: {} hours of message volumes added", volumes.add(history()));
    }

    /** 30 days of hours before the current hour; a seeded random, so restarts add the same (and nothing twice). */
    private List<VolumeBackfill.Hour> history() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Random random = new Random(now.getEpochSecond() / 86_400);
        List<VolumeBackfill.Hour> hours = new ArrayList<>();
        for (int h = 30 * 24; h >= 2; h--) {
            Instant hour = now.minus(h, ChronoUnit.HOURS);
            ZonedDateTime local = hour.atZone(zone);
            double daytime = local.getHour() >= 8 && local.getHour() < 18 ? 1.0 : local.getHour() < 6 ? 0.15 : 0.45;
            double weekday = local.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0;
            double growth = 1.0 + (30 * 24 - h) / (30.0 * 24) * 0.2;
            for (int c = 0; c < CHANNELS.size(); c++) {
                int base = new int[] {220, 160, 40}[c];
                long received = Math.round(base * daytime * weekday * growth * (0.8 + random.nextDouble() * 0.4));
                long errored = random.nextInt(100) < 8 ? 1 + random.nextInt(3) : 0;
                long sent = Math.max(0, received - errored);
                long latency = 15 + random.nextInt(60);
                hours.add(new VolumeBackfill.Hour(CHANNELS.get(c), "", hour, received, 0, 0, 0, 0));
                hours.add(new VolumeBackfill.Hour(CHANNELS.get(c), "emr", hour, 0, sent, errored, latency * sent, sent));
            }
        }
        return hours;
    }

}
