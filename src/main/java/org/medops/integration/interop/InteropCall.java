package org.medops.integration.interop;

import java.time.Instant;

/** One call a route answered: the stored message (null when nothing was stored), the answer code and why. */
public record InteropCall(long id, String route, Instant calledAt, Long messageId, String outcome, String reason) {
}
