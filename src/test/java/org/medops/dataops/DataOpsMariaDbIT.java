package org.medops.dataops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medops.testing.MedopsTest;

/**
 * {@link DataOpsScenario} on this machine's MariaDB: the target signs in as an account of its own, created with the
 * sealed password, that may only touch the test schema; neither the account nor the password reaches an answer.
 */
@MedopsTest
class DataOpsMariaDbIT extends DataOpsScenario {

    static final String ROOT_URL = "jdbc:mariadb://127.0.0.1:3306/";
    static final String SCHEMA = "medops_dataops_test";

    @BeforeAll
    static void reachable() throws SQLException {
        Assumptions.assumeTrue(Reachable.port(3306), () -> {
            System.err.println("SKIPPED: no MariaDB on 127.0.0.1:3306 — DataOpsMariaDbIT did not run");
            return "no MariaDB on 127.0.0.1:3306";
        });
        try (Connection c = connect(ROOT_URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("create database if not exists " + SCHEMA);
        }
    }

    @Override
    void prepareAccount() throws SQLException {
        try (Connection c = connect(ROOT_URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("create user '" + account() + "'@'%' identified by '" + secret + "'");
            s.execute("create user '" + account() + "'@'localhost' identified by '" + secret + "'");
            s.execute("grant select, insert, update, delete on " + SCHEMA + ".* to '" + account() + "'@'%'");
            s.execute("grant select, insert, update, delete on " + SCHEMA + ".* to '" + account() + "'@'localhost'");
        }
    }

    @Override
    void dropAccount() throws SQLException {
        try (Connection c = connect(ROOT_URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("drop user if exists '" + account() + "'@'%'");
            s.execute("drop user if exists '" + account() + "'@'localhost'");
        }
    }

    @Override
    String url() {
        return "jdbc:mysql://127.0.0.1:3306/" + SCHEMA;
    }

    @Override
    String account() {
        return "dop_" + suffix;
    }

    @Override
    String kind() {
        return "MYSQL";
    }

    @Override
    Connection direct() throws SQLException {
        return connect(ROOT_URL + SCHEMA, "root", "");
    }

    @Test
    void ddlIsRefusedOnMysqlBecauseItWouldCommitAtOnce() {
        org.medops.testing.Problems.problem(keep(author.post(REQUESTS,
                request("alter table " + table + " add column note varchar(10)", null, 0))), 400,
                "dataops-ddl-implicit-commit");
    }

    @Test
    void theExecutingAccountIsNamedInNoAnswer() {
        long id = created(author.post(REQUESTS, request("update " + table + " set status = 'Z' where id = 1", null, 1)))
                .get("id").asLong();
        ok(engineer.post(REQUESTS + "/" + id + "/preview", ""));
        ok(reviewer.post(REQUESTS + "/" + id + "/approve", "{\"reason\":\"同意\"}"));
        ok(engineer.post(REQUESTS + "/" + id + "/execute", ""));
        ok(engineer.get(REQUESTS + "/" + id));
        assertThat(answers).noneMatch(body -> body.contains(account()));
        assertSecretNowhere();
    }
}
