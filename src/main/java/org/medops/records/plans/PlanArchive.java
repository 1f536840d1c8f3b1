package org.medops.records.plans;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.medops.opsdesk.HospitalZone;
import org.medops.records.ArchiveSource;
import org.medops.records.RecordPdf;
import org.springframework.stereotype.Component;

/**
 * Emergency plans (in their current revision, dated by the last edit) and drill records (dated by the day held, at
 * the start of that day in the hospital's zone) for the archive, printed as PDF.
 */
@Component
class PlanArchive implements ArchiveSource {

    static final String PLAN_TYPE = "EMERGENCY_PLAN";
    static final String DRILL_TYPE = "DRILL_RECORD";

    private final EmergencyPlans plans;
    private final Drills drills;
    private final HospitalZone zone;
    private final RecordPdf pdf;

    PlanArchive(EmergencyPlans plans, Drills drills, HospitalZone zone, RecordPdf pdf) {
        this.pdf = pdf;
        this.plans = plans;
        this.drills = drills;
        this.zone = zone;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        List<Document> documents = new ArrayList<>();
        for (EmergencyPlan p : plans.updatedBetween(from, to)) {
            documents.add(pdf.asPdf(new Document("plan:" + p.id(), PLAN_TYPE, p.content().systemCode(), p.content().title(),
                    "r" + p.revision(), p.updatedAt(), p.updatedBy(), null, "emergency-plan-" + p.id() + "-r"
                    + p.revision() + ".txt", "text/plain; charset=UTF-8",
                    p.content().text().getBytes(StandardCharsets.UTF_8))));
        }
        var z = zone.get();
        for (Drill d : drills.heldBetween(LocalDate.ofInstant(from, z).minusDays(1), LocalDate.ofInstant(to, z).plusDays(1))) {
            Instant at = d.heldOn().atStartOfDay(z).toInstant();
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            EmergencyPlan plan = plans.find(d.planId()).orElseThrow();
            documents.add(pdf.asPdf(new Document("drill:" + d.id(), DRILL_TYPE, plan.content().systemCode(),
                    plan.content().title() + " · " + d.heldOn(), "1", at, d.recordedBy(), null,
                    "drill-" + d.id() + "-" + d.heldOn() + ".txt", "text/plain; charset=UTF-8",
                    d.text(plan.content().title()).getBytes(StandardCharsets.UTF_8))));
        }
        return documents;
    }
}
