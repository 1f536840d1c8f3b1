package org.medops.integration.registry;

/** An event topic (入院登记, 危急值: published, subscribed to) or a request/response service (患者信息查询). */
enum ServiceKind {
    TOPIC, SERVICE
}
