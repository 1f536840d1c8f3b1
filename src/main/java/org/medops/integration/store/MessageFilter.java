package org.medops.integration.store;

import java.time.Duration;
import java.time.Instant;

import org.medops.shared.ProblemException;

/**
 * A message search: always time bounded (default the last 24 hours, at most 31 days, so that only a few day
 * partitions are read), keyset paged newest first: {@code before} is the last id of the previous page.
 */
public record MessageFilter(String channel, MessageStatus status, Instant from, Instant to, String controlId,
                            Long before, Integer size) {

    static final Duration LONGEST = Duration.ofDays(31);
    static final int MAX_SIZE = 200;

    public MessageFilter bounded(Instant now) {
        Instant end = to == null ? now.plusSeconds(60) : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("integration-messages-range");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("integration-messages-range-long", LONGEST.toDays());
        }
        int pageSize = size == null ? 50 : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalid("integration-messages-size", MAX_SIZE);
        }
        return new MessageFilter(blank(channel), status, start, end, blank(controlId), before, pageSize);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
