package org.medops.records.plans;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.medops.records.permissions.CanReadRecords;
import org.medops.records.permissions.CanWriteRecords;
import org.medops.shared.ListPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emergency plans over REST: written and revised, reviewed yearly, drills recorded; the figures for a report. */
@RestController
@RequestMapping("/api/v1/records")
class PlansApi {

    private final PlanDesk desk;
    private final PlanLists lists;

    PlansApi(PlanDesk desk, PlanLists lists) {
        this.desk = desk;
        this.lists = lists;
    }

    @GetMapping("/plans")
    @CanReadRecords
    ListPage<EmergencyPlans.PlanRow> list(PlanListQuery query, Locale locale, HttpServletRequest http,
                                          HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            lists.exportPlans(query, locale, http, response);
            return null;
        }
        return lists.plans(query, http);
    }

    @PostMapping("/plans")
    @CanWriteRecords
    ResponseEntity<PlanView> write(@Valid @RequestBody PlanContent content, Authentication who) {
        EmergencyPlan saved = desk.write(content, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/records/plans/" + saved.id())).body(desk.view(saved.id()));
    }

    @GetMapping("/plans/{id}")
    @CanReadRecords
    PlanView one(@PathVariable long id) {
        return desk.view(id);
    }

    @PutMapping("/plans/{id}")
    @CanWriteRecords
    PlanView revise(@PathVariable long id, @Valid @RequestBody PlanContent content, Authentication who) {
        desk.revise(id, content, who.getName());
        return desk.view(id);
    }

    /** The yearly review: {@code {"reviewedOn":"yyyy-MM-dd","notes":…}}, today when the day is omitted. */
    @PostMapping("/plans/{id}/review")
    @CanWriteRecords
    PlanView review(@PathVariable long id, @RequestBody(required = false) Review body, Authentication who) {
        desk.review(id, body == null ? null : body.reviewedOn(), body == null ? null : body.notes(), who.getName());
        return desk.view(id);
    }

    @PostMapping("/plans/{id}/drills")
    @CanWriteRecords
    ResponseEntity<Drill> drill(@PathVariable long id, @Valid @RequestBody NewDrill drill, Authentication who) {
        Drill saved = desk.drill(id, drill, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/records/plans/" + id)).body(saved);
    }

    @GetMapping("/drills")
    @CanReadRecords
    ListPage<Drills.DrillRow> drills(DrillListQuery query, Locale locale, HttpServletRequest http,
                                     HttpServletResponse response) throws IOException {
        if (query.export() != null) {
            lists.exportDrills(query, locale, http, response);
            return null;
        }
        return lists.drills(query, http);
    }

    /** Plans, overdue reviews, drills and drills within RTO for {@code [from, to)}: what the service report quotes. */
    @GetMapping("/plans/figures")
    @CanReadRecords
    PlanFigures figures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return desk.figures(from, to);
    }

    record Review(LocalDate reviewedOn, String notes) {
    }
}
