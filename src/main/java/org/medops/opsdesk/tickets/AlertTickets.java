package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.alerting.AlertRaised;
import org.medops.alerting.AlertSeverity;
import org.medops.alerting.AlertTicketLinks;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A critical alert is a fault: it opens a ticket linked to the alert. One open ticket per rule and subject: an
 * alert that fires again while that ticket is open joins it (a timeline note) instead of opening a second one.
 * Templates ask it which alerts a ticket came from ({@code @alertTickets.alertsOf(id)}).
 */
@Component("alertTickets")
class AlertTickets implements AlertTicketLinks {

    private final TicketDesk desk;
    private final TicketAlerts links;
    private final MessageSource messages;

    AlertTickets(TicketDesk desk, TicketAlerts links, MessageSource messages) {
        this.desk = desk;
        this.links = links;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(AlertRaised alert) {
        if (alert.severity() != AlertSeverity.CRITICAL) {
            return;
        }
        links.lock(alert.ruleId(), alert.subject());
        if (links.linked(alert.alertId())) {
            return; // a redelivered event
        }
        var open = links.openTicket(alert.ruleId(), alert.subject());
        long ticket;
        if (open.isPresent()) {
            ticket = open.get();
            desk.alertRefired(ticket, alert.alertId(), truncate(alert.message(), 1000));
        } else {
            FaultReport report = new FaultReport(truncate(text("tickets.alert.title", alert.rule(), alert.subject()), 200),
                    truncate(alert.message(), 4000), alert.at().atOffset(ZoneOffset.UTC),
                    truncate(text("tickets.alert.impact", alert.subject()), 500), List.of("GATEWAY"),
                    FaultCategory.INTERFACE, null, text("tickets.alert.reporter"), "alert:" + alert.alertId(),
                    ReportSource.ALERT, Priority.HIGH);
            ticket = desk.report(report, "system", alert.alertId());
        }
        links.link(alert.alertId(), ticket, alert.ruleId(), alert.subject(), alert.at());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, TicketRef> ticketsOf(Collection<Long> alertIds) {
        return alertIds.isEmpty() ? Map.of() : links.ticketsOf(alertIds);
    }

    /** The alerts that opened or joined a ticket, for its page to link back. */
    public List<Long> alertsOf(long ticketId) {
        return links.alertsOf(ticketId);
    }

    /** The report is the hospital's record, written in Chinese whoever's session raised the alert. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
