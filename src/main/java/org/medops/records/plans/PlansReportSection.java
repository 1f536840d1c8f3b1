package org.medops.records.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.reporting.ServiceReportContributor;
import org.medops.shared.ListRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The service report's section on emergency plans: plans in force, reviews overdue, the drills of the period. */
@Component
class PlansReportSection implements ServiceReportContributor {

    private final PlanDesk desk;
    private final Drills drills;
    private final MessageSource messages;

    PlansReportSection(PlanDesk desk, Drills drills, MessageSource messages) {
        this.desk = desk;
        this.drills = drills;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public List<Section> sections(Period period, Locale locale) {
        PlanFigures figures = desk.figures(period.first(), period.last().plusDays(1));
        List<Drills.DrillRow> held = drills.rows(new Drills.Filter(null, figures.from(), figures.to(), null),
                new ListRequest.Sort("heldOn", true), 0, 1_000);
        List<List<String>> rows = new ArrayList<>();
        for (Drills.DrillRow d : held) {
            rows.add(List.of(d.heldOn().toString(), d.planTitle(), d.scenario(), d.findings(), d.followUp(),
                    d.recoveryMinutes() == null ? "—" : text(locale, Boolean.TRUE.equals(d.withinRto())
                            ? "report.plans.withinRto" : "report.plans.beyondRto", d.recoveryMinutes(), d.rtoMinutes())));
        }
        List<String> lines = List.of(text(locale, "report.plans.figures", figures.plans(), figures.reviewsOverdue(),
                figures.drills(), figures.drillsMeasured(), figures.drillsWithinRto()));
        return List.of(new Section("emergency-plans", text(locale, "report.plans.title"), lines,
                List.of(text(locale, "report.plans.heldOn"), text(locale, "report.plans.plan"),
                        text(locale, "report.plans.scenario"), text(locale, "report.plans.findings"),
                        text(locale, "report.plans.followUp"), text(locale, "report.plans.recovery")), rows));
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
