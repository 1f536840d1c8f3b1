package org.medops.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Pending and decided changes to separated-duty accounts. */
@Repository
class AccountRequests {

    private final JdbcClient jdbc;

    AccountRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountRequest add(AccountRequest request) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account_requests(kind, target_username, display_name, email, roles, approving_duty,
                    split_password, password_part, status, proposed_by, proposed_at)
                values (:kind, :target, :displayName, :email, :roles, :duty, :split, :part, :status, :by, :at)""")
                .param("kind", request.kind().name())
                .param("target", request.target())
                .param("displayName", request.details().displayName())
                .param("email", request.details().email())
                .param("roles", String.join(",", request.details().roles()))
                .param("duty", request.approvingDuty().name())
                .param("split", request.splitPassword())
                .param("part", request.passwordPart())
                .param("status", request.status().name())
                .param("by", request.proposed().by())
                .param("at", Timestamp.from(request.proposed().at()))
                .update(keys, "id");
        return request.withId(keys.getKey().longValue());
    }

    /** Records the decision; the proposer's password half goes with it. */
    void decide(AccountRequest request) {
        jdbc.sql("""
                update account_requests set status = :status, decided_by = :by, decided_at = :at, reason = :reason,
                    password_part = null
                where id = :id""")
                .param("status", request.status().name())
                .param("by", request.decided().by())
                .param("at", Timestamp.from(request.decided().at()))
                .param("reason", request.reason())
                .param("id", request.id())
                .update();
    }

    Optional<AccountRequest> find(long id) {
        return jdbc.sql("select * from account_requests where id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the row: two approvers clicking at once decide it once. */
    Optional<AccountRequest> lock(long id) {
        return jdbc.sql("select * from account_requests where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    boolean pendingFor(String target) {
        return jdbc.sql("select exists (select 1 from account_requests where target_username = :target "
                        + "and status = 'PENDING')")
                .param("target", target).query(Boolean.class).single();
    }

    /** Newest first; {@code status} null for all. */
    Page<AccountRequest> list(AccountRequest.Status status, Pageable pageable) {
        String where = status == null ? "" : " where status = :status";
        List<AccountRequest> rows = jdbc.sql("select * from account_requests" + where
                        + " order by id desc limit :limit offset :offset")
                .param("status", status == null ? null : status.name())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(this::map).list();
        long total = jdbc.sql("select count(*) from account_requests" + where)
                .param("status", status == null ? null : status.name())
                .query(Long.class).single();
        return new PageImpl<>(rows, pageable, total);
    }

    private AccountRequest map(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<String> roleCodes = roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).collect(Collectors.toSet());
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new AccountRequest(rs.getLong("id"), AccountRequest.Kind.valueOf(rs.getString("kind")),
                rs.getString("target_username"),
                new AccountRequest.AccountDetails(rs.getString("display_name"), rs.getString("email"), roleCodes),
                Duty.valueOf(rs.getString("approving_duty")), rs.getBoolean("split_password"),
                rs.getString("password_part"), AccountRequest.Status.valueOf(rs.getString("status")),
                new AccountRequest.Step(rs.getString("proposed_by"), instant(rs.getTimestamp("proposed_at"))),
                decidedAt == null ? null : new AccountRequest.Step(rs.getString("decided_by"), instant(decidedAt)),
                rs.getString("reason"));
    }

    private static Instant instant(Timestamp value) {
        return value.toInstant();
    }
}
