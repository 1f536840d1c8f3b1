package org.medops.payment.merchants;

import java.time.Instant;

import org.medops.payment.PaymentChannel;

/** A routing rule: orders of this channel from this campus, department and business type go to the merchant. */
record Route(Long id, PaymentChannel channel, String campus, String department, String businessType, String merchant,
             String createdBy, Instant createdAt) {
}
