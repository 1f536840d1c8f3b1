package org.medops.opsdesk.tickets;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.inspection.CheckFailing;
import org.medops.inspection.CheckRecovered;
import org.medops.inspection.CheckTicketLinks;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.Priority;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A failing inspection check is a fault found before anyone called: it opens a ticket, one open ticket per target
 * and check. The same check failing in a later round is a note on that ticket, not a second one; passing again is
 * noted too (the engineer closes the ticket, the desk does not decide the fault is gone).
 */
@Component
class InspectionTickets implements CheckTicketLinks {

    private final TicketDesk desk;
    private final TicketInspections links;
    private final OpsdeskSystems systems;
    private final MessageSource messages;

    InspectionTickets(TicketDesk desk, TicketInspections links, OpsdeskSystems systems, MessageSource messages) {
        this.desk = desk;
        this.links = links;
        this.systems = systems;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(CheckFailing failing) {
        links.lock(failing.target(), failing.check());
        if (links.linked(failing.roundId(), failing.target(), failing.check())) {
            return; // a redelivered event
        }
        String check = text("inspection.check." + failing.check());
        String detail = truncate(check + "：" + failing.value() + (failing.threshold() == null ? ""
                : "（" + text("inspection.threshold") + " " + failing.threshold() + "）"), 900);
        var open = links.openTicket(failing.target(), failing.check());
        long ticket;
        if (open.isPresent()) {
            ticket = open.get();
            desk.inspected(ticket, true, failing.roundId(), detail);
        } else {
            String system = failing.system() != null && systems.find(failing.system()).filter(s -> s.active()).isPresent()
                    ? failing.system() : "OTHER";
            FaultReport report = new FaultReport(
                    truncate(text("tickets.inspection.title", failing.targetName(), check), 200),
                    truncate(text("tickets.inspection.phenomenon", failing.targetName(), failing.target(), check,
                            failing.value(), failing.threshold() == null ? "—" : failing.threshold(),
                            failing.roundId()), 4000),
                    failing.at().atOffset(ZoneOffset.UTC),
                    truncate(text("tickets.inspection.impact", failing.targetName()), 500), List.of(system),
                    FaultCategory.OTHER, truncate(failing.evidence() == null ? "" : failing.evidence(), 4000),
                    text("tickets.inspection.reporter"), "inspection:" + failing.roundId(), ReportSource.INSPECTION,
                    Priority.MEDIUM);
            ticket = desk.report(report, "system", (Long) null);
        }
        links.link(ticket, failing.target(), failing.check(), failing.roundId(), "FAIL", failing.at());
    }

    @ApplicationModuleListener
    void on(CheckRecovered recovered) {
        links.lock(recovered.target(), recovered.check());
        if (links.linked(recovered.roundId(), recovered.target(), recovered.check())) {
            return;
        }
        var open = links.openTicket(recovered.target(), recovered.check());
        if (open.isEmpty()) {
            return;
        }
        desk.inspected(open.get(), false, recovered.roundId(),
                truncate(text("inspection.check." + recovered.check()) + "：" + recovered.value(), 900));
        links.link(open.get(), recovered.target(), recovered.check(), recovered.roundId(), "PASS", recovered.at());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, TicketRef> ticketsOf(long roundId) {
        return links.ofRound(roundId);
    }

    /** The ticket is the hospital's record, written in Chinese whoever started the round. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
