package org.medops.opsdesk.tickets;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.opsdesk.Priority;

/**
 * What a ticket's steps take, validated once: the API reads them from JSON, the console binds its forms to the same
 * records ({@code @Valid} on both), so a limit such as the confirmation's 64 and 2,000 characters is stated here
 * only. Text is taken without surrounding blanks.
 */
final class TicketRequests {

    private TicketRequests() {
    }

    record Start(@NotNull WorkMode mode) {
    }

    record Assignment(@NotBlank @Size(max = 64) String engineer) {
        Assignment {
            engineer = strip(engineer);
        }
    }

    record BulkAssignment(@NotEmpty @Size(max = TicketDesk.MAX_BULK) List<@NotNull Long> ticketIds,
                          @NotBlank @Size(max = 64) String engineer) {
        BulkAssignment {
            engineer = strip(engineer);
        }
    }

    record BulkAssigned(int assigned) {
    }

    record Transfer(@NotBlank @Size(max = 64) String engineer, @NotBlank @Size(max = 1000) String reason) {
        Transfer {
            engineer = strip(engineer);
            reason = strip(reason);
        }
    }

    record Arrival(OffsetDateTime arrivedAt) {
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
        Reason {
            reason = strip(reason);
        }
    }

    record Fix(@NotBlank @Size(max = 4000) String summary) {
        Fix {
            summary = strip(summary);
        }
    }

    record Confirm(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 2000) String statement) {
        Confirm {
            name = strip(name);
            statement = strip(statement);
        }
    }

    record RecurrenceLink(@Size(max = 32) String earlierNumber) {
        RecurrenceLink {
            earlierNumber = strip(earlierNumber);
        }
    }

    record RecurrenceClear(@Size(max = 1000) String reason) {
        RecurrenceClear {
            reason = strip(reason);
        }
    }

    record PriorityChange(@NotNull Priority priority, @Size(max = 1000) String reason) {
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
