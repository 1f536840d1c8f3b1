package org.medops.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.medops.settings.Settings;
import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The cards at the top of the dashboard: server errors in the last hour (a link to the log query filtered to 5xx
 * in exactly that hour), then what other modules add. Each count runs the very query of the list its link opens.
 */
@Component
class DashboardCards {

    static final String SECTION = "dashboard.cards";
    static final Duration RECENT = Duration.ofHours(1);

    private final LogList logs;
    private final List<DashboardNumbers> others;
    private final Settings settings;
    private final Clock clock;

    DashboardCards(LogList logs, List<DashboardNumbers> others, Settings settings, Clock clock) {
        this.logs = logs;
        this.others = others;
        this.settings = settings;
        this.clock = clock;
    }

    List<WorkbenchCard> cardsFor(Authentication who) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (Workbench.holds(who, "traffic:read")) {
            String link = recentServerErrors(clock.instant(), settings.current().zone());
            cards.add(WorkbenchCard.of(SECTION, "dashboard.card.serverErrors", logs.count(LogQuery.of(link)), link,
                    WorkbenchCard.Severity.DANGER));
        }
        others.forEach(numbers -> cards.addAll(numbers.cardsFor(who)));
        return cards;
    }

    /** The hour up to now, to the second, on the hospital's wall clock as the log query's form shows it. */
    static String recentServerErrors(Instant now, ZoneId zone) {
        Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        return "/traffic/logs?statusClass=5&from=" + java.time.LocalDateTime.ofInstant(end.minus(RECENT), zone)
                + "&to=" + java.time.LocalDateTime.ofInstant(end, zone);
    }
}
