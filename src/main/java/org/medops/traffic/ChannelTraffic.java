package org.medops.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.medops.shared.ProblemException;
import org.medops.shared.ListRequest;
import org.springframework.stereotype.Service;

/**
 * One channel's own traffic, for that channel's developers: its calls and its usage figures. Every
 * query is bound to the channel given; there is no way to ask for another channel's rows, nor for all.
 */
@Service
public class ChannelTraffic {

    /** The most calls one request returns: the portal shows them on one page. */
    public static final int MAX_CALLS = 500;

    private final AccessLogs logs;
    private final Rollups rollups;

    ChannelTraffic(AccessLogs logs, Rollups rollups) {
        this.logs = logs;
        this.rollups = rollups;
    }

    /** The channel's calls in {@code [from, to)}, newest first; at most {@code limit}, under {@link #MAX_CALLS}. */
    public List<Call> calls(String channelCode, Instant from, Instant to, String serviceCode, Integer statusClass,
                            int limit) {
        AccessLogs.LogFilter filter = new AccessLogs.LogFilter(from, to, serviceCode, required(channelCode), null,
                statusClass, null, null, null, null);
        return logs.rows(filter, new ListRequest.Sort("time", false), null, Math.min(Math.max(limit, 1), MAX_CALLS))
                .stream()
                .map(r -> new Call(r.occurredAt(), r.requestId(), r.serviceCode(), r.method(), r.path(), r.status(),
                        r.errorCode(), r.totalMicros() / 1000.0, r.clientIp()))
                .toList();
    }

    /** The channel's calls per service, hospital day by day, {@code from} to {@code to} inclusive (≤ 93 days). */
    public Usage usage(String channelCode, LocalDate from, LocalDate to, ZoneId zone) {
        String channel = required(channelCode);
        if (to.isBefore(from) || from.plusDays(93).isBefore(to)) {
            throw ProblemException.invalid("range-invalid");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, RollupTotals> services = new TreeMap<>();
        Map<LocalDate, RollupTotals> days = new TreeMap<>();
        rollups.forEachHourOfChannel(channel, start, end, bucket -> {
            LocalDate day = bucket.at().atZone(zone).toLocalDate();
            String service = bucket.serviceCode();
            services.computeIfAbsent(service.isEmpty() ? "—" : service, s -> new RollupTotals()).add(bucket);
            days.computeIfAbsent(day, d -> new RollupTotals()).add(bucket);
        });
        List<Figures> byService = new ArrayList<>();
        services.forEach((service, a) -> byService.add(figures(a, service)));
        List<Figures> byDay = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            RollupTotals a = days.get(day);
            byDay.add(a == null ? new Figures(day.toString(), 0, 0, 0, 0, null) : figures(a, day.toString()));
        }
        return new Usage(channel, from, to, byService, byDay);
    }

    private static String required(String channelCode) {
        if (channelCode == null || channelCode.isBlank()) {
            throw ProblemException.invalid("channel-required");
        }
        return channelCode.trim();
    }

    public record Call(Instant occurredAt, String requestId, String serviceCode, String method, String path,
                       int status, String errorCode, double totalMillis, String clientIp) {
        public boolean succeeded() {
            return status < 400 && errorCode == null;
        }
    }

    /** @param key a service code, or a day ({@code yyyy-MM-dd}) */
    public record Figures(String key, long calls, long failures, double failureRate, double averageMillis,
                          Double p95Millis) {
    }

    public record Usage(String channelCode, LocalDate from, LocalDate to, List<Figures> byService,
                        List<Figures> byDay) {
        /** The most calls on one day, to scale the day bars. */
        public long busiestDay() {
            return byDay.stream().mapToLong(Figures::calls).max().orElse(0);
        }
    }

    private static Figures figures(RollupTotals t, String key) {
        return new Figures(key, t.calls(), t.failures(), t.failureRate(), t.averageMillis(), t.percentileMillis(0.95));
    }
}
