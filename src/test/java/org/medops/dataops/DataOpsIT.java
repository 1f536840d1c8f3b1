package org.medops.dataops;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.medops.testing.MedopsTest;

/** {@link DataOpsScenario} on this machine's PostgreSQL, database {@code test} (trust: any password signs in). */
@MedopsTest
class DataOpsIT extends DataOpsScenario {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @BeforeAll
    static void reachable() {
        Assumptions.assumeTrue(Reachable.port(5432), () -> {
            System.err.println("SKIPPED: no PostgreSQL on 127.0.0.1:5432 — DataOpsIT did not run");
            return "no PostgreSQL on 127.0.0.1:5432";
        });
    }

    @Override
    String url() {
        return URL;
    }

    @Override
    String account() {
        return "postgres";
    }

    @Override
    String kind() {
        return "POSTGRESQL";
    }

    @Override
    Connection direct() throws SQLException {
        return connect(URL, "postgres", "");
    }
}
