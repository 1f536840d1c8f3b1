package org.medops.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} component of {@code /actuator/health}, answered from {@link DatabaseStatus} at once:
 * the default indicator would borrow a pooled connection and hang for the pool time-out while the
 * database is down.
 */
final class DatabaseHealth implements HealthIndicator {

    private final DatabaseStatus status;

    DatabaseHealth(DatabaseStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        if (status.availableNow()) {
            return Health.up().withDetail("database", "PostgreSQL").build();
        }
        return Health.down().withDetail("error", "database unavailable")
                .withDetail("since", status.unavailableSince().toString()).build();
    }
}
