package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;

import java.time.ZoneOffset;
import java.util.List;

import org.medops.alerting.AlertRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A critical alert is a fault: it opens a ticket linked to the alert, once per alert. */
@Component
class AlertTickets {

    private final TicketDesk desk;
    private final Tickets tickets;

    AlertTickets(TicketDesk desk, Tickets tickets) {
        this.desk = desk;
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(AlertRaised alert) {
        if (!"CRITICAL".equals(alert.severity()) || tickets.existsForAlert(alert.alertId())) {
            return;
        }
        FaultReport report = new FaultReport(truncate("预警：" + alert.rule() + " · " + alert.subject(), 200),
                truncate(alert.message(), 4000), alert.at().atOffset(ZoneOffset.UTC),
                truncate("外联平台 · " + alert.subject(), 500), List.of("GATEWAY"), FaultCategory.INTERFACE, null,
                "MedOps 预警", "alert:" + alert.alertId(), ReportSource.ALERT, Priority.HIGH);
        desk.report(report, "system", alert.alertId());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
