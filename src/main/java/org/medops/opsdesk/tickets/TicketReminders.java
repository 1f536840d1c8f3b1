package org.medops.opsdesk.tickets;

import java.util.List;
import java.util.Locale;

import org.medops.identity.DeveloperAccounts;
import org.medops.shared.InAppNotice;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Who may take tickets, and the in-app reminders (催办) to an assignee or to the hospital's confirmers. */
@Component
class TicketReminders {

    static final String ENGINEER = "opsdesk:work";
    static final String CONFIRMER = "opsdesk:confirm";

    private final DeveloperAccounts people;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    TicketReminders(DeveloperAccounts people, ApplicationEventPublisher events, MessageSource messages) {
        this.people = people;
        this.events = events;
        this.messages = messages;
    }

    boolean isEngineer(String username) {
        return people.holdersOf(ENGINEER).stream().anyMatch(c -> c.username().equals(username));
    }

    List<DeveloperAccounts.Contact> engineers() {
        return people.holdersOf(ENGINEER);
    }

    void remindAssignee(Ticket ticket) {
        notice(ticket.assignee(), "remind", ticket);
    }

    /** Every enabled confirmer gets the reminder; returns who. */
    List<String> remindConfirmers(Ticket ticket) {
        List<String> to = people.holdersOf(CONFIRMER).stream().map(DeveloperAccounts.Contact::username).toList();
        if (to.isEmpty()) {
            throw ProblemException.conflict("no-confirmer");
        }
        to.forEach(username -> notice(username, "remindConfirmation", ticket));
        return to;
    }

    // Texts in the platform's language, like the portal's notices.
    private void notice(String username, String key, Ticket ticket) {
        Object[] args = {ticket.number(), ticket.report().title()};
        events.publishEvent(new InAppNotice(username,
                messages.getMessage("workbench.notice." + key + ".title", args, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage("workbench.notice." + key + ".text", args, Locale.SIMPLIFIED_CHINESE),
                "/opsdesk/tickets/" + ticket.id()));
    }
}
