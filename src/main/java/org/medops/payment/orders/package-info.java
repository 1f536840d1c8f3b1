/**
 * Orders and refunds (统一支付管理): internet channels create, query, close and refund orders through the gateway; the
 * order desk talks to the payment channel (WeChat Pay v3 through its SDK), applies its verified notifications and the
 * query poller's findings exactly once, closes what stays unpaid, and tells the HIS each result through a durable
 * outbox until it acknowledges.
 */
@ApplicationModule(displayName = "Payment orders")
package org.medops.payment.orders;

import org.springframework.modulith.ApplicationModule;
