package org.medops.opsdesk.tickets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.medops.alerting.AlertTicketLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which alerts opened or joined which ticket ({@code ticket_alerts}). */
@Repository
class TicketAlerts {

    private final JdbcClient jdbc;

    TicketAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises alert handling per rule and subject until the transaction ends, so two re-fires handled at once
     * cannot both find no open ticket.
     */
    void lock(long ruleId, String subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "alert-ticket:" + ruleId + ":" + subject)
                .query((rs, row) -> 1).list();
    }

    boolean linked(long alertId) {
        return jdbc.sql("select count(*) from ticket_alerts where alert_id = :alert").param("alert", alertId)
                .query(Integer.class).single() > 0;
    }

    /** The open ticket an earlier alert of this rule and subject opened or joined, if any. */
    Optional<Long> openTicket(long ruleId, String subject) {
        return jdbc.sql("""
                select t.id from ticket_alerts l join tickets t on t.id = l.ticket_id
                where l.rule_id = :rule and l.subject = :subject and t.status <> 'CLOSED'
                order by t.id desc limit 1""").param("rule", ruleId).param("subject", subject)
                .query(Long.class).optional();
    }

    void link(long alertId, long ticketId, long ruleId, String subject, Instant at) {
        jdbc.sql("""
                insert into ticket_alerts(alert_id, ticket_id, rule_id, subject, linked_at)
                values (:alert, :ticket, :rule, :subject, :at) on conflict do nothing""")
                .param("alert", alertId).param("ticket", ticketId).param("rule", ruleId).param("subject", subject)
                .param("at", Timestamp.from(at)).update();
    }

    Map<Long, AlertTicketLinks.TicketRef> ticketsOf(Collection<Long> alertIds) {
        Map<Long, AlertTicketLinks.TicketRef> tickets = new HashMap<>();
        jdbc.sql("""
                select l.alert_id, t.id, t.number from ticket_alerts l join tickets t on t.id = l.ticket_id
                where l.alert_id in (:alerts)""").param("alerts", alertIds)
                .query((rs, row) -> tickets.put(rs.getLong("alert_id"),
                        new AlertTicketLinks.TicketRef(rs.getLong("id"), rs.getString("number")))).list();
        return tickets;
    }

    List<Long> alertsOf(long ticketId) {
        return jdbc.sql("select alert_id from ticket_alerts where ticket_id = :ticket order by alert_id")
                .param("ticket", ticketId).query(Long.class).list();
    }
}
