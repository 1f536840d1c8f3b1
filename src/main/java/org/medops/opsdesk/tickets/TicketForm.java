package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The console's fault report form: the occurrence time is typed in the hospital's zone. */
record TicketForm(String title, String phenomenon, LocalDateTime occurredAt, String impactScope, List<String> systems,
                  FaultCategory category, String steps, String reporter, String contact, ReportSource source,
                  Priority priority) {

    static TicketForm blank(String reporter, LocalDateTime now) {
        return new TicketForm("", "", now, "", List.of(), FaultCategory.SOFTWARE, "", reporter, "", ReportSource.WEB,
                Priority.MEDIUM);
    }

    FaultReport toReport(ZoneId zone) {
        return new FaultReport(title, phenomenon, occurredAt == null ? null : occurredAt.atZone(zone).toOffsetDateTime(),
                impactScope, systems == null ? List.of() : systems, category, blankToNull(steps), reporter, contact, source,
                priority);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
