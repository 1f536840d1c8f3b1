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
    NODE_SILENT(null);

    private final String unit;

    RuleKind(String unit) {
        this.unit = unit;
    }

    /** Breaker, node and no-traffic rules watch a state, not a number: they have no threshold. */
    public boolean hasThreshold() {
        return unit != null;
    }

    /** The threshold's unit ({@code %}, {@code ms}); null for kinds without a threshold. */
    public String unit() {
        return unit;
    }
}
