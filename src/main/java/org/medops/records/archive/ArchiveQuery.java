package org.medops.records.archive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.medops.shared.ProblemException;

/** Reads the search and handover parameters the same way for the API and the console. */
final class ArchiveQuery {

    private ArchiveQuery() {
    }

    static Documents.Filter filter(String type, String system, String from, String to, String q) {
        String text = blank(q);
        if (text != null && text.length() > 100) {
            throw ProblemException.invalid("records-filter-too-long", 100);
        }
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("archive-period-invalid");
        }
        return new Documents.Filter(blank(type) == null ? null : DocumentTypes.require(type), blank(system), first, last,
                text);
    }

    static HandoverPeriod period(String preset, String from, String to, String contractStart, Integer months) {
        HandoverPeriod.Preset chosen = HandoverPeriod.Preset.CUSTOM;
        if (blank(preset) != null) {
            try {
                chosen = HandoverPeriod.Preset.valueOf(preset.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("archive-handover-preset", preset);
            }
        }
        return chosen == HandoverPeriod.Preset.CUSTOM ? new HandoverPeriod(date(from), date(to), chosen)
                : HandoverPeriod.of(chosen, date(contractStart), months);
    }

    static LocalDate date(String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("records-date-invalid", text);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
