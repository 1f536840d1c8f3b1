package org.medops.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Roles {

    /** Each role with its permission codes in one row. */
    private static final String SELECT = "select r.*, array(select permission from role_permissions p "
            + "where p.role_code = r.code order by permission) as permission_codes from roles r";

    private final JdbcClient jdbc;

    Roles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Role> all() {
        return jdbc.sql(SELECT + " order by built_in desc, code").query(this::map).list();
    }

    Optional<Role> find(String code) {
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(this::map).optional();
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from roles where code = :code").param("code", code).query(Long.class).single() > 0;
    }

    /** The union of the permissions of the given roles; unknown codes add nothing. */
    Set<String> permissionsOf(java.util.Collection<String> roleCodes) {
        if (roleCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct permission from role_permissions where role_code in (:roles)")
                .param("roles", roleCodes).query(String.class).list());
    }

    Role save(Role role) {
        jdbc.sql("""
                insert into roles(code, name, description, built_in) values (:code, :name, :description, :builtIn)
                on conflict (code) do update set name = excluded.name, description = excluded.description""")
                .param("code", role.code())
                .param("name", role.name())
                .param("description", role.description())
                .param("builtIn", role.builtIn())
                .update();
        jdbc.sql("delete from role_permissions where role_code = :code").param("code", role.code()).update();
        for (String permission : role.permissions()) {
            jdbc.sql("insert into role_permissions(role_code, permission) values (:code, :permission)")
                    .param("code", role.code())
                    .param("permission", permission)
                    .update();
        }
        return role;
    }

    private Role map(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        List<String> permissions = List.of((String[]) rs.getArray("permission_codes").getArray());
        return new Role(code, rs.getString("name"), rs.getString("description"), rs.getBoolean("built_in"),
                new HashSet<>(permissions));
    }
}
