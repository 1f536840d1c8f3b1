package org.medops.integration.registry;

/** A retired service takes no new messages or subscriptions; its records stay. */
enum ServiceStatus {
    ACTIVE, RETIRED
}
