package org.medops.integration.targets;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered JDBC targets. */
@Repository
class JdbcTargetStore {

    private static final String SELECT = """
            select code, name, url, username, sealed_password, updated_at, updated_by from integration_jdbc_targets""";

    private final JdbcClient jdbc;

    JdbcTargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JdbcTarget> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(JdbcTarget.class).optional();
    }

    Optional<JdbcTarget> lock(String code) {
        return jdbc.sql(SELECT + " where code = :code for update").param("code", code).query(JdbcTarget.class).optional();
    }

    List<JdbcTarget> all() {
        return jdbc.sql(SELECT + " order by code").query(JdbcTarget.class).list();
    }

    void save(JdbcTarget target) {
        jdbc.sql("""
                        insert into integration_jdbc_targets(code, name, url, username, sealed_password, updated_at, updated_by)
                        values (:code, :name, :url, :username, :password, :at, :by)
                        on conflict (code) do update set name = excluded.name, url = excluded.url,
                            username = excluded.username, sealed_password = excluded.sealed_password,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("code", target.code()).param("name", target.name()).param("url", target.url())
                .param("username", target.username()).param("password", target.sealedPassword())
                .param("at", Timestamp.from(target.updatedAt())).param("by", target.updatedBy()).update();
    }

    boolean delete(String code) {
        return jdbc.sql("delete from integration_jdbc_targets where code = :code").param("code", code).update() > 0;
    }
}
