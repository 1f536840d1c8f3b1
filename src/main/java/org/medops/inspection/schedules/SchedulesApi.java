package org.medops.inspection.schedules;

import java.util.List;

import org.medops.inspection.permissions.CanEditInspectionTargets;
import org.medops.inspection.permissions.CanReadInspection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inspection schedules over REST, each with its next occurrences. */
@RestController
@RequestMapping("/api/v1/inspection/schedules")
class SchedulesApi {

    private final Schedules schedules;

    SchedulesApi(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    @CanReadInspection
    List<ScheduleView> list() {
        return schedules.all();
    }

    @GetMapping("/{id}")
    @CanReadInspection
    ScheduleView one(@PathVariable long id) {
        return schedules.get(id);
    }

    @PostMapping
    @CanEditInspectionTargets
    ResponseEntity<ScheduleView> create(@RequestBody ScheduleRequest request, Authentication who) {
        return ResponseEntity.status(201).body(schedules.create(request.details(), who.getName()));
    }

    @PutMapping("/{id}")
    @CanEditInspectionTargets
    ScheduleView update(@PathVariable long id, @RequestBody ScheduleRequest request, Authentication who) {
        return schedules.update(id, request.details(), who.getName());
    }

    @DeleteMapping("/{id}")
    @CanEditInspectionTargets
    ResponseEntity<Void> delete(@PathVariable long id, Authentication who) {
        schedules.delete(id, who.getName());
        return ResponseEntity.noContent().build();
    }
}
