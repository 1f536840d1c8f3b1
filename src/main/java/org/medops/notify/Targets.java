package org.medops.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Targets {

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> all() {
        return jdbc.sql("select * from notify_targets order by id").query(Targets::map).list();
    }

    Optional<Target> find(long id) {
        return jdbc.sql("select * from notify_targets where id = :id").param("id", id).query(Targets::map).optional();
    }

    long insert(String name, TargetKind kind, String address, String sealedSecret) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into notify_targets(name, kind, address, secret_sealed, enabled) "
                        + "values (:name, :kind, :address, :secret, true)")
                .param("name", name)
                .param("kind", kind.name())
                .param("address", address)
                .param("secret", sealedSecret)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Target map(ResultSet rs, int row) throws SQLException {
        return new Target(rs.getLong("id"), rs.getString("name"), TargetKind.valueOf(rs.getString("kind")),
                rs.getString("address"), rs.getString("secret_sealed"), rs.getBoolean("enabled"));
    }
}
