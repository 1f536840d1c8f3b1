package org.medops.integration.volumes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.medops.integration.registry.ServiceRegistrations;
import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Builds the volume report of a range from the rollup, the delivery rows and the store. */
@Service
public class Volumes {

    public enum Interval {
        HOUR("hour", "yyyy-MM-dd HH:00"), DAY("day", "yyyy-MM-dd"), MONTH("month", "yyyy-MM");

        private final String unit;
        private final DateTimeFormatter format;

        Interval(String unit, String pattern) {
            this.unit = unit;
            this.format = DateTimeFormatter.ofPattern(pattern);
        }

        static Interval of(String value) {
            for (Interval i : values()) {
                if (i.unit.equalsIgnoreCase(value == null ? "day" : value.strip())) {
                    return i;
                }
            }
            throw ProblemException.invalid("integration-volumes-interval", String.valueOf(value));
        }

        String label(LocalDateTime at) {
            return format.format(at);
        }
    }

    private final VolumeRepository repository;
    private final ServiceRegistrations registrations;
    private final MessageSource messages;
    private final Clock clock;

    Volumes(VolumeRepository repository, ServiceRegistrations registrations, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.registrations = registrations;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code from}/{@code to}: days of the hospital's calendar, both included; the last 30 days by default. */
    public VolumeReport report(LocalDate from, LocalDate to, String interval, String channel, ZoneId zone,
                               Locale locale) {
        Interval width = Interval.of(interval);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (last.isBefore(first) || first.plusDays(400).isBefore(last)) {
            throw ProblemException.invalid("integration-volumes-range");
        }
        String only = channel == null || channel.isBlank() ? null : channel.strip();
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();

        List<VolumeRepository.Bucket> buckets = repository.buckets(width.unit, zone, start, end, only);
        Map<String, Acc> channels = new LinkedHashMap<>();
        Map<String, Map<LocalDateTime, long[]>> perChannelPoint = new LinkedHashMap<>();
        List<VolumeReport.Point> points = new ArrayList<>();
        for (VolumeRepository.Bucket b : buckets) {
            Acc acc = channels.computeIfAbsent(b.channel(), Acc::new);
            long[] at = perChannelPoint.computeIfAbsent(b.channel(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(b.at(), t -> new long[3]);
            at[0] += b.received();
            at[1] += b.sent();
            at[2] += b.errored();
            acc.received += b.received();
            acc.filtered += b.filtered();
            acc.sent += b.sent();
            acc.errored += b.errored();
            if (!b.destination().isEmpty()) {
                long[] d = acc.destinations.computeIfAbsent(b.destination(), n -> new long[2]);
                d[0] += b.sent();
                d[1] += b.errored();
                points.add(new VolumeReport.Point(width.label(b.at()), b.channel(), b.destination(), b.received(),
                        b.sent(), b.errored()));
            }
        }
        perChannelPoint.forEach((c, byTime) -> byTime.forEach((t, v) -> {
            points.add(new VolumeReport.Point(width.label(t), c, null, v[0], v[1], v[2]));
            Acc acc = channels.get(c);
            if (v[0] > acc.peakReceived) {
                acc.peakReceived = v[0];
                acc.peakAt = width.label(t);
            }
        }));
        points.sort(Comparator.comparing(VolumeReport.Point::at).thenComparing(VolumeReport.Point::channel)
                .thenComparing(p -> p.destination() == null ? "" : p.destination()));

        // This month against last (the hospital's calendar months), whatever the range.
        LocalDate monthStart = today.withDayOfMonth(1);
        Map<String, Long> thisMonth = totals(repository.received(monthStart.atStartOfDay(zone).toInstant(),
                clock.instant().plusSeconds(1)));
        Map<String, Long> lastMonth = totals(repository.received(monthStart.minusMonths(1).atStartOfDay(zone).toInstant(),
                monthStart.atStartOfDay(zone).toInstant()));

        Map<String, VolumeRepository.Latency> latency = new HashMap<>();
        VolumeRepository.Latency overall = null;
        for (VolumeRepository.Latency l : repository.latency(start, end, only)) {
            if (l.count() == 0) {
                continue;
            }
            if (l.channel() == null) {
                overall = l;
            } else {
                latency.put(l.channel() + "\u0000" + (l.destination() == null ? "" : l.destination()), l);
            }
        }

        // Storage: every stored day; the projection from the last 30 UTC days (days without messages count as 0).
        LocalDate utcToday = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Long> storedBytes = new HashMap<>();
        Map<String, long[]> recent = new HashMap<>();
        long[] allRecent = new long[30];
        for (VolumeRepository.Stored s : repository.stored(only)) {
            storedBytes.merge(s.channel(), s.bytes(), Long::sum);
            long age = utcToday.toEpochDay() - s.day().toEpochDay();
            if (age >= 0 && age < 30) {
                recent.computeIfAbsent(s.channel(), c -> new long[30])[29 - (int) age] += s.bytes();
                allRecent[29 - (int) age] += s.bytes();
            }
        }
        TreeSet<String> codes = new TreeSet<>(channels.keySet());
        codes.addAll(storedBytes.keySet());
        List<VolumeReport.ChannelVolume> result = new ArrayList<>();
        for (String code : codes) {
            Acc acc = channels.getOrDefault(code, new Acc(code));
            Projection projection = Projection.of(list(recent.getOrDefault(code, new long[30])));
            VolumeRepository.Latency l = latency.get(code + "\u0000");
            List<VolumeReport.DestinationVolume> destinations = new ArrayList<>();
            acc.destinations.forEach((name, v) -> {
                VolumeRepository.Latency dl = latency.get(code + "\u0000" + name);
                destinations.add(new VolumeReport.DestinationVolume(name, v[0], v[1], dl == null ? null : round(dl.mean()),
                        dl == null ? null : round(dl.p95())));
            });
            long now = thisMonth.getOrDefault(code, 0L);
            long before = lastMonth.getOrDefault(code, 0L);
            result.add(new VolumeReport.ChannelVolume(code, acc.received, acc.filtered, acc.sent, acc.errored,
                    share(acc.errored, acc.received), acc.peakAt, acc.peakReceived, now, before,
                    before == 0 ? null : round((now - before) * 100.0 / before), l == null ? null : round(l.mean()),
                    l == null ? null : round(l.p95()), storedBytes.getOrDefault(code, 0L), projection.growth(90),
                    projection.growth(365), List.copyOf(destinations)));
        }
        long received = result.stream().mapToLong(VolumeReport.ChannelVolume::received).sum();
        long sent = result.stream().mapToLong(VolumeReport.ChannelVolume::sent).sum();
        long errored = result.stream().mapToLong(VolumeReport.ChannelVolume::errored).sum();
        Projection all = Projection.of(list(allRecent));
        VolumeReport.Totals totals = new VolumeReport.Totals(received, sent, errored, share(errored, received),
                overall == null ? null : round(overall.mean()), overall == null ? null : round(overall.p95()),
                storedBytes.values().stream().mapToLong(Long::longValue).sum(), all.growth(90), all.growth(365));
        return new VolumeReport(first, last, width.unit, List.copyOf(result), systems(result), List.copyOf(points), totals,
                summary(first, last, result, totals, locale));
    }

    /** The channels and destinations the registry knows, added up per system (the rest belong to none). */
    private List<VolumeReport.SystemVolume> systems(List<VolumeReport.ChannelVolume> channels) {
        Map<String, String> publishers = registrations.publishingSystems();
        Map<String, String> subscribers = registrations.subscribingSystems();
        Map<String, long[]> bySystem = new java.util.TreeMap<>();
        for (VolumeReport.ChannelVolume channel : channels) {
            String publisher = publishers.get(channel.channel());
            if (publisher != null) {
                long[] v = bySystem.computeIfAbsent(publisher, s -> new long[3]);
                v[0] += channel.received();
                v[2] += channel.errored();
            }
            for (VolumeReport.DestinationVolume destination : channel.destinations()) {
                String subscriber = subscribers.get(channel.channel() + "/" + destination.name());
                if (subscriber != null) {
                    long[] v = bySystem.computeIfAbsent(subscriber, s -> new long[3]);
                    v[1] += destination.sent();
                    v[2] += destination.errored();
                }
            }
        }
        List<VolumeReport.SystemVolume> systems = new ArrayList<>();
        bySystem.forEach((system, v) -> systems.add(new VolumeReport.SystemVolume(system, v[0], v[1], v[2])));
        return List.copyOf(systems);
    }

    private String summary(LocalDate from, LocalDate to, List<VolumeReport.ChannelVolume> channels,
                           VolumeReport.Totals t, Locale locale) {
        if (t.received() == 0) {
            return messages.getMessage("volumes.summary.empty", null, locale);
        }
        VolumeReport.ChannelVolume busiest = channels.stream().max(Comparator.comparingLong(VolumeReport.ChannelVolume::received))
                .orElseThrow();
        long thisMonth = channels.stream().mapToLong(VolumeReport.ChannelVolume::thisMonth).sum();
        long lastMonth = channels.stream().mapToLong(VolumeReport.ChannelVolume::lastMonth).sum();
        String growth = lastMonth == 0 ? messages.getMessage("volumes.growth.none", null, locale)
                : String.format(Locale.ROOT, "%+.1f%%", (thisMonth - lastMonth) * 100.0 / lastMonth);
        return messages.getMessage("volumes.summary.text", new Object[] {from.toString(), to.toString(),
                String.valueOf(t.received()), String.valueOf(t.sent()), String.valueOf(t.errored()),
                String.format(Locale.ROOT, "%.2f", t.errorShare()), busiest.channel(), String.valueOf(busiest.received()),
                Objects.toString(busiest.peakAt(), "—"), String.valueOf(busiest.peakReceived()), String.valueOf(thisMonth),
                growth, t.meanLatencyMillis() == null ? "—" : String.valueOf(t.meanLatencyMillis()),
                t.p95LatencyMillis() == null ? "—" : String.valueOf(t.p95LatencyMillis()), bytes(t.storedBytes()),
                bytes(t.projected90()), bytes(t.projected365())}, locale);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Errored in percent of received (0 without any). */
    static double share(long errored, long received) {
        return received == 0 ? 0 : Math.round(errored * 10000.0 / received) / 100.0;
    }

    private static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, Long> totals(List<VolumeRepository.Total> rows) {
        Map<String, Long> map = new HashMap<>();
        rows.forEach(r -> map.put(r.channel(), r.value()));
        return map;
    }

    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static final class Acc {
        final String channel;
        long received;
        long filtered;
        long sent;
        long errored;
        long peakReceived;
        String peakAt;
        final Map<String, long[]> destinations = new LinkedHashMap<>();

        Acc(String channel) {
            this.channel = channel;
        }
    }
}
