/**
 * The message store (消息存储): every message with its stages (raw, transformed, what each destination
 * was sent and answered), its status and error; written in small group commits so that a message is
 * durable before it is acknowledged; the destination queues; day partitions created ahead.
 */
@ApplicationModule
package org.medops.integration.store;

import org.springframework.modulith.ApplicationModule;
