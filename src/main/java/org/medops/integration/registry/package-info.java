/**
 * The service registry (服务注册): the event topics and request/response services the hospital's systems publish,
 * the subscriptions other systems ask for (approved by the topic's owner or an administrator; an active
 * subscription is a destination on the topic's publishing channel, a new channel version each time), publishing
 * a message to a topic through the one intake, and the service list (对接服务清单) per system.
 */
@ApplicationModule
package org.medops.integration.registry;

import org.springframework.modulith.ApplicationModule;
