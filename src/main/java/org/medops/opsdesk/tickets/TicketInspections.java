package org.medops.opsdesk.tickets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.medops.inspection.CheckTicketLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which inspection round's failing (or recovered) check opened or joined which ticket ({@code inspection_ticket_links}).
 * The ticket page asks it for the rounds behind a ticket ({@code @ticketInspections.roundsOf(id)}).
 */
@Repository("ticketInspections")
class TicketInspections {

    /** A round that opened, joined or (result PASS) cleared a ticket through one target's check. */
    public record RoundLink(long roundId, String target, String check, String result, Instant linkedAt) {
    }

    private final JdbcClient jdbc;

    TicketInspections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the handling of one target's check until the transaction ends (two rounds finishing at once). */
    void lock(String target, String check) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "inspection-ticket:" + target + "/" + check)
                .query((rs, row) -> 1).list();
    }

    boolean linked(long round, String target, String check) {
        return jdbc.sql("""
                select count(*) from inspection_ticket_links
                where round_id = :round and target_code = :target and check_code = :check""")
                .param("round", round).param("target", target).param("check", check).query(Integer.class).single() > 0;
    }

    /** The open ticket this target's check opened or joined, if any. */
    Optional<Long> openTicket(String target, String check) {
        return jdbc.sql("""
                select t.id from inspection_ticket_links l join tickets t on t.id = l.ticket_id
                where l.target_code = :target and l.check_code = :check and t.status <> 'CLOSED'
                order by t.id desc limit 1""").param("target", target).param("check", check)
                .query(Long.class).optional();
    }

    void link(long ticket, String target, String check, long round, String result, Instant at) {
        jdbc.sql("""
                insert into inspection_ticket_links(ticket_id, target_code, check_code, round_id, result, linked_at)
                values (:ticket, :target, :check, :round, :result, :at) on conflict do nothing""")
                .param("ticket", ticket).param("target", target).param("check", check).param("round", round)
                .param("result", result).param("at", Timestamp.from(at)).update();
    }

    /** The rounds linked to a ticket, the first (which opened it) first. */
    public List<RoundLink> roundsOf(long ticketId) {
        return jdbc.sql("""
                        select round_id, target_code, check_code, result, linked_at from inspection_ticket_links
                        where ticket_id = :ticket order by linked_at, round_id""").param("ticket", ticketId)
                .query((rs, row) -> new RoundLink(rs.getLong("round_id"), rs.getString("target_code"),
                        rs.getString("check_code"), rs.getString("result"), rs.getTimestamp("linked_at").toInstant()))
                .list();
    }

    Map<String, CheckTicketLinks.TicketRef> ofRound(long round) {
        Map<String, CheckTicketLinks.TicketRef> refs = new HashMap<>();
        jdbc.sql("""
                select l.target_code, l.check_code, t.id, t.number from inspection_ticket_links l
                join tickets t on t.id = l.ticket_id where l.round_id = :round""").param("round", round)
                .query((rs, row) -> refs.put(rs.getString("target_code") + "/" + rs.getString("check_code"),
                        new CheckTicketLinks.TicketRef(rs.getLong("id"), rs.getString("number")))).list();
        return refs;
    }
}
