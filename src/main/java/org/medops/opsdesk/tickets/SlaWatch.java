package org.medops.opsdesk.tickets;

import org.medops.opsdesk.sla.Escalation;
import org.medops.opsdesk.sla.SlaContext;
import org.medops.opsdesk.sla.SlaEscalations;
import org.medops.opsdesk.sla.SlaPreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at every running clock, notes breaches at their due time and sends the escalation warnings.
 * Business clocks do not move outside working hours, so nobody is woken at midnight for a target that
 * only counts office time; 24×7 targets (critical faults) do warn at night, as they should. Several
 * console nodes may run it: a ticket another node is looking at is skipped, and each level is stored
 * as sent in the same transaction that decides to send it.
 */
@Component
@ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('console')")
class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final Tickets tickets;
    private final TicketDesk desk;
    private final SlaEscalations escalations;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaWatch(Tickets tickets, TicketDesk desk, SlaEscalations escalations, Notifications notifications,
             MessageSource messages, TransactionTemplate transactions, Clock clock) {
        this.tickets = tickets;
        this.desk = desk;
        this.escalations = escalations;
        this.notifications = notifications;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Notice(List<Long> targets, Message message) {
    }

    @Scheduled(fixedDelayString = "${medops.opsdesk.sla-watch-interval:30s}",
            initialDelayString = "${medops.opsdesk.sla-watch-interval:30s}")
    void run() {
        List<Escalation> levels = escalations.all();
        for (long id : tickets.withRunningClocks()) {
            try {
                List<Notice> notices = transactions.execute(status -> watch(id, levels));
                if (notices != null) {
                    notices.forEach(notice -> notifications.send(notice.targets(), notice.message()));
                }
            } catch (RuntimeException e) {
                log.warn("SLA watch skipped ticket {} this round: {}", id, e.toString());
            }
        }
    }

    private List<Notice> watch(long id, List<Escalation> levels) {
        Ticket ticket = tickets.lockUnlessBusy(id).orElse(null);
        if (ticket == null) {
            return List.of();
        }
        SlaContext sla = desk.contextOf(ticket);
        List<SlaClock> before = ticket.clocks();
        Instant now = clock.instant();
        List<Ticket.Warning> warnings = ticket.watch(now, sla, levels);
        if (warnings.isEmpty() && before.equals(ticket.clocks())) {
            return List.of();
        }
        tickets.save(ticket);
        return warnings.stream().filter(w -> !w.level().targetIds().isEmpty())
                .map(w -> new Notice(w.level().targetIds(), message(w, sla, now))).toList();
    }

    /**
     * Robot and e-mail text in Chinese (the hospital's robots and mailboxes read it), the hospital's zone, and what is
     * left on the clock's own basis. Numbers go in as text so the message format does not group them (1,440).
     */
    private Message message(Ticket.Warning warning, SlaContext sla, Instant now) {
        SlaClock c = warning.clock();
        boolean breached = warning.level().percent() >= 100;
        Duration left = c.target().minus(c.elapsedAt(now, sla.time(c.basis())));
        String title = breached ? text("sla.warning.title.breached", warning.ticketNumber())
                : text("sla.warning.title.warning", String.valueOf(warning.percentUsed()), warning.ticketNumber());
        String body = text("sla.warning.text", warning.title(), text("sla.kind." + c.kind()),
                String.valueOf(c.target().toMinutes()), text("sla.basis." + c.basis()),
                c.dueAt() == null ? "—" : SlaPreview.format(c.dueAt(), sla.calendar()),
                breached ? "" : text("sla.warning.left", String.valueOf(Math.max(0, left.toMinutes()))),
                warning.assignee() == null ? text("sla.warning.unaccepted") : warning.assignee(),
                text("sla.audience." + warning.level().audience()));
        return new Message(title, body, breached ? "CRITICAL" : "WARNING", "ticket:" + warning.ticketNumber());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
