/**
 * The channels' read side (数据订阅读取): a topic's snapshot or its changes since a version, only the fields of the
 * caller's approved subscription, with an ETag so an unchanged feed costs a 304. Served to the gateway as the
 * built-in catalog service {@code publication}, so signatures, grants, limits and call logs apply.
 */
@ApplicationModule(displayName = "Publication feed")
package org.medops.publication.feed;

import org.springframework.modulith.ApplicationModule;
