package org.medops.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.medops.shared.ProblemException;

/** The console's forms: text fields as typed, turned into the API's validated bodies. */
final class FactForms {

    private FactForms() {
    }

    /** {@code calledAt} as the page's {@code datetime-local} input, in the hospital's zone; empty means now. */
    record CallForm(String calledAt, String caller, String department, CallChannel channel, Boolean answered,
                    String ticketId, String summary) {
        FactRequests.NewCall toRequest(ZoneId zone) {
            Instant at = blank(calledAt) ? null : dateTime(calledAt, zone);
            return new FactRequests.NewCall(at, caller, department, channel, answered == null ? Boolean.TRUE : answered,
                    blank(ticketId) ? null : number(ticketId).longValue(), summary);
        }
    }

    record VisitForm(String visitedOn, String visitor, String department, String findings, Integer satisfaction,
                     String followUp) {
        FactRequests.NewVisit toRequest() {
            return new FactRequests.NewVisit(day(visitedOn), visitor, department, findings, satisfaction, followUp);
        }
    }

    record TrainingForm(String heldOn, String topic, String audience, String hours, Integer attendees,
                        String materials) {
        FactRequests.NewTraining toRequest() {
            return new FactRequests.NewTraining(day(heldOn), topic, audience, blank(hours) ? null : number(hours),
                    attendees, materials);
        }
    }

    record IncidentForm(String occurredOn, IncidentKind kind, String department, String summary, String points) {
        FactRequests.NewIncident toRequest() {
            return new FactRequests.NewIncident(day(occurredOn), kind, department, summary,
                    blank(points) ? null : number(points));
        }
    }

    record ExtractionForm(String requester, String department, String subject, String dueOn) {
        FactRequests.NewExtraction toRequest() {
            return new FactRequests.NewExtraction(requester, department, subject, day(dueOn));
        }
    }

    record ConfirmationForm(String accuracyPercent, Boolean accurate, String confirmedBy) {
        FactRequests.Confirmation toRequest() {
            return new FactRequests.Confirmation(blank(accuracyPercent) ? null : number(accuracyPercent), accurate,
                    confirmedBy);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static LocalDate day(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("reporting-day-invalid", text);
        }
    }

    private static Instant dateTime(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("reporting-day-invalid", text);
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("reporting-number-invalid", text);
        }
    }
}
