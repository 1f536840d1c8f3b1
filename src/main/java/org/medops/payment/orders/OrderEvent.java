package org.medops.payment.orders;

import java.time.Instant;

/** One line of an order's timeline; label {@code payment.event.<kind>}. */
record OrderEvent(Instant at, String kind, String detail) {
}
