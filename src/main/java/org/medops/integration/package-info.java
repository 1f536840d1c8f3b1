/**
 * The integration engine (集成平台): channels that take HL7 v2 messages from an MLLP listener, store
 * every message durably before acknowledging it, filter and transform it, and deliver it to each
 * destination through a durable queue with retries and a circuit breaker. Runs where
 * {@code medops.roles} contains {@code integration}; its features are nested modules.
 */
package org.medops.integration;
