package org.medops.dataaccess.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.medops.dataaccess.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Access requests with their approvals. */
@Repository
class AccessRequests {

    /** Which requests a list shows: one requester's or everyone's, and only the grants running now. */
    record Filter(String requester, boolean activeOnly, boolean pendingOnly, Instant now, int limit) {
    }

    private static final String SELECT = """
            select id, requester, scope_kind, scope_ref, reason, duration_hours, approvals_needed, status, requested_at,
                active_from, expires_at, ended_at, ended_by, end_reason
            from data_access_requests""";

    private final JdbcClient jdbc;

    AccessRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccessRequest request) {
        return jdbc.sql("""
                        insert into data_access_requests(requester, scope_kind, scope_ref, reason, duration_hours,
                            approvals_needed, status, requested_at)
                        values (:requester, :kind, :ref, :reason, :hours, :needed, :status, :at) returning id""")
                .param("requester", request.requester()).param("kind", request.scope().kind().name())
                .param("ref", request.scope().ref()).param("reason", request.reason())
                .param("hours", request.durationHours()).param("needed", request.approvalsNeeded())
                .param("status", request.status().name()).param("at", Timestamp.from(request.requestedAt()))
                .query(Long.class).single();
    }

    /** Writes the request's state and any approval it does not hold yet. */
    void update(AccessRequest request) {
        AccessRequest.Ended ended = request.ended();
        jdbc.sql("""
                        update data_access_requests set status = :status, active_from = :from, expires_at = :until,
                            ended_at = :endedAt, ended_by = :endedBy, end_reason = :endReason where id = :id""")
                .param("id", request.id()).param("status", request.status().name())
                .param("from", timestamp(request.activeFrom())).param("until", timestamp(request.expiresAt()))
                .param("endedAt", ended == null ? null : timestamp(ended.at()))
                .param("endedBy", ended == null ? null : ended.by())
                .param("endReason", ended == null ? null : ended.reason())
                .update();
        for (AccessRequest.Approval approval : request.approvals()) {
            jdbc.sql("""
                            insert into data_access_approvals(request_id, member, approved_at) values (:id, :member, :at)
                            on conflict do nothing""")
                    .param("id", request.id()).param("member", approval.member()).param("at", Timestamp.from(approval.at()))
                    .update();
        }
    }

    Optional<AccessRequest> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional()
                .map(r -> withApprovals(List.of(r)).get(0));
    }

    /** Locked for a decision, so two members approving at once cannot both be "the second". */
    Optional<AccessRequest> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::row).optional()
                .map(r -> withApprovals(List.of(r)).get(0));
    }

    /** Newest first. */
    List<AccessRequest> list(Filter filter) {
        List<AccessRequest> rows = jdbc.sql(SELECT + "\n" + """
                         where (cast(:requester as varchar) is null or requester = :requester)
                           and (not :active or (status = 'ACTIVE' and expires_at > :now))
                           and (not :pending or status = 'PENDING')
                         order by id desc limit :limit""")
                .param("requester", filter.requester()).param("active", filter.activeOnly())
                .param("pending", filter.pendingOnly()).param("now", Timestamp.from(filter.now()))
                .param("limit", filter.limit())
                .query(this::row).list();
        return withApprovals(rows);
    }

    /** Whether the reader has any grant running now. */
    boolean anyActive(String requester, Instant now) {
        return jdbc.sql("""
                        select exists(select 1 from data_access_requests where requester = :requester and status = 'ACTIVE'
                            and expires_at > :now)""")
                .param("requester", requester).param("now", Timestamp.from(now))
                .query(Boolean.class).single();
    }

    /** The reader's grant running now for the scope, the newest when there are several. */
    Optional<Long> activeGrant(String requester, Scope scope, Instant now) {
        return jdbc.sql("""
                        select id from data_access_requests where requester = :requester and status = 'ACTIVE'
                            and expires_at > :now and scope_kind = :kind and scope_ref = :ref order by id desc limit 1""")
                .param("requester", requester).param("now", Timestamp.from(now))
                .param("kind", scope.kind().name()).param("ref", scope.ref())
                .query(Long.class).optional();
    }

    /** Grants still marked active whose time is up. */
    List<Long> due(Instant now) {
        return jdbc.sql("select id from data_access_requests where status = 'ACTIVE' and expires_at <= :now order by id")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists(select 1 from data_access_requests)").query(Boolean.class).single();
    }

    private List<AccessRequest> withApprovals(List<AccessRequest> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<AccessRequest.Approval>> approvals = jdbc.sql("""
                        select request_id, member, approved_at from data_access_approvals where request_id in (:ids)
                        order by approved_at, member""")
                .param("ids", rows.stream().map(AccessRequest::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new AccessRequest.Approval(rs.getString(2),
                        rs.getTimestamp(3).toInstant()))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> new AccessRequest(r.id(), r.requester(), r.scope(), r.reason(), r.durationHours(),
                r.approvalsNeeded(), r.status(), r.requestedAt(), r.activeFrom(), r.expiresAt(), r.ended(),
                List.copyOf(approvals.getOrDefault(r.id(), List.of())))).toList();
    }

    private AccessRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp endedAt = rs.getTimestamp("ended_at");
        return new AccessRequest(rs.getLong("id"), rs.getString("requester"),
                new Scope(Scope.Kind.valueOf(rs.getString("scope_kind")), rs.getString("scope_ref")),
                rs.getString("reason"), rs.getInt("duration_hours"), rs.getInt("approvals_needed"),
                RequestStatus.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                instant(rs.getTimestamp("active_from")), instant(rs.getTimestamp("expires_at")),
                endedAt == null ? null : new AccessRequest.Ended(endedAt.toInstant(), rs.getString("ended_by"),
                        rs.getString("end_reason")), List.of());
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
