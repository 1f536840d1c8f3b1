package org.medops.opsdesk.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.medops.opsdesk.Priority;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ticket list's URL parameters (the shared list contract), bound alike by the page, the API and the export:
 * {@code status} (repeatable) | {@code open=true}, {@code priority}, {@code system}, {@code q},
 * {@code assignee=<username>|me|none}, {@code breached}, {@code risk=PT1H}, {@code waiting=P1D}, {@code from},
 * {@code to} (hospital dates, both included), {@code page}, {@code size}, {@code sort=<column>,asc|desc},
 * {@code export=csv|xlsx}.
 */
record TicketListQuery(List<TicketStatus> status, Boolean open, Priority priority, String system, String q,
                       String assignee, Boolean breached, String risk, String waiting, LocalDate from, LocalDate to,
                       Integer page, Integer size, String sort, String export) {

    /** The query a list link stands for, e.g. {@code /opsdesk/tickets?assignee=me&open=true}. */
    static TicketListQuery of(String link) {
        MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        List<TicketStatus> statuses = p.getOrDefault("status", List.of()).stream().map(TicketStatus::valueOf).toList();
        return new TicketListQuery(statuses, flag(p, "open"), p.containsKey("priority")
                ? Priority.valueOf(p.getFirst("priority")) : null, p.getFirst("system"), p.getFirst("q"),
                p.getFirst("assignee"), flag(p, "breached"), p.getFirst("risk"), p.getFirst("waiting"), null, null,
                null, null, p.getFirst("sort"), null);
    }

    private static Boolean flag(MultiValueMap<String, String> parameters, String name) {
        return parameters.containsKey(name) ? Boolean.valueOf(parameters.getFirst(name)) : null;
    }

    ListRequest request() {
        return ListRequest.of(page, size, sort, TicketQueries.SORT);
    }

    /** @param me the signed-in user, for {@code assignee=me} */
    TicketQueries.TicketFilter filter(String me, ZoneId zone) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        if (status != null) {
            status.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        if (Boolean.TRUE.equals(open)) {
            if (statuses.isEmpty()) {
                statuses.addAll(EnumSet.allOf(TicketStatus.class));
            }
            statuses.remove(TicketStatus.CLOSED);
            if (statuses.isEmpty()) {
                throw ProblemException.invalid("filter-open-closed");
            }
        }
        String who = assignee == null || assignee.isBlank() ? null
                : switch (assignee.strip()) {
                    case "me" -> me;
                    case "none" -> TicketQueries.TicketFilter.UNASSIGNED;
                    default -> assignee.strip();
                };
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("range-invalid");
        }
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new TicketQueries.TicketFilter(statuses, priority, system, who, breached, duration("risk", risk),
                duration("waiting", waiting), q, start, end);
    }

    private static Duration duration(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration d = Duration.parse(text.strip());
            if (d.isNegative() || d.isZero()) {
                throw ProblemException.invalid("duration-invalid", name, text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("duration-invalid", name, text);
        }
    }
}
