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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
        return jdbc.sql(SELECT + " where username = :username")
                .param("username", User.normalize(username))
                .query(this::map).optional();
    }

    /** Locks the row, so that concurrent failed logins count correctly. */
    Optional<User> findByUsernameForUpdate(String username) {
        return jdbc.sql(SELECT + " where username = :username for update")
                .param("username", User.normalize(username))
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
        return jdbc.sql("select count(*) from users where username = :username")
                .param("username", User.normalize(username)).query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    Page<User> list(String search, Pageable pageable) {
        String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
        List<User> users = jdbc.sql("""
                        %s where username like :pattern or lower(display_name) like :pattern
                        order by username limit :limit offset :offset""".formatted(SELECT))
                .param("pattern", pattern)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(this::map).list();
        long total = jdbc.sql("select count(*) from users "
                        + "where username like :pattern or lower(display_name) like :pattern")
                .param("pattern", pattern).query(Long.class).single();
        return new PageImpl<>(users, pageable, total);
    }

    User save(User user) {
        long id;
        if (user.id() == null) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into users(username, display_name, email, password_hash, enabled, must_change_password,
                        failed_attempts, locked_until, password_changed_at, last_login_at, created_at, channel_code,
                        approval, service_account, remote_vendor)
                    values (:username, :displayName, :email, :passwordHash, :enabled, :mustChange, :failedAttempts,
                        :lockedUntil, :passwordChangedAt, :lastLoginAt, :createdAt, :channel, :approval,
                        :serviceAccount, :remoteVendor)""")
                    .paramSource(columns(user)
                            .addValue("username", user.username())
                            .addValue("createdAt", ts(user.createdAt())))
                    .update(keys, "id");
            id = keys.getKey().longValue();
        } else {
            id = user.id();
            jdbc.sql("""
                    update users set display_name = :displayName, email = :email, password_hash = :passwordHash,
                        enabled = :enabled, must_change_password = :mustChange, failed_attempts = :failedAttempts,
                        locked_until = :lockedUntil, password_changed_at = :passwordChangedAt,
                        last_login_at = :lastLoginAt, channel_code = :channel, approval = :approval,
                        remote_vendor = :remoteVendor
                    where id = :id""")
                    .paramSource(columns(user).addValue("id", id))
                    .update();
            jdbc.sql("delete from user_roles where user_id = :id").param("id", id).update();
        }
        for (String role : user.roles()) {
            jdbc.sql("insert into user_roles(user_id, role_code) values (:id, :role)")
                    .param("id", id)
                    .param("role", role)
                    .update();
        }
        return findByUsername(user.username()).orElseThrow();
    }

    /** Enabled people (not service accounts) whose last sign-in, or creation, is older than {@code since}. */
    List<User> dormantSince(Instant since) {
        return jdbc.sql(SELECT + " where u.enabled and not u.service_account "
                        + "and coalesce(u.last_login_at, u.created_at) < :since order by u.username")
                .param("since", ts(since)).query(this::map).list();
    }

    List<User> serviceAccounts() {
        return jdbc.sql(SELECT + " where u.service_account order by u.username").query(this::map).list();
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

    /**
     * A superuser account (超级管理员): its roles, built-in or custom, hold a permission of a separated administrator
     * duty (三员). Such accounts are few, marked, and get shorter sessions and tokens.
     */
    boolean superuser(String username) {
        return !Duty.of(permissionsOf(username)).isEmpty();
    }

    /** The union of the permissions of the user's roles. */
    Set<String> permissionsOf(String username) {
        return new HashSet<>(jdbc.sql("""
                        select distinct rp.permission from users u
                        join user_roles ur on ur.user_id = u.id
                        join role_permissions rp on rp.role_code = ur.role_code
                        where u.username = :username""")
                .param("username", User.normalize(username)).query(String.class).list());
    }

    /** Enabled accounts holding {@code permission} through any of their roles, e.g. the reviewers. */
    List<User> holdersOf(String permission) {
        return jdbc.sql(SELECT + " where u.enabled and exists (select 1 from user_roles ur "
                        + "join role_permissions rp on rp.role_code = ur.role_code "
                        + "where ur.user_id = u.id and rp.permission = :permission) order by u.username")
                .param("permission", permission).query(this::map).list();
    }

    /** The last {@code size} password hashes, newest first, the current one included. */
    List<String> recentPasswordHashes(long userId, int size) {
        return jdbc.sql("select password_hash from password_history where user_id = :user "
                        + "order by id desc limit :size")
                .param("user", userId)
                .param("size", size).query(String.class).list();
    }

    void rememberPassword(long userId, String hash, Instant at) {
        jdbc.sql("insert into password_history(user_id, password_hash, created_at) values (:user, :hash, :at)")
                .param("user", userId)
                .param("hash", hash)
                .param("at", ts(at))
                .update();
    }

    /** The columns an insert and an update both write. */
    private static MapSqlParameterSource columns(User user) {
        return new MapSqlParameterSource()
                .addValue("displayName", user.displayName())
                .addValue("email", user.email())
                .addValue("passwordHash", user.passwordHash())
                .addValue("enabled", user.enabled())
                .addValue("mustChange", user.mustChangePassword())
                .addValue("failedAttempts", user.failedAttempts())
                .addValue("lockedUntil", ts(user.lockedUntil()))
                .addValue("passwordChangedAt", ts(user.passwordChangedAt()))
                .addValue("lastLoginAt", ts(user.lastLoginAt()))
                .addValue("channel", user.channelCode())
                .addValue("approval", user.approval())
                .addValue("serviceAccount", user.serviceAccount())
                .addValue("remoteVendor", user.remoteVendor());
    }

    private User map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<String> roles = new HashSet<>(List.of((String[]) rs.getArray("role_codes").getArray()));
        return new User(id, rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "password_changed_at"),
                instant(rs, "last_login_at"), instant(rs, "created_at"), roles, rs.getString("channel_code"),
                rs.getString("approval"), rs.getBoolean("service_account"), rs.getBoolean("remote_vendor"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
