/**
 * Merchant numbers (商户号管理): registration per channel, direct or service-provider mode, app IDs, their sealed keys
 * and certificates, and the routing rules that pick a merchant for an order. Publishes {@link org.medops.payment.Merchants}.
 */
@ApplicationModule(displayName = "Payment merchants")
package org.medops.payment.merchants;

import org.springframework.modulith.ApplicationModule;
