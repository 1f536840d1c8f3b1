/**
 * Delivery (投递): one worker per destination on this node takes the head of the destination's durable
 * queue (FOR UPDATE SKIP LOCKED, so in order), sends it over pooled keep-alive HTTP with a stable
 * {@code X-MedOps-Message-Id}, retries with capped exponential backoff and jitter, parks rejected messages as
 * errored, and waits while the destination's circuit breaker is open; reprocessing of stored messages.
 */
@ApplicationModule
package org.medops.integration.delivery;

import org.springframework.modulith.ApplicationModule;
