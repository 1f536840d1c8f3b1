/**
 * Delivery (投递): each destination's durable queue (or each lane of it, when parallel per key) is consumed by
 * the one node holding its lease; that node reads batches in order, sends them over pooled keep-alive HTTP with a
 * stable {@code X-MedOps-Message-Id} and no transaction open, records a batch's outcomes in one transaction,
 * retries with capped exponential backoff and jitter, parks rejected messages as errored, and waits while the
 * destination's circuit breaker is open; another node takes over within seconds when the holder dies;
 * reprocessing of stored messages.
 */
@ApplicationModule
package org.medops.integration.delivery;

import org.springframework.modulith.ApplicationModule;
