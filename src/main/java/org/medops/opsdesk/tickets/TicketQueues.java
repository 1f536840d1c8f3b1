package org.medops.opsdesk.tickets;

import java.util.ArrayList;
import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard.Severity;
import org.medops.shared.WorkbenchCard;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The ticket queues on the workbench: engineers and the service manager see theirs (mine, unassigned, at risk
 * within the hour, breached, waiting for the hospital for more than a day), the hospital's confirmers what waits
 * for their signature. Each count runs the very filter of the list its link opens.
 */
@Component
@Order(10) // the ticket queues lead the workbench
class TicketQueues implements Workbench {

    static final String QUEUE = "workbench.section.tickets";
    static final String REVIEW = "workbench.section.review";
    static final String UNASSIGNED = "/opsdesk/tickets?assignee=none&open=true";

    private final TicketList list;

    TicketQueues(TicketList list) {
        this.list = list;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (Workbench.holds(who, TicketReminders.ENGINEER)) {
            cards.add(card(who, QUEUE, "mine", "/opsdesk/tickets?assignee=me&open=true", Severity.INFO));
            cards.add(card(who, QUEUE, "unassigned", UNASSIGNED, Severity.INFO));
            cards.add(card(who, QUEUE, "risk", "/opsdesk/tickets?risk=PT1H", Severity.WARNING));
            cards.add(card(who, QUEUE, "breached", "/opsdesk/tickets?open=true&breached=true", Severity.DANGER));
            cards.add(card(who, QUEUE, "waiting", "/opsdesk/tickets?waiting=P1D", Severity.WARNING));
            if (manages(who)) {
                // The same unassigned tickets, on the page where the manager ticks several and gives them away.
                cards.add(WorkbenchCard.of(QUEUE, "workbench.tickets.dispatch", count(who, UNASSIGNED),
                        "/opsdesk/tickets/dispatch", Severity.INFO));
            }
        }
        if (Workbench.holds(who, TicketReminders.CONFIRMER)) {
            cards.add(card(who, REVIEW, "confirmations", "/opsdesk/tickets?status=AWAITING_CONFIRMATION",
                    Severity.WARNING));
        }
        return cards;
    }

    /** The card's number is the total of the very list its link opens: the link is parsed as the list parses it. */
    private WorkbenchCard card(Authentication who, String section, String name, String link, Severity severity) {
        return WorkbenchCard.of(section, "workbench.tickets." + name, count(who, link), link, severity);
    }

    private long count(Authentication who, String link) {
        return list.count(TicketListQuery.of(link), who.getName());
    }

    static boolean manages(Authentication who) {
        return Workbench.holds(who, "opsdesk:manage");
    }
}
