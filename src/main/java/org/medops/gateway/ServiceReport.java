package org.medops.gateway;

import java.time.Instant;

/** One service as one node sees it: breaker state and since when, healthy upstreams of all. */
public record ServiceReport(String breaker, Instant breakerSince, int healthyUpstreams, int upstreams) {
}
