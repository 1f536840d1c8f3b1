package org.medops.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * One gateway node's Prometheus meters (names in docs/metrics.md).
 * <p>
 * On the request path a call costs two map lookups keyed by strings the exchange already holds (service code,
 * channel code), an array read and the increments: each (service, channel) pair resolves its timer and counters
 * once, so no tags are built per call. Services and channels come from the catalog and error codes from
 * {@link GatewayError}, so the label set is bounded; a call whose service or channel is unknown counts under
 * {@code none}, so made-up codes cannot grow it. Paths and request ids are never labels.
 * <p>
 * The node-wide gauges (breakers, upstream health, config version) are refreshed by the config feed's heartbeat;
 * the access-log gauges read the writer when scraped.
 */
final class GatewayMetrics {

    static final String NONE = "none";
    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final GatewayError[] ERRORS = GatewayError.values();
    private static final Map<String, Integer> ERROR_INDEX = new HashMap<>();

    static {
        for (GatewayError error : ERRORS) {
            ERROR_INDEX.put(error.code(), error.ordinal() + 1); // 0 is "no gateway error"
        }
    }

    private final MeterRegistry registry;
    private final String nodeId;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, CallMeters>> calls = new ConcurrentHashMap<>();
    private final AtomicLong configVersion = new AtomicLong();
    private final MultiGauge breakerState;
    private final MultiGauge upstreamUp;

    GatewayMetrics(MeterRegistry registry, String nodeId) {
        this.registry = registry;
        this.nodeId = nodeId;
        Gauge.builder("medops.gateway.config.version", configVersion, AtomicLong::get)
                .description("Configuration version this gateway node serves").tag("node", nodeId).register(registry);
        this.breakerState = MultiGauge.builder("medops.gateway.breaker.state")
                .description("1 for the state each service's circuit breaker is in on this node, 0 for the others")
                .register(registry);
        this.upstreamUp = MultiGauge.builder("medops.gateway.upstream.up")
                .description("1 while an upstream is taken in round robin, 0 while it is marked down after a refused connection")
                .register(registry);
    }

    /** The access-log writer's state, read when scraped (never on the request path). */
    void watch(AccessLogWriter accessLog) {
        Gauge.builder("medops.gateway.access.log.queue", accessLog, AccessLogWriter::queued)
                .description("Access-log records journalled and waiting in memory for the database")
                .tag("node", nodeId).register(registry);
        Gauge.builder("medops.gateway.access.log.replay.segments", accessLog, AccessLogWriter::segmentsToReplay)
                .description("Journal segments waiting to be replayed into the database (the backlog of an outage)")
                .tag("node", nodeId).register(registry);
        Gauge.builder("medops.gateway.access.log.database.unavailable", accessLog,
                        w -> w.databaseUnavailable() ? 1 : 0)
                .description("1 while the access-log writer leaves records to the journal because the database is away")
                .tag("node", nodeId).register(registry);
        FunctionCounter.builder("medops.gateway.access.log.written", accessLog, AccessLogWriter::written)
                .description("Access-log records stored in the database by this node").tag("node", nodeId)
                .register(registry);
        FunctionCounter.builder("medops.gateway.access.log.outages", accessLog, AccessLogWriter::outages)
                .description("Times the database stopped taking access-log batches").tag("node", nodeId)
                .register(registry);
    }

    /** One answered call: status class and error code counted, total time recorded. */
    void call(String serviceCode, String channelCode, int status, String errorCode, long nanos) {
        CallMeters meters = meters(serviceCode == null ? NONE : serviceCode, channelCode == null ? NONE : channelCode);
        meters.latency.record(nanos, TimeUnit.NANOSECONDS);
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        int error = errorCode == null ? 0 : ERROR_INDEX.getOrDefault(errorCode, 0);
        meters.counter(statusClass, error).increment();
    }

    private CallMeters meters(String service, String channel) {
        ConcurrentHashMap<String, CallMeters> byChannel = calls.get(service);
        if (byChannel == null) {
            byChannel = calls.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        }
        CallMeters meters = byChannel.get(channel);
        if (meters == null) {
            meters = byChannel.computeIfAbsent(channel, c -> new CallMeters(service, c));
        }
        return meters;
    }

    /** Breaker states and upstream health of the services the node now runs, and its config version. */
    void refresh(RoutingTable table, long nowNanos) {
        configVersion.set(table.version());
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> upstreams = new ArrayList<>();
        for (ServiceRuntime service : table.services()) {
            String code = service.definition().code();
            CircuitBreaker.State state = service.breaker().getState();
            states.add(MultiGauge.Row.of(Tags.of("service", code, "state", "closed"),
                    state == CircuitBreaker.State.CLOSED ? 1 : 0));
            states.add(MultiGauge.Row.of(Tags.of("service", code, "state", "open"),
                    state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN ? 1 : 0));
            states.add(MultiGauge.Row.of(Tags.of("service", code, "state", "half_open"),
                    state == CircuitBreaker.State.HALF_OPEN ? 1 : 0));
            Upstreams targets = service.upstreams();
            for (int i = 0; i < targets.size(); i++) {
                upstreams.add(MultiGauge.Row.of(Tags.of("service", code, "upstream", authority(targets.target(i))),
                        targets.healthy(i, nowNanos) ? 1 : 0));
            }
        }
        breakerState.register(states, true);
        upstreamUp.register(upstreams, true);
    }

    /** Host and port only: an upstream URL's path or user info is no label. */
    static String authority(URI target) {
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }

    /** The meters of one (service, channel) pair; counters created when a combination first occurs. */
    private final class CallMeters {

        private final String service;
        private final String channel;
        private final Timer latency;
        private final AtomicReferenceArray<Counter> counters =
                new AtomicReferenceArray<>(STATUS_CLASSES.length * (ERRORS.length + 1));

        CallMeters(String service, String channel) {
            this.service = service;
            this.channel = channel;
            this.latency = Timer.builder("medops.gateway.request.duration")
                    .description("Time from a call's first byte to its answer, through the whole policy chain")
                    .tags("service", service, "channel", channel)
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200),
                            java.time.Duration.ofSeconds(1))
                    .minimumExpectedValue(java.time.Duration.ofMillis(1))
                    .maximumExpectedValue(java.time.Duration.ofSeconds(30))
                    .register(registry);
        }

        Counter counter(int statusClass, int error) {
            int slot = statusClass * (ERRORS.length + 1) + error;
            Counter counter = counters.get(slot);
            if (counter == null) {
                counter = Counter.builder("medops.gateway.requests")
                        .description("Calls answered by the gateway, by service, channel, status class and error code")
                        .tags("service", service, "channel", channel, "status", STATUS_CLASSES[statusClass],
                                "error", error == 0 ? NONE : ERRORS[error - 1].code())
                        .register(registry);
                counters.set(slot, counter); // the registry returns the same counter to a racing thread
            }
            return counter;
        }
    }
}
