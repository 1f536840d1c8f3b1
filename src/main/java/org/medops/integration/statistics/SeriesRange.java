package org.medops.integration.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.medops.shared.ProblemException;

/**
 * The time range of a series as asked ({@code from}, {@code to} ISO instants, {@code interval} minute|hour), made
 * whole: defaults (the last hour by minute, the last 48 hours by hour), bounds cut to whole buckets, a limit on
 * the span so a chart never asks for a year of minutes.
 */
public record SeriesRange(Instant from, Instant to, Interval interval) {

    public static SeriesRange of(String from, String to, String interval, Instant now) {
        Interval width = interval(interval);
        Instant end = to == null || to.isBlank() ? now : instant(to);
        Instant start = from == null || from.isBlank() ? end.minus(width.defaultRange()) : instant(from);
        start = width.bucket(start);
        end = width.bucket(end);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("integration-statistics-range");
        }
        if (Duration.between(start, end).compareTo(width.longestRange()) > 0) {
            throw ProblemException.invalid("integration-statistics-range-long", width.longestRange().toDays());
        }
        return new SeriesRange(start, end, width);
    }

    private static Interval interval(String value) {
        if (value == null || value.isBlank()) {
            return Interval.MINUTE;
        }
        try {
            return Interval.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("integration-statistics-interval");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("integration-statistics-time");
        }
    }
}
