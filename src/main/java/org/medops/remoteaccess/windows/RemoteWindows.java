package org.medops.remoteaccess.windows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The remote-maintenance windows. */
@Repository
class RemoteWindows {

    private final JdbcClient jdbc;

    RemoteWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RemoteWindow save(RemoteWindow window) {
        MapSqlParameterSource columns = new MapSqlParameterSource()
                .addValue("status", window.status().name())
                .addValue("decidedBy", window.decidedBy())
                .addValue("decidedAt", ts(window.decidedAt()))
                .addValue("note", window.decisionNote())
                .addValue("endedAt", ts(window.endedAt()))
                .addValue("endedBy", window.endedBy());
        if (window.id() == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            RemoteWindow.Request request = window.request();
            jdbc.sql("""
                            insert into remote_windows(requester, system, starts_at, ends_at, reason, ticket_refs, status,
                                decided_by, decided_at, decision_note, ended_at, ended_by, created_at)
                            values (:requester, :system, :from, :to, :reason, :tickets, :status, :decidedBy, :decidedAt,
                                :note, :endedAt, :endedBy, :createdAt)""")
                    .paramSource(columns.addValue("requester", window.requester())
                            .addValue("system", request.system())
                            .addValue("from", ts(request.from()))
                            .addValue("to", ts(request.to()))
                            .addValue("reason", request.reason())
                            .addValue("tickets", request.ticketRefs())
                            .addValue("createdAt", ts(window.createdAt())))
                    .update(keys, "id");
            return find(keys.getKey().longValue()).orElseThrow();
        }
        jdbc.sql("""
                        update remote_windows set status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
                            decision_note = :note, ended_at = :endedAt, ended_by = :endedBy
                        where id = :id""")
                .paramSource(columns.addValue("id", window.id())).update();
        return find(window.id()).orElseThrow();
    }

    Optional<RemoteWindow> find(long id) {
        return jdbc.sql("select * from remote_windows where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<RemoteWindow> findForUpdate(long id) {
        return jdbc.sql("select * from remote_windows where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    /** Newest first; {@code requester} null for everyone's. */
    List<RemoteWindow> recent(String requester, int limit) {
        return jdbc.sql("""
                        select * from remote_windows where (cast(:requester as varchar) is null or requester = :requester)
                        order by id desc limit :limit""")
                .param("requester", requester).param("limit", limit).query(this::map).list();
    }

    boolean openFor(String requester, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from remote_windows where requester = :requester and status = 'APPROVED'
                            and starts_at <= :now and ends_at > :now)""")
                .param("requester", requester).param("now", ts(now)).query(Boolean.class).single();
    }

    private RemoteWindow map(ResultSet rs, int row) throws SQLException {
        return new RemoteWindow(rs.getLong("id"), rs.getString("requester"),
                new RemoteWindow.Request(rs.getString("system"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                        rs.getString("reason"), rs.getString("ticket_refs")),
                RemoteWindow.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("decision_note"), instant(rs, "ended_at"),
                rs.getString("ended_by"), instant(rs, "created_at"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
