package org.medops.alerting;

/** What a rule watches; {@code threshold} and {@code windowMinutes} mean what each kind says. */
public enum RuleKind {
    /** Failure rate of a service above {@code threshold} % over the window, with at least {@code minCalls}. */
    FAILURE_RATE("%"),
    /** p95 latency of a service above {@code threshold} ms over the window, with at least {@code minCalls}. */
    P95_LATENCY("ms"),
    /** A service's circuit breaker is open on any live gateway node. */
    CIRCUIT_OPEN(null),
    /** No call at all to a service over the window (only for services expected to have traffic). */
    NO_TRAFFIC(null),
    /** A channel used more than {@code threshold} % of its daily quota. */
    QUOTA_USAGE("%"),
    /** A gateway node sent no heartbeat for {@code windowMinutes}. */
    NODE_SILENT(null),
    /** Errored messages of an integration channel above {@code threshold} % of those received over the window. */
    CHANNEL_ERROR_RATE("%"),
    /** A destination's queue holds more than {@code threshold} messages, or its oldest waits over {@code maxAgeMinutes}. */
    CHANNEL_QUEUE("#"),
    /** An enabled channel received nothing for {@code windowMinutes} within its active hours. */
    CHANNEL_SILENT(null),
    /** A channel destination's circuit breaker is open. */
    CHANNEL_BREAKER_OPEN(null);

    private final String unit;

    RuleKind(String unit) {
        this.unit = unit;
    }

    /** Breaker, node and no-traffic rules watch a state, not a number: they have no threshold. */
    public boolean hasThreshold() {
        return unit != null;
    }

    /** The threshold's unit ({@code %}, {@code ms}, {@code #} for a count); null for kinds without a threshold. */
    public String unit() {
        return unit;
    }

    /** The kinds over the integration engine's channels: their subject is a channel code. */
    public boolean watchesChannels() {
        return name().startsWith("CHANNEL_");
    }
}
