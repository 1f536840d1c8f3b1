package org.medops.inspection.targets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.inspection.checks.CheckSetting;
import org.medops.inspection.checks.TargetKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The targets; the connection's plain fields and the check settings as JSON, the secret sealed apart. */
@Repository
class TargetStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select code, name, kind, connection::text as connection, sealed_secret, checks::text as checks, system_code,
                active, created_at, created_by, updated_at, updated_by, production
            from inspection_targets""";

    /** The connection as kept: what may be shown; {@code secretKind} names what the sealed secret is. */
    record StoredConnection(String host, Integer port, String username, String url, String hostKey,
                            String secretKind) {
    }

    /** A row with its sealed secret, for the service only. */
    record Row(Target target, StoredConnection connection, String sealedSecret) {
    }

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(this::row).optional();
    }

    Optional<Row> lock(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", code).query(this::row).optional();
    }

    List<Target> all(boolean withRetired) {
        return jdbc.sql(SELECT + (withRetired ? "" : " where active") + " order by active desc, code")
                .query(this::row).list().stream().map(Row::target).toList();
    }

    List<Row> rows(List<String> codes) {
        if (codes.isEmpty()) {
            return jdbc.sql(SELECT + " where active order by code").query(this::row).list();
        }
        return jdbc.sql(SELECT + " where code in (:codes) order by code").param("codes", codes).query(this::row).list();
    }

    void insert(String code, String name, TargetKind kind, StoredConnection connection, String sealed,
                List<CheckSetting> checks, String system, boolean production, Instant at, String by) {
        jdbc.sql("""
                        insert into inspection_targets(code, name, kind, connection, sealed_secret, checks, system_code,
                            active, created_at, created_by, updated_at, updated_by, production)
                        values (:code, :name, :kind, cast(:connection as jsonb), :sealed, cast(:checks as jsonb), :system,
                            true, :at, :by, :at, :by, :production)""")
                .param("production", production)
                .param("code", code).param("name", name).param("kind", kind.name())
                .param("connection", JSON.writeValueAsString(connection)).param("sealed", sealed)
                .param("checks", JSON.writeValueAsString(checks)).param("system", system)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    void update(String code, String name, TargetKind kind, StoredConnection connection, String sealed,
                List<CheckSetting> checks, String system, boolean production, boolean active, Instant at, String by) {
        jdbc.sql("""
                        update inspection_targets set name = :name, kind = :kind, connection = cast(:connection as jsonb),
                            sealed_secret = :sealed, checks = cast(:checks as jsonb), system_code = :system,
                            production = :production, active = :active, updated_at = :at, updated_by = :by
                        where code = :code""")
                .param("production", production)
                .param("code", code).param("name", name).param("kind", kind.name())
                .param("connection", JSON.writeValueAsString(connection)).param("sealed", sealed)
                .param("checks", JSON.writeValueAsString(checks)).param("system", system).param("active", active)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        StoredConnection connection = JSON.readValue(rs.getString("connection"), StoredConnection.class);
        String sealed = rs.getString("sealed_secret");
        List<CheckSetting> checks = JSON.readValue(rs.getString("checks"), new TypeReference<List<CheckSetting>>() { });
        Target target = new Target(rs.getString("code"), rs.getString("name"), TargetKind.valueOf(rs.getString("kind")),
                new Target.Connection(connection.host(), connection.port(), connection.username(), connection.url(),
                        connection.hostKey(), connection.secretKind(), sealed != null),
                checks, rs.getString("system_code"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                rs.getBoolean("production"));
        return new Row(target, connection, sealed);
    }
}
