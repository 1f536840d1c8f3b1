package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies that log facts, one per kind, validated alike for the API and the console's forms. */
final class FactRequests {

    private FactRequests() {
    }

    /** {@code calledAt} defaults to now; {@code ticketId} links the ticket the call became. */
    record NewCall(Instant calledAt, @NotBlank @Size(max = 100) String caller, @Size(max = 100) String department,
                   @NotNull CallChannel channel, @NotNull Boolean answered, Long ticketId,
                   @Size(max = 1000) String summary) {
    }

    record NewVisit(@NotNull LocalDate visitedOn, @NotBlank @Size(max = 100) String visitor,
                    @NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 2000) String findings,
                    @NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 2000) String followUp) {
    }

    record NewTraining(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String topic,
                       @NotBlank @Size(max = 200) String audience, @NotNull @Positive @DecimalMax("999") BigDecimal hours,
                       @NotNull @PositiveOrZero Integer attendees, @Size(max = 1000) String materials) {
    }

    /** {@code points}: required for a data-security incident (at least 10), ignored otherwise. */
    record NewIncident(@NotNull LocalDate occurredOn, @NotNull IncidentKind kind,
                       @NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 2000) String summary,
                       @DecimalMin("10") @DecimalMax("100") BigDecimal points) {
    }

    record NewExtraction(@NotBlank @Size(max = 100) String requester, @NotBlank @Size(max = 100) String department,
                         @NotBlank @Size(max = 1000) String subject, @NotNull LocalDate dueOn) {
    }

    /** The requester's word on a delivered extraction: agreement in percent and/or accurate yes/no. */
    record Confirmation(@DecimalMin("0") @DecimalMax("100") BigDecimal accuracyPercent, @NotNull Boolean accurate,
                        @NotBlank @Size(max = 100) String confirmedBy) {
    }
}
