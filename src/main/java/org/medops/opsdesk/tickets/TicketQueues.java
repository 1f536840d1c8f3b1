package org.medops.opsdesk.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.medops.shared.ProblemException;
import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.medops.shared.WorkbenchCard.Severity;
import org.springframework.security.core.Authentication;
import org.springframework.core.annotation.Order;
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
    static final Duration RISK = Duration.ofHours(1);
    static final Duration WAITING = Duration.ofDays(1);

    private final TicketQueries queries;
    private final Clock clock;

    TicketQueues(TicketQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        Instant now = clock.instant();
        List<WorkbenchCard> cards = new ArrayList<>();
        if (Workbench.holds(who, TicketReminders.ENGINEER)) {
            cards.add(card(QUEUE, "mine", TicketQueries.TicketFilter.queue(who.getName(), null, null, null, now),
                    "/opsdesk/tickets?assignee=me&open=true", Severity.INFO));
            cards.add(card(QUEUE, "unassigned", TicketQueries.TicketFilter.queue(TicketQueries.UNASSIGNED, null, null,
                    null, now), "/opsdesk/tickets?assignee=none&open=true", Severity.INFO));
            cards.add(card(QUEUE, "risk", TicketQueries.TicketFilter.queue(null, null, RISK, null, now),
                    "/opsdesk/tickets?risk=PT1H", Severity.WARNING));
            cards.add(card(QUEUE, "breached", TicketQueries.TicketFilter.queue(null, true, null, null, now),
                    "/opsdesk/tickets?open=true&breached=true", Severity.DANGER));
            cards.add(card(QUEUE, "waiting", TicketQueries.TicketFilter.queue(null, null, null, WAITING, now),
                    "/opsdesk/tickets?waiting=P1D", Severity.WARNING));
            if (manages(who)) {
                // The same unassigned tickets, on the page where the manager ticks several and gives them away.
                cards.add(card(QUEUE, "dispatch", TicketQueries.TicketFilter.queue(TicketQueries.UNASSIGNED, null,
                        null, null, now), "/opsdesk/tickets/dispatch", Severity.INFO));
            }
        }
        if (Workbench.holds(who, TicketReminders.CONFIRMER)) {
            cards.add(card(REVIEW, "confirmations", new TicketQueries.TicketFilter(TicketStatus.AWAITING_CONFIRMATION,
                    null, null, null, null, null, null, null, false, null, null, now),
                    "/opsdesk/tickets?status=AWAITING_CONFIRMATION", Severity.WARNING));
        }
        return cards;
    }

    private WorkbenchCard card(String section, String name, TicketQueries.TicketFilter filter, String link,
                               Severity severity) {
        return WorkbenchCard.of(section, "workbench.tickets." + name, queries.count(filter), link, severity);
    }

    /** {@code me} is the signed-in user; {@code none} stays as it is (unassigned). */
    static String assignee(String assignee, Authentication who) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        return "me".equals(assignee.strip()) ? who.getName() : assignee.strip();
    }

    /** An ISO-8601 duration from the URL ({@code PT1H}, {@code P1D}); a bad one is a readable 400. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration value = Duration.parse(text.strip());
            if (value.isNegative() || value.compareTo(Duration.ofDays(366)) > 0) {
                throw ProblemException.invalid("duration-invalid", text.strip());
            }
            return value;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("duration-invalid", text.strip());
        }
    }

    static boolean manages(Authentication who) {
        return Workbench.holds(who, "opsdesk:manage");
    }
}
