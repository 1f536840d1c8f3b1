/**
 * Push to channels (数据推送): every publication is queued for each approved subscription with a webhook, delivered
 * signed (HMAC-SHA256 under the channel's secret) in version order per subscription, retried with backoff until the
 * channel answers 2xx; each attempt is logged; a channel that stays down is alerted and never holds up the others.
 */
@ApplicationModule(displayName = "Publication push")
package org.medops.publication.push;

import org.springframework.modulith.ApplicationModule;
