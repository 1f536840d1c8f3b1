package org.medops.alerting;

import java.util.ArrayList;
import java.util.List;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.medops.traffic.DashboardNumbers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The alerts on the administrators' dashboard: open ones, and the critical among them, each a filtered list. */
@Component
class AlertCards implements DashboardNumbers {

    static final String SECTION = "dashboard.cards";
    static final String OPEN = "/alerts?status=OPEN";
    static final String OPEN_CRITICAL = "/alerts?status=OPEN&severity=CRITICAL";

    private final AlertList list;

    AlertCards(AlertList list) {
        this.list = list;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Authentication who) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (Workbench.holds(who, "alert:read")) {
            cards.add(card("dashboard.card.openAlerts", OPEN, WorkbenchCard.Severity.WARNING));
            cards.add(card("dashboard.card.criticalAlerts", OPEN_CRITICAL, WorkbenchCard.Severity.DANGER));
        }
        return cards;
    }

    /** The card's number is the total of the very list its link opens: the link is parsed as the list parses it. */
    private WorkbenchCard card(String label, String link, WorkbenchCard.Severity severity) {
        return WorkbenchCard.of(SECTION, label, list.count(AlertListQuery.of(link)), link, severity);
    }
}
