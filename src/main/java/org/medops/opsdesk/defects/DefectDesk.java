package org.medops.opsdesk.defects;

import org.medops.opsdesk.OpsdeskSystems;
import org.medops.opsdesk.tickets.TicketIds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.medops.settings.Settings;
import org.medops.shared.FieldChange;
import org.medops.shared.FilterText;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports defects, records their progress as timestamped notes, links tickets, builds the quarterly report. */
@Service
class DefectDesk {

    private final Defects defects;
    private final OpsdeskSystems systems;
    private final TicketIds tickets;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefectDesk(Defects defects, OpsdeskSystems systems, TicketIds tickets, Settings settings, ApplicationEventPublisher events,
               Clock clock) {
        this.defects = defects;
        this.systems = systems;
        this.tickets = tickets;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Defect report(NewDefect request, String by) {
        systems.requireActive(request.systemCode());
        Instant now = clock.instant();
        long id = defects.insert(Defect.report(request, by, now));
        defects.note(id, now, by, null, DefectStatus.OPEN, null);
        for (long ticket : request.tickets()) {
            requireTicket(ticket);
            defects.link(id, ticket);
        }
        events.publishEvent(new DefectAction("defect.report", Long.toString(id), FieldChange.between(null, request)));
        return defects.find(id).orElseThrow();
    }

    @Transactional
    Defect progress(long id, DefectStatus target, String fixedVersion, String note, String by) {
        Defect before = defects.lock(id).orElseThrow(() -> ProblemException.notFound("defect", id));
        Instant now = clock.instant();
        Defect after = before.moveTo(target, fixedVersion, note, now);
        defects.update(after);
        defects.note(id, now, by, before.status(), after.status(), FilterText.orNull(note));
        List<FieldChange> changes = new ArrayList<>(FieldChange.between(before, after));
        if (note != null && !note.isBlank()) {
            changes.add(FieldChange.set("note", note.trim()));
        }
        events.publishEvent(new DefectAction("defect.progress", Long.toString(id), changes));
        return after;
    }

    @Transactional
    void note(long id, String note, String by) {
        Defect defect = defects.lock(id).orElseThrow(() -> ProblemException.notFound("defect", id))
                .requireOpenForNotes();
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("defect-note-required");
        }
        defects.note(id, clock.instant(), by, defect.status(), defect.status(), note.trim());
        events.publishEvent(new DefectAction("defect.note", Long.toString(id), List.of(FieldChange.set("note",
                note.trim()))));
    }

    @Transactional
    void link(long id, long ticketId) {
        defects.find(id).orElseThrow(() -> ProblemException.notFound("defect", id));
        if (ticketId <= 0) {
            throw ProblemException.invalid("ticket-id-invalid", Long.toString(ticketId));
        }
        requireTicket(ticketId);
        if (defects.link(id, ticketId)) {
            events.publishEvent(new DefectAction("defect.ticket.link", Long.toString(id),
                    List.of(FieldChange.set("ticketId", ticketId))));
        }
    }

    private void requireTicket(long ticketId) {
        if (!tickets.exists(ticketId)) {
            throw ProblemException.notFound("ticket", ticketId);
        }
    }

    @Transactional
    void unlink(long id, long ticketId) {
        defects.find(id).orElseThrow(() -> ProblemException.notFound("defect", id));
        if (defects.unlink(id, ticketId)) {
            events.publishEvent(new DefectAction("defect.ticket.unlink", Long.toString(id),
                    List.of(FieldChange.of("ticketId", ticketId, null))));
        }
    }

    DefectReport report(DefectQuarter quarter) {
        ZoneId zone = zone();
        Instant start = quarter.firstDay().atStartOfDay(zone).toInstant();
        Instant end = quarter.endExclusive().atStartOfDay(zone).toInstant();
        if (start.isAfter(clock.instant())) {
            throw ProblemException.invalid("quarter-future", quarter.toString());
        }
        return DefectReport.of(quarter, start, end, clock.instant(), defects.reportedBefore(end),
                defects.statusChangesBefore(end));
    }

    DefectQuarter currentQuarter() {
        return DefectQuarter.of(LocalDate.ofInstant(clock.instant(), zone()));
    }

    ZoneId zone() {
        return settings.current().zone();
    }
}
