package org.medops.integration.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.medops.integration.statistics.Counts;
import org.medops.integration.statistics.Interval;
import org.medops.integration.statistics.MessageStatistics;
import org.medops.integration.statistics.Series;
import org.medops.integration.statistics.SeriesRange;
import org.medops.opsdesk.SystemNames;
import org.medops.shared.ListExport;
import org.springframework.stereotype.Service;

/**
 * 对接服务清单: per system what it publishes and what it subscribes to, since when, and how many messages went
 * through in the last 30 days (received on the topic's channel; sent to the subscriber's destination; for a
 * request/response service the calls made through the platform, by the caller).
 */
@Service
class ServiceList {

    static final Duration WINDOW = Duration.ofDays(30);

    enum Role {
        PUBLISHES, SUBSCRIBES
    }

    /** One line of the list: {@code counterpart} the subscribing systems of a topic, or the publisher of a subscription. */
    record Entry(String system, String systemName, Role role, String service, String serviceName, ServiceKind kind, String messageType,
                 String counterpart, Instant since, String status, long volume) {
    }

    static final List<ListExport.Column<Entry>> COLUMNS = List.of(
            ListExport.Column.of("registry.list.system", Entry::systemName),
            ListExport.Column.label("registry.list.role", e -> "registry.role." + e.role()),
            ListExport.Column.of("registry.service.code", Entry::service),
            ListExport.Column.of("registry.service.name", Entry::serviceName),
            ListExport.Column.label("registry.service.kind", e -> "registry.kind." + e.kind()),
            ListExport.Column.of("registry.service.messageType", Entry::messageType),
            ListExport.Column.of("registry.list.counterpart", Entry::counterpart),
            ListExport.Column.of("registry.list.since", Entry::since),
            ListExport.Column.label("registry.list.status", e -> "registry.status." + e.status()),
            ListExport.Column.of("registry.list.volume", Entry::volume));

    private final RegistryStore store;
    private final MessageStatistics statistics;
    private final SystemNames names;
    private final Clock clock;

    ServiceList(RegistryStore store, MessageStatistics statistics, SystemNames names, Clock clock) {
        this.names = names;
        this.store = store;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** The whole hospital's list ({@code system} null) or one system's, by system, publications first. */
    List<Entry> entries(String system) {
        List<RegisteredService> services = store.all();
        Map<String, RegisteredService> byCode = services.stream()
                .collect(Collectors.toMap(RegisteredService::code, s -> s));
        List<Subscription> subscriptions = store.subscriptions();
        Map<String, Counts> received = statistics.byChannel(WINDOW);
        Map<String, Long> calls = store.callCounts(clock.instant().minus(WINDOW));
        List<Entry> entries = new ArrayList<>();
        for (RegisteredService s : services) {
            if (system != null && !system.equals(s.systemCode())) {
                continue;
            }
            String subscribers = subscriptions.stream()
                    .filter(sub -> sub.serviceCode().equals(s.code()) && sub.status().receives())
                    .map(Subscription::systemCode).distinct().sorted().map(names::name).collect(Collectors.joining("、"));
            long volume = s.kind() == ServiceKind.SERVICE
                    ? calls.entrySet().stream().filter(c -> c.getKey().startsWith(s.code() + "/")).mapToLong(Map.Entry::getValue).sum()
                    : s.channel() == null ? 0 : received.getOrDefault(s.channel(), Counts.ZERO).received();
            entries.add(new Entry(s.systemCode(), names.name(s.systemCode()), Role.PUBLISHES, s.code(), s.name(), s.kind(), type(s), subscribers,
                    s.createdAt(), s.status().name(), volume));
        }
        Map<String, Series> series = new java.util.HashMap<>();
        for (Subscription sub : subscriptions) {
            RegisteredService s = byCode.get(sub.serviceCode());
            if (s == null || (system != null && !system.equals(sub.systemCode()))
                    || sub.status() == SubscriptionStatus.REJECTED || sub.status() == SubscriptionStatus.CANCELLED) {
                continue;
            }
            long volume = 0;
            if (s.kind() == ServiceKind.SERVICE) {
                volume = calls.getOrDefault(s.code() + "/" + sub.systemCode(), 0L);
            } else if (s.channel() != null && sub.activeSince() != null) {
                Series of = series.computeIfAbsent(s.channel(), c -> statistics.series(c, lastDays()));
                volume = of.destinations().getOrDefault(sub.destination(), List.of()).stream()
                        .mapToLong(Series.Point::sent).sum();
            }
            entries.add(new Entry(sub.systemCode(), names.name(sub.systemCode()), Role.SUBSCRIBES, s.code(), s.name(), s.kind(), type(s),
                    names.name(s.systemCode()), sub.activeSince() != null ? sub.activeSince() : sub.requestedAt(),
                    sub.status().name(), volume));
        }
        entries.sort(Comparator.comparing(Entry::system).thenComparing(Entry::role).thenComparing(Entry::service));
        return entries;
    }

    private SeriesRange lastDays() {
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        return new SeriesRange(to.minus(WINDOW), to, Interval.HOUR);
    }

    private static String type(RegisteredService s) {
        if (s.messageType() == null) {
            return "";
        }
        return s.messageVersion() == null ? s.messageType() : s.messageType() + " " + s.messageVersion();
    }
}
