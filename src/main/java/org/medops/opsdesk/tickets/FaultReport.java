package org.medops.opsdesk.tickets;

import org.medops.opsdesk.Priority;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The fault report form of seed 000: what happened, when, to what, and who to call back. */
record FaultReport(@NotBlank @Size(max = 200) String title,
                   @NotBlank @Size(max = 4000) String phenomenon,
                   @NotNull OffsetDateTime occurredAt,
                   @NotBlank @Size(max = 500) String impactScope,
                   @NotEmpty @Size(max = 10) List<@NotBlank String> systems,
                   @NotNull FaultCategory category,
                   @Size(max = 4000) String steps,
                   @NotBlank @Size(max = 64) String reporter,
                   @NotBlank @Size(max = 128) String contact,
                   @NotNull ReportSource source,
                   @NotNull Priority priority) {

    /** The same report under the priority the ticket was moved to: the register keeps one priority per ticket. */
    FaultReport reprioritised(Priority changed) {
        return new FaultReport(title, phenomenon, occurredAt, impactScope, systems, category, steps, reporter, contact,
                source, changed);
    }

    /** The report with its occurrence time as the hospital's clock showed it. */
    FaultReport shownIn(ZoneId zone) {
        return new FaultReport(title, phenomenon, occurredAt.atZoneSameInstant(zone).toOffsetDateTime(), impactScope,
                systems, category, steps, reporter, contact, source, priority);
    }
}
