package org.medops.inspection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The inspection targets that are databases, for features that run their own statements on them (reviewed data
 * operations). A connection signs in with the target's sealed secret; neither the secret nor the account leaves this
 * interface, and a connection failure's message names neither. Implemented by the targets feature.
 */
public interface DatabaseTargets {

    enum Kind { POSTGRESQL, MYSQL }

    /** @param production a hospital production system: changing its data needs the hospital's written authorization */
    record DatabaseTarget(String code, String name, Kind kind, boolean production, boolean active, String system) {
    }

    /** The active database targets, by code. */
    List<DatabaseTarget> active();

    /** A database target by code, active or retired; empty when there is none or it is not a database. */
    Optional<DatabaseTarget> find(String code);

    /**
     * A new connection to the target, autocommit on as drivers open them, network reads bounded by {@code limit}. The
     * caller closes it.
     */
    Connection open(String code, Duration limit) throws SQLException;
}
