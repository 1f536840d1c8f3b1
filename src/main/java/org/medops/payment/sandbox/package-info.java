/**
 * The channel sandbox (支付渠道沙箱): a local HTTP server speaking WeChat Pay API v3 — JSAPI and native orders, query,
 * close, refunds, signed and AES-256-GCM-encrypted notifications, the trade bill — with its own generated platform key,
 * so the demo and the tests drive the same client code as production, only the base URL differs. No payment channel is
 * reachable from the hospital's test machines; this stands in for it.
 */
@ApplicationModule(displayName = "Payment channel sandbox")
package org.medops.payment.sandbox;

import org.springframework.modulith.ApplicationModule;
