package org.medops.publication.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firstRetry  the wait after the first failure; it doubles with each further one up to {@code longestRetry}
 * @param alertAfter  failed attempts in a row after which the channel is alerted as down
 * @param timeout     how long one delivery waits for the channel's answer
 */
@ConfigurationProperties("medops.publication.push")
record PushSettings(@DefaultValue("2s") Duration interval, @DefaultValue("5s") Duration firstRetry,
                    @DefaultValue("10m") Duration longestRetry, @DefaultValue("5") int alertAfter,
                    @DefaultValue("5s") Duration timeout, @DefaultValue("4") int parallel) {

    Duration backoff(int failures) {
        long millis = firstRetry.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, longestRetry.toMillis()));
    }
}
