package org.medops.integration.targets;

import java.time.Instant;

/** A registered database; the password is held sealed and only opened to connect. */
record JdbcTarget(String code, String name, String url, String username, String sealedPassword, Instant updatedAt,
                  String updatedBy) {

    static final String MASK = "******";

    TargetView view() {
        return new TargetView(code, name, url, username, sealedPassword == null ? null : MASK, sealedPassword != null,
                updatedAt, updatedBy);
    }

    /** What a reader sees: never the password, only whether one is set. */
    record TargetView(String code, String name, String url, String user, String password, boolean passwordSet,
                      Instant updatedAt, String updatedBy) {
    }
}
