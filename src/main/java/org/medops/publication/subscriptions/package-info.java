/**
 * Data subscriptions (数据订阅): a channel applies through the developer portal (or the hospital for an internal
 * system) to subscribe to a topic, stating its purpose, the fields it needs and optionally a webhook; the data owner
 * approves (possibly fewer fields) or refuses, and may suspend, resume or end it. Only approved fields are delivered;
 * every read and push is a usage record.
 */
@ApplicationModule(displayName = "Publication subscriptions")
package org.medops.publication.subscriptions;

import org.springframework.modulith.ApplicationModule;
