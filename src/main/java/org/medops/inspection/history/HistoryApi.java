package org.medops.inspection.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.medops.inspection.permissions.CanReadInspection;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan of a year ({@code GET /api/v1/inspection/plan?year=}) and a target's history over REST. */
@RestController
@RequestMapping("/api/v1/inspection")
class HistoryApi {

    private final History history;
    private final Settings settings;
    private final java.time.Clock clock;

    HistoryApi(History history, Settings settings, java.time.Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code year}: default this year in the hospital's zone. */
    @GetMapping("/plan")
    @CanReadInspection
    YearPlan plan(@RequestParam(required = false) Integer year) {
        return history.plan(year == null ? LocalDate.now(clock.withZone(settings.current().zone())).getYear() : year);
    }

    /** {@code from}/{@code to}: ISO instants; default the last year. */
    @GetMapping("/history/targets/{code}")
    @CanReadInspection
    TargetHistory target(@PathVariable String code, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        return history.target(code, instant(from), instant(to));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("inspection-history-period-invalid");
        }
    }
}
