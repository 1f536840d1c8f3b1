package org.medops.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The user accounts, with their roles. */
@Repository
class Users {

    /** Each user with its role codes in one row: no query per user. */
    private static final String SELECT = "select u.*, array(select role_code from user_roles r "
            + "where r.user_id = u.id order by role_code) as role_codes from users u";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = ?")
                .param(User.normalize(username))
                .query(this::map).optional();
    }

    /** Locks the row, so that concurrent failed logins count correctly. */
    Optional<User> findByUsernameForUpdate(String username) {
        return jdbc.sql(SELECT + " where username = ? for update")
                .param(User.normalize(username))
                .query(this::map).optional();
    }

    /** Display names of the given accounts, by username; unknown usernames are left out. */
    java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select username, display_name from users where username in (:usernames)")
                .param("usernames", usernames.stream().map(User::normalize).toList())
                .query((rs, row) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        return names;
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from users where username = ?")
                .param(User.normalize(username)).query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    Page<User> list(String search, Pageable pageable) {
        String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
        List<User> users = jdbc.sql("""
                        %s where username like ? or lower(display_name) like ?
                        order by username limit ? offset ?""".formatted(SELECT))
                .params(pattern, pattern, pageable.getPageSize(), pageable.getOffset())
                .query(this::map).list();
        long total = jdbc.sql("select count(*) from users where username like ? or lower(display_name) like ?")
                .params(pattern, pattern).query(Long.class).single();
        return new PageImpl<>(users, pageable, total);
    }

    User save(User user) {
        long id;
        if (user.id() == null) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into users(username, display_name, email, password_hash, enabled, must_change_password,
                        failed_attempts, locked_until, password_changed_at, last_login_at, created_at, channel_code,
                        approval)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(user.username(), user.displayName(), user.email(), user.passwordHash(), user.enabled(),
                            user.mustChangePassword(), user.failedAttempts(), ts(user.lockedUntil()),
                            ts(user.passwordChangedAt()), ts(user.lastLoginAt()), ts(user.createdAt()),
                            user.channelCode(), user.approval())
                    .update(keys, "id");
            id = keys.getKey().longValue();
        } else {
            id = user.id();
            jdbc.sql("""
                    update users set display_name = ?, email = ?, password_hash = ?, enabled = ?,
                        must_change_password = ?, failed_attempts = ?, locked_until = ?, password_changed_at = ?,
                        last_login_at = ?, channel_code = ?, approval = ?
                    where id = ?""")
                    .params(user.displayName(), user.email(), user.passwordHash(), user.enabled(),
                            user.mustChangePassword(), user.failedAttempts(), ts(user.lockedUntil()),
                            ts(user.passwordChangedAt()), ts(user.lastLoginAt()), user.channelCode(), user.approval(), id)
                    .update();
            jdbc.sql("delete from user_roles where user_id = ?").param(id).update();
        }
        for (String role : user.roles()) {
            jdbc.sql("insert into user_roles(user_id, role_code) values (?, ?)").params(id, role).update();
        }
        return findByUsername(user.username()).orElseThrow();
    }

    /** How many accounts hold the role, enabled or not. */
    long countHolding(String roleCode) {
        return jdbc.sql("select count(*) from user_roles where role_code = :role").param("role", roleCode)
                .query(Long.class).single();
    }

    /** Whether any enabled account holds one of {@code permissions} through any of its roles. */
    boolean anyEnabledHolderOf(java.util.Collection<String> permissions) {
        return jdbc.sql("""
                        select exists (select 1 from users u join user_roles ur on ur.user_id = u.id
                            join role_permissions rp on rp.role_code = ur.role_code
                            where u.enabled and rp.permission in (:permissions))""")
                .param("permissions", permissions).query(Boolean.class).single();
    }

    /** The union of the permissions of the user's roles. */
    Set<String> permissionsOf(String username) {
        return new HashSet<>(jdbc.sql("""
                        select distinct rp.permission from users u
                        join user_roles ur on ur.user_id = u.id
                        join role_permissions rp on rp.role_code = ur.role_code
                        where u.username = ?""")
                .param(User.normalize(username)).query(String.class).list());
    }

    /** Enabled accounts holding {@code permission} through any of their roles, e.g. the reviewers. */
    List<User> holdersOf(String permission) {
        return jdbc.sql(SELECT + " where u.enabled and exists (select 1 from user_roles ur "
                        + "join role_permissions rp on rp.role_code = ur.role_code "
                        + "where ur.user_id = u.id and rp.permission = ?) order by u.username")
                .param(permission).query(this::map).list();
    }

    /** The last {@code size} password hashes, newest first, the current one included. */
    List<String> recentPasswordHashes(long userId, int size) {
        return jdbc.sql("select password_hash from password_history where user_id = ? order by id desc limit ?")
                .params(userId, size).query(String.class).list();
    }

    void rememberPassword(long userId, String hash, Instant at) {
        jdbc.sql("insert into password_history(user_id, password_hash, created_at) values (?, ?, ?)")
                .params(userId, hash, ts(at)).update();
    }

    private User map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<String> roles = new HashSet<>(List.of((String[]) rs.getArray("role_codes").getArray()));
        return new User(id, rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "password_changed_at"),
                instant(rs, "last_login_at"), instant(rs, "created_at"), roles, rs.getString("channel_code"),
                rs.getString("approval"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
