package org.medops.records.plans;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.opsdesk.HospitalZone;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.springframework.stereotype.Component;

/** The plan and drill lists for the pages, the API and the exports. */
@Component
class PlanLists {

    private static final List<ListExport.Column<EmergencyPlans.PlanRow>> PLAN_COLUMNS = List.of(
            ListExport.Column.of("plans.field.id", EmergencyPlans.PlanRow::id),
            ListExport.Column.of("plans.field.title", EmergencyPlans.PlanRow::title),
            ListExport.Column.label("plans.field.scenario", r -> "plans.scenario." + r.scenario()),
            ListExport.Column.of("plans.field.system", r -> r.systemName() == null ? "" : r.systemName()),
            ListExport.Column.of("plans.field.rto", EmergencyPlans.PlanRow::rtoMinutes),
            ListExport.Column.of("plans.field.rpo", EmergencyPlans.PlanRow::rpoMinutes),
            ListExport.Column.of("plans.field.revision", EmergencyPlans.PlanRow::revision),
            ListExport.Column.of("plans.field.reviewedOn", r -> r.reviewedOn() == null ? "" : r.reviewedOn().toString()),
            ListExport.Column.of("plans.field.reviewDue", r -> r.reviewDue().toString()),
            ListExport.Column.label("plans.field.reviewState", r -> "plans.review." + r.reviewState()),
            ListExport.Column.of("plans.field.drills", EmergencyPlans.PlanRow::drills),
            ListExport.Column.of("plans.field.lastDrill", r -> r.lastDrill() == null ? "" : r.lastDrill().toString()));

    private static final List<ListExport.Column<Drills.DrillRow>> DRILL_COLUMNS = List.of(
            ListExport.Column.of("drills.field.heldOn", r -> r.heldOn().toString()),
            ListExport.Column.of("drills.field.plan", Drills.DrillRow::planTitle),
            ListExport.Column.of("drills.field.scenario", Drills.DrillRow::scenario),
            ListExport.Column.of("drills.field.participants", Drills.DrillRow::participants),
            ListExport.Column.of("drills.field.findings", Drills.DrillRow::findings),
            ListExport.Column.of("drills.field.followUp", Drills.DrillRow::followUp),
            ListExport.Column.of("drills.field.recoveryMinutes", Drills.DrillRow::recoveryMinutes),
            ListExport.Column.of("drills.field.withinRto", Drills.DrillRow::withinRto));

    private final EmergencyPlans plans;
    private final Drills drills;
    private final PlanDesk desk;
    private final HospitalZone zone;
    private final ListExport export;

    PlanLists(EmergencyPlans plans, Drills drills, PlanDesk desk, HospitalZone zone, ListExport export) {
        this.plans = plans;
        this.drills = drills;
        this.desk = desk;
        this.zone = zone;
        this.export = export;
    }

    ListPage<EmergencyPlans.PlanRow> plans(PlanListQuery query, HttpServletRequest http) {
        return ListPage.of(plans, query.filter(desk.today()), query.request(), http);
    }

    ListPage<EmergencyPlans.PlanRow> noPlans(HttpServletRequest http) {
        return ListPage.empty(EmergencyPlans.SORT, http);
    }

    void exportPlans(PlanListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        export.export("records-plans", PLAN_COLUMNS, plans, query.filter(desk.today()), query.request(), query.export(),
                zone.get(), locale, http, response);
    }

    ListPage<Drills.DrillRow> drills(DrillListQuery query, HttpServletRequest http) {
        return ListPage.of(drills, query.filter(), query.request(), http);
    }

    void exportDrills(DrillListQuery query, Locale locale, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        export.export("records-drills", DRILL_COLUMNS, drills, query.filter(), query.request(), query.export(),
                zone.get(), locale, http, response);
    }
}
