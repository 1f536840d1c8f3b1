package org.medops.inspection.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number read back from the value text a check wrote. Nothing about that text is agreed, so the reading is
 * tolerant: {@code 97%}, {@code /data 97.3 %, / 41 %} (each mount a part, the worst one the reading), {@code 26h},
 * {@code 1 d 2 h}, {@code PT26H}, {@code 93600 s}, a backup's time stamp (its age at the check), {@code 12.5 GB},
 * {@code used=97}, a bare number, or JSON holding such numbers. Text without a number gives no reading.
 *
 * @param number in {@code unit}: percent, hours (ages and durations), gigabytes (sizes) or a plain count
 * @param parts  the labelled numbers when the text held several ({@code /data} → 97.3)
 */
public record Reading(double number, Unit unit, List<Part> parts) {

    public enum Unit { PERCENT, HOURS, GIGABYTES, COUNT }

    public record Part(String label, double number) {
    }

    public Reading {
        parts = List.copyOf(parts);
    }

    private static final Pattern PERCENT = Pattern.compile(
            "(?:([^\\s,;:=%()]+)(?:\\s*[:=]\\s*|\\s+))?(-?\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern ISO_DURATION = Pattern.compile("\\bP(?:\\d+D)?T?(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_STAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DURATION_PART = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(days?|d|天|hours?|hrs?|h|小时|minutes?|mins?|m|分钟?|seconds?|secs?|s|秒)(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(TB|TiB|T|GB|GiB|G|MB|MiB|M|KB|KiB|K|B)(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** The worst percentage, an age or duration, a size, else the first number — whichever the text shows first. */
    public static Optional<Reading> of(String value, Instant checkedAt) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        return percent(text).or(() -> duration(text, checkedAt)).or(() -> size(text)).or(() -> plain(text));
    }

    /** A reading in the unit a family's trend is drawn in, if the text gives one. */
    public static Optional<Reading> of(String value, Instant checkedAt, Unit wanted) {
        String text = value == null ? "" : value.strip();
        Optional<Reading> reading = switch (wanted) {
            case PERCENT -> percent(text);
            case HOURS -> duration(text, checkedAt);
            case GIGABYTES -> size(text);
            case COUNT -> plain(text);
        };
        return reading.or(() -> of(value, checkedAt).filter(r -> r.unit() == Unit.COUNT)
                .map(r -> new Reading(r.number(), wanted, r.parts())));
    }

    private static Optional<Reading> percent(String text) {
        Matcher m = PERCENT.matcher(text);
        List<Part> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(new Part(m.group(1) == null ? "" : m.group(1), Double.parseDouble(m.group(2))));
        }
        return parts.stream().mapToDouble(Part::number).max()
                .stream().boxed().findFirst().map(max -> new Reading(max, Unit.PERCENT, parts.size() > 1 ? parts : List.of()));
    }

    private static Optional<Reading> duration(String text, Instant checkedAt) {
        Matcher iso = ISO_DURATION.matcher(text);
        while (iso.find()) {
            if (iso.group().length() > 2) {
                try {
                    return Optional.of(hours(Duration.parse(iso.group().toUpperCase(Locale.ROOT))));
                } catch (DateTimeParseException ignored) {
                    // not a duration after all (a word starting with P); read on
                }
            }
        }
        Matcher stamp = TIME_STAMP.matcher(text);
        if (stamp.find() && checkedAt != null) {
            Optional<Instant> at = instant(stamp.group());
            if (at.isPresent()) {
                return Optional.of(hours(Duration.between(at.get(), checkedAt)));
            }
        }
        Matcher part = DURATION_PART.matcher(text);
        double hours = 0;
        boolean found = false;
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            String unit = part.group(2).toLowerCase(Locale.ROOT);
            if (unit.startsWith("d") || unit.equals("天")) {
                hours += amount * 24;
            } else if (unit.startsWith("h") || unit.equals("小时")) {
                hours += amount;
            } else if (unit.startsWith("m") || unit.startsWith("分")) {
                hours += amount / 60;
            } else {
                hours += amount / 3600;
            }
            found = true;
        }
        return found ? Optional.of(new Reading(round(hours), Unit.HOURS, List.of())) : Optional.empty();
    }

    private static Optional<Reading> size(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        double gigabytes = switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'T' -> amount * 1024;
            case 'G' -> amount;
            case 'M' -> amount / 1024;
            case 'K' -> amount / (1024 * 1024);
            default -> amount / (1024 * 1024 * 1024);
        };
        return Optional.of(new Reading(round(gigabytes), Unit.GIGABYTES, List.of()));
    }

    private static Optional<Reading> plain(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(new Reading(Double.parseDouble(m.group()), Unit.COUNT, List.of()))
                : Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        String iso = text.replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(iso.matches(".*[+-]\\d{4}$")
                    ? iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2) : iso).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // No offset written: the hospital's wall time, as the runner's hosts print it.
                return Optional.of(java.time.LocalDateTime.parse(iso).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static Reading hours(Duration duration) {
        return new Reading(round(duration.toSeconds() / 3600.0), Unit.HOURS, List.of());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
