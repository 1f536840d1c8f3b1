package org.medops.inspection.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.DatabaseTargets;
import org.medops.inspection.checks.Checks;
import org.medops.inspection.checks.Endpoint;
import org.medops.inspection.checks.TargetKind;
import org.springframework.stereotype.Component;

/** The targets' published face for database work ({@link DatabaseTargets}). */
@Component
class PublishedDatabaseTargets implements DatabaseTargets {

    private final Targets targets;
    private final TargetStore store;
    private final Checks checks;

    PublishedDatabaseTargets(Targets targets, TargetStore store, Checks checks) {
        this.targets = targets;
        this.store = store;
        this.checks = checks;
    }

    @Override
    public List<DatabaseTarget> active() {
        return store.all(false).stream().map(PublishedDatabaseTargets::database).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<DatabaseTarget> find(String code) {
        return code == null ? Optional.empty()
                : store.find(code).map(TargetStore.Row::target).flatMap(PublishedDatabaseTargets::database);
    }

    @Override
    public Connection open(String code, Duration limit) throws SQLException {
        if (find(code).isEmpty()) {
            throw new SQLException("no database target " + code);
        }
        Endpoint endpoint = targets.endpoint(code);
        try {
            return checks.connect(endpoint, limit);
        } catch (SQLException e) {
            // Drivers name the account ("password authentication failed for user …"): keep it off pages and the trail.
            throw new SQLException(scrub(e.getMessage(), endpoint), e.getSQLState());
        }
    }

    private static String scrub(String message, Endpoint endpoint) {
        String text = message == null ? "connection failed" : message;
        for (String hidden : new String[] {endpoint.secret(), endpoint.username()}) {
            if (hidden != null && !hidden.isBlank()) {
                text = text.replace(hidden, "***");
            }
        }
        return text;
    }

    private static Optional<DatabaseTarget> database(Target t) {
        Kind kind = t.kind() == TargetKind.POSTGRESQL ? Kind.POSTGRESQL : t.kind() == TargetKind.MYSQL ? Kind.MYSQL : null;
        return kind == null ? Optional.empty()
                : Optional.of(new DatabaseTarget(t.code(), t.name(), kind, t.production(), t.active(), t.system()));
    }
}
