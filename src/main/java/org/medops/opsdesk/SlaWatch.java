package org.medops.opsdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at every running clock, notes breaches at their due time and sends the escalation warnings.
 * Business clocks do not move outside working hours, so nobody is woken at midnight for a target that
 * only counts office time; 24×7 targets (critical faults) do warn at night, as they should.
 */
@Component
class SlaWatch {

    private final Tickets tickets;
    private final TicketDesk desk;
    private final SlaEscalations escalations;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaWatch(Tickets tickets, TicketDesk desk, SlaEscalations escalations, Notifications notifications,
             TransactionTemplate transactions, Clock clock) {
        this.tickets = tickets;
        this.desk = desk;
        this.escalations = escalations;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medops.opsdesk.sla-watch-interval:30s}", initialDelayString = "${medops.opsdesk.sla-watch-interval:30s}")
    void run() {
        List<Escalation> levels = escalations.all();
        for (long id : tickets.withRunningClocks()) {
            List<Ticket.Warning> warnings = transactions.execute(status -> watch(id, levels));
            if (warnings != null) {
                warnings.forEach(this::send);
            }
        }
    }

    private List<Ticket.Warning> watch(long id, List<Escalation> levels) {
        Ticket ticket = tickets.lock(id).orElseThrow();
        List<Ticket.Warning> warnings = ticket.watch(clock.instant(), desk.contextOf(ticket), levels);
        tickets.save(ticket);
        return warnings;
    }

    private void send(Ticket.Warning warning) {
        if (warning.level().targetIds().isEmpty()) {
            return;
        }
        SlaClock c = warning.clock();
        boolean breached = warning.level().percent() >= 100;
        Duration left = c.dueAt() == null ? Duration.ZERO : Duration.between(clock.instant(), c.dueAt());
        String title = (breached ? "【SLA 已超时】" : "【SLA 预警 " + warning.percentUsed() + "%】") + warning.ticketNumber();
        String text = warning.title() + "\n时限：" + c.kind() + "（" + c.target().toMinutes() + " 分钟，"
                + c.basis() + "）\n到期：" + c.dueAt() + (breached ? "" : "（剩余约 " + Math.max(0, left.toMinutes()) + " 分钟）")
                + "\n负责人：" + (warning.assignee() == null ? "未受理" : warning.assignee())
                + "\n通知对象：" + warning.level().audience();
        notifications.send(warning.level().targetIds(), new Message(title, text, breached ? "CRITICAL" : "WARNING",
                "ticket:" + warning.ticketNumber()));
    }
}
