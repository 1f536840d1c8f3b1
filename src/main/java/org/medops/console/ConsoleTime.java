package org.medops.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.medops.settings.Settings;
import org.springframework.stereotype.Component;

/** Shows stored UTC instants in the hospital's configured zone; templates call {@code @times}. */
@Component("times")
public class ConsoleTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Settings settings;

    ConsoleTime(Settings settings) {
        this.settings = settings;
    }

    public String minutes(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant.atZone(settings.current().zone()));
    }

    public String seconds(Instant instant) {
        return instant == null ? "—" : SECONDS.format(instant.atZone(settings.current().zone()));
    }
}
